/**
 * What this member chose to share beyond plans marked "Share with team", kept on this device in
 * the small document `team-preferences` (never in the team folder: each member decides for
 * their own work).
 */
import { problemLine, withOutcome } from '../../core/common/problemLine';
import type { DocumentStorage, ParsedDocument } from '../../core/store/DocumentStorage';
import { createJsonDocumentBackend } from '../../core/store/jsonDocumentBackend';
import { isPlainObject } from '../../core/store/migrateDocument';
import { isHlc } from '../../core/team/hlc';
import { NO_PREFERENCES, type TeamPreferences, type TeamPreferencesStore } from './teamSession';

export const TEAM_PREFERENCES_KEY = 'team-preferences';

interface PreferencesDocument extends TeamPreferences {
  readonly version: 1;
}

const defaults = (): PreferencesDocument => ({
  version: 1,
  ...NO_PREFERENCES,
});

function parsePreferences(raw: unknown): ParsedDocument<PreferencesDocument> {
  if (
    isPlainObject(raw) &&
    raw.version === 1 &&
    typeof raw.shareAssessments === 'boolean' &&
    (raw.joinedAt === null || isHlc(raw.joinedAt)) &&
    typeof raw.annotationsConfirmed === 'boolean'
  ) {
    const { shareAssessments, joinedAt, annotationsConfirmed } = raw;
    return { data: { version: 1, shareAssessments, joinedAt, annotationsConfirmed }, issues: [] };
  }
  // Nothing is shared that the user did not choose: a damaged choice falls back to "off".
  const line = problemLine('preferences', 'problems:stored.invalid');
  return { data: defaults(), issues: [withOutcome(line, 'problems:outcome.droppedAlone')] };
}

/** The preferences in host storage. */
export function teamPreferencesIn(storage: DocumentStorage): TeamPreferencesStore {
  const store = createJsonDocumentBackend({
    storage,
    key: TEAM_PREFERENCES_KEY,
    parse: parsePreferences,
    defaults,
  });
  return {
    async load() {
      const { shareAssessments, joinedAt, annotationsConfirmed } = (await store.load()).data;
      return { shareAssessments, joinedAt, annotationsConfirmed };
    },
    save: (preferences) => store.save({ version: 1, ...preferences }),
  };
}
