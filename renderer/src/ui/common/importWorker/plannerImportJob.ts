/**
 * The planner's side of the import worker: the real `parseBackup`, `previewImport` and
 * `applyImport`, and the summary of the preview that crosses to the page. Pure functions over
 * text and data, so they run the same in the worker and in unit tests.
 */
import {
  applyImport,
  previewImport,
  replaceKeepingShared,
  type CollectionDiff,
  type ImportMode,
  type ImportPreview,
} from '../../../core/planner/import/mergeImport';
import { parseBackup } from '../../../core/planner/import/parseBackup';
import type { PlannerDatabase } from '../../../core/planner/schema';
import { MAX_LISTED_PROBLEMS } from '../../../core/safeJson/budgets';
import { capErrors } from '../../../core/safeJson/ProblemList';
import {
  MAX_PREVIEW_ITEMS,
  type CollectionCounts,
  type ImportReply,
  type NamedRefusal,
  type PlannerPreviewSummary,
} from './importProtocol';

/** A checked backup: the reply for the page, and the backup kept in the worker until confirmed. */
export type PlannerCheck =
  | { reply: Extract<ImportReply, { type: 'planner-preview' }>; incoming: PlannerDatabase }
  | { reply: NamedRefusal; incoming: null };

/** Parses and checks a backup, then compares it with the current planner. Never throws. */
export function checkPlannerBackup(text: string, current: PlannerDatabase): PlannerCheck {
  const parsed = parseBackup(text);
  if (!parsed.ok) {
    return {
      reply: { type: 'refused-named', message: parsed.message, problems: parsed.problems },
      incoming: null,
    };
  }
  const preview = previewImport(current, parsed.database);
  return {
    reply: { type: 'planner-preview', preview: summarizePlannerPreview(preview) },
    incoming: parsed.database,
  };
}

/** Merges or replaces; the result (or the refusal of a merge) is the reply. */
export function applyPlannerBackup(
  incoming: PlannerDatabase,
  current: PlannerDatabase,
  mode: ImportMode,
): Extract<ImportReply, { type: 'planner-applied' }> | NamedRefusal {
  // Replace makes the planner the backup (keeping the plans shared with the team) without the
  // deep copy `applyImport` makes: the transfer to the page already copies it, and a second copy
  // of 20,000 dense tasks costs the worker over a second.
  if (mode === 'replace') {
    const { db, keptSharedPlans } = replaceKeepingShared(current, incoming);
    return { type: 'planner-applied', data: db, keptSharedPlans };
  }
  const result = applyImport(current, incoming, mode);
  if (!result.ok) {
    return { type: 'refused-named', message: result.message, problems: result.problems };
  }
  return { type: 'planner-applied', data: result.db, keptSharedPlans: 0 };
}

/** Counts instead of the items themselves: the page shows numbers and a few plan titles. */
export function summarizePlannerPreview(preview: ImportPreview): PlannerPreviewSummary {
  const names = preview.plans.added
    .map((plan) => plan.title)
    .concat(preview.plans.replaced.map((pair) => pair.incoming.title));
  return {
    profile: preview.profile,
    plans: countsOf(preview.plans),
    tasks: countsOf(preview.tasks),
    assessments: countsOf(preview.assessments),
    planNames: names.slice(0, MAX_PREVIEW_ITEMS),
    morePlanNames: Math.max(0, names.length - MAX_PREVIEW_ITEMS),
    // Only whether there are any decides the buttons; a few say why.
    mergeProblems: capErrors(preview.mergeProblems, MAX_LISTED_PROBLEMS),
  };
}

function countsOf<T>(diff: CollectionDiff<T>): CollectionCounts {
  return {
    added: diff.added.length,
    replaced: diff.replaced.length,
    unchanged: diff.unchanged.length,
    onlyInCurrent: diff.onlyInCurrent.length,
  };
}
