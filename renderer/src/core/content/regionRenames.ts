/**
 * Region ids of `content/vocabulary.yml` that were renamed, old id -> new id. Ids live on outside
 * the corpus (library addresses people bookmarked or pasted into reports, planner profiles in
 * stored data and backups), so a renamed id is never forgotten: it is listed here for good, and
 * readers of those places map it through `currentRegionId`. Add a line for each rename; never
 * reuse an old id for another region.
 */
export const RENAMED_REGIONS: Readonly<Record<string, string>> = {
  // 2026: the Greater Toronto Area became the core Golden Horseshoe (GTA, Hamilton and Niagara),
  // so Niagara and Hamilton are no longer counted as south-western Ontario (content/README.md).
  gta: 'golden-horseshoe',
};

/** The id a region has today: an old id is followed through every later rename. */
export function currentRegionId(id: string): string {
  let current = id;
  // One step per listed rename at most, so a mistaken loop in the table cannot hang the app.
  for (let steps = 0; steps < Object.keys(RENAMED_REGIONS).length; steps++) {
    if (!Object.hasOwn(RENAMED_REGIONS, current)) break;
    current = RENAMED_REGIONS[current] ?? current;
  }
  return current;
}
