import type { PROFILE_REGIONS, PROFILE_TIERS } from '../../core/planner/schema';

/**
 * Tier names, as in content/vocabulary.yml. The planner must show them even when the library
 * catalog cannot load, so they are copied here; a unit test keeps the copies equal.
 */
export const TIER_LABELS: Readonly<Record<(typeof PROFILE_TIERS)[number], string>> = {
  'lower-tier': 'Lower-tier municipality',
  'upper-tier': 'Upper-tier municipality',
  'single-tier': 'Single-tier municipality',
};

/** Region names, as in content/vocabulary.yml (kept equal by the same test). */
export const REGION_LABELS: Readonly<Record<(typeof PROFILE_REGIONS)[number], string>> = {
  'south-west': 'South-western Ontario',
  east: 'Eastern Ontario',
  central: 'Central Ontario',
  'golden-horseshoe': 'Golden Horseshoe (GTA, Hamilton and Niagara)',
  north: 'Northern Ontario',
};

const DATE_FORMAT = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/** `2027-03-05` -> `March 5, 2027` (a calendar date: formatted in UTC so it never shifts a day). */
export function formatDate(date: string | null): string {
  if (date === null) return '';
  return DATE_FORMAT.format(new Date(`${date}T00:00:00Z`));
}
