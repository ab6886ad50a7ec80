import type { PlannerDatabase } from '../schema';

/** The `app` field of every backup. */
export const BACKUP_APP = 'OnMuni Toolkit';
/** The `kind` field that marks a file as a planner backup. */
export const BACKUP_KIND = 'onmuni-planner-backup';

/** A planner backup file, as written. */
export interface PlannerBackup {
  app: typeof BACKUP_APP;
  kind: typeof BACKUP_KIND;
  schemaVersion: number;
  /** When the backup was made, ISO 8601 in UTC. */
  exportedAt: string;
  planner: Omit<PlannerDatabase, 'schemaVersion'>;
}

/** The whole planner as a JSON backup (indented, so a person can read it). */
export function exportBackup(db: PlannerDatabase, now: Date): string {
  const { schemaVersion, ...planner } = db;
  const backup: PlannerBackup = {
    app: BACKUP_APP,
    kind: BACKUP_KIND,
    schemaVersion,
    exportedAt: now.toISOString(),
    planner,
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}
