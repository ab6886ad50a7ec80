import type { DimensionId, MaturityLevel } from '../../core/planner/assessment/dimensions';
import type { TasksCsvWords } from '../../core/planner/export/csv';
import type { IcsWords } from '../../core/planner/export/ics';
import {
  centsToDecimal,
  decimalMarkOf,
  formatCents,
  parseDollarsToCents,
} from '../../core/planner/money';
import type {
  PlanStatus,
  PROFILE_REGIONS,
  PROFILE_TIERS,
  TaskStatus,
} from '../../core/planner/schema';
import { formatDate as formatIntlDate } from '../common/i18n/format';
import { currentLocale, t } from '../common/i18n/i18n';
import type { PlanViewId } from './plannerRoutes';

// The words for the planner's ids (statuses, tiers, dimensions…), in the interface language. Core
// names things by id; every planner screen (and the exports) words them here, from the catalogue.

/** "Not started", "In progress"… */
export const taskStatusLabel = (status: TaskStatus): string => t(`planner:taskStatus.${status}`);

/** "Draft", "Proposed to council"… */
export const planStatusLabel = (status: PlanStatus): string => t(`planner:planStatus.${status}`);

/**
 * Tier names, as in content/vocabulary.yml. The planner must show them even when the library
 * catalog cannot load, so they are copied into the catalogue; a unit test keeps the copies equal.
 */
export const tierLabel = (tier: (typeof PROFILE_TIERS)[number]): string =>
  t(`planner:tier.${tier}`);

/** Region names, as in content/vocabulary.yml (kept equal by the same test). */
export const regionLabel = (region: (typeof PROFILE_REGIONS)[number]): string =>
  t(`planner:region.${region}`);

/** The link text of a plan's view: "List", "Board"… */
export const planViewLabel = (view: PlanViewId): string => t(`planner:views.${view}`);

/** A maturity level's short name, the same for every dimension: "Just starting"… "Leading". */
export const levelName = (level: MaturityLevel): string => t(`planner:levelName.${level}`);

/** A dimension's name, e.g. "Leadership and strategy". */
export const dimensionLabel = (id: DimensionId): string => t(`planner:dimension.${id}.label`);

/** A dimension's question, asked of the municipality as a whole. */
export const dimensionQuestion = (id: DimensionId): string => t(`planner:dimension.${id}.question`);

/** What a level of a dimension looks like in practice. */
export const levelDescription = (id: DimensionId, level: MaturityLevel): string =>
  t(`planner:dimension.${id}.level.${level}`);

/** `2027-03-05` -> `March 5, 2027` (a calendar date: formatted in UTC so it never shifts a day). */
export function formatCalendarDate(date: string | null): string {
  if (date === null) return '';
  return formatIntlDate(`${date}T00:00:00Z`, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** `2027-03` -> `March 2027` (a timeline month). */
export function monthLabel(month: string): string {
  return formatIntlDate(`${month}-01T00:00:00Z`, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
}

/** `123456` cents -> `$1,234.56`. */
export const formatMoney = (cents: number): string => formatCents(cents, currentLocale());

/** What a money field shows for an amount: `1234.56` in English, `1234,56` in French. */
export const moneyFieldText = (cents: number): string =>
  centsToDecimal(cents, decimalMarkOf(currentLocale()));

/**
 * A money field's text as cents, read the way the interface language writes amounts
 * (`1 234,50 $` in French), or null when it is not a clear amount.
 */
export const readMoneyField = (text: string): number | null =>
  parseDollarsToCents(text, currentLocale());

/** The headings and status words of the tasks CSV. */
export function tasksCsvWords(): TasksCsvWords {
  return {
    columns: {
      plan: t('planner:csv.plan'),
      phase: t('planner:csv.phase'),
      task: t('planner:csv.task'),
      status: t('planner:csv.status'),
      owner: t('planner:csv.owner'),
      dueDate: t('planner:csv.dueDate'),
      estimatedCost: t('planner:csv.estimatedCost'),
      notes: t('planner:csv.notes'),
      linkedDocuments: t('planner:csv.linkedDocuments'),
      dependsOn: t('planner:csv.dependsOn'),
      taskId: t('planner:csv.taskId'),
    },
    status: taskStatusLabel,
  };
}

/** The calendar's name and the lines of each event's description in the due-dates calendar. */
export function icsWords(): IcsWords {
  return {
    allPlans: t('planner:ics.allPlans'),
    onePlan: t('planner:ics.onePlan'),
    detail: (line, value) => t(`planner:ics.${line}`, { value }),
    status: taskStatusLabel,
  };
}
