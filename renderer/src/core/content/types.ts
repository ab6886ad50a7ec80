/** Every document type, in the order the library lists them. */
export const DOC_TYPES = [
  'about',
  'recommendation',
  'key-issue',
  'opportunity',
  'guide-step',
  'case-study',
  'glossary',
  'workshop',
  'local-document',
] as const;

/** One of the document types of `content/README.md`. */
export type DocType = (typeof DOC_TYPES)[number];

/** The folder under `content/` that holds each type. */
export const TYPE_FOLDERS: Readonly<Record<DocType, string>> = {
  about: 'about',
  recommendation: 'recommendations',
  'key-issue': 'key-issues',
  opportunity: 'opportunities',
  'guide-step': 'guide',
  'case-study': 'case-studies',
  glossary: 'glossary',
  workshop: 'workshops',
  'local-document': 'local-documents',
};

/**
 * Each type's key in the message catalogue (`content:type.<key>.one` and `.many`): core names a
 * type by its id and the UI words it; catalogue keys are camelCase.
 */
export const TYPE_KEYS = {
  about: 'about',
  recommendation: 'recommendation',
  'key-issue': 'keyIssue',
  opportunity: 'opportunity',
  'guide-step': 'guideStep',
  'case-study': 'caseStudy',
  glossary: 'glossary',
  workshop: 'workshop',
  'local-document': 'localDocument',
} as const satisfies Record<DocType, string>;

/** True when `value` is a known document type. */
export function isDocType(value: unknown): value is DocType {
  return typeof value === 'string' && (DOC_TYPES as readonly string[]).includes(value);
}

/**
 * A municipality with fewer people than this at its latest recorded census counts as small (the
 * first part of the small-rural-northern rule, content/README.md). The `5k-25k` band ends here too.
 */
export const SMALL_POPULATION_LIMIT = 25_000;

/** Population bands used by the library filters and the stats command. */
export const POPULATION_BANDS = ['under-5k', '5k-25k', '25k-100k', 'over-100k', 'unknown'] as const;

/** A population band id. */
export type PopulationBand = (typeof POPULATION_BANDS)[number];

/**
 * The populations each band holds, from `min` up to but not including `max` (none for the last).
 * The one definition of the bands' limits: `populationBand` sorts by them and the UI words them.
 */
export const POPULATION_BAND_RANGES: Readonly<
  Record<Exclude<PopulationBand, 'unknown'>, { min: number; max?: number }>
> = {
  'under-5k': { min: 0, max: 5_000 },
  '5k-25k': { min: 5_000, max: SMALL_POPULATION_LIMIT },
  '25k-100k': { min: SMALL_POPULATION_LIMIT, max: 100_000 },
  'over-100k': { min: 100_000 },
};

/** The band a population falls in; `undefined` (no sourced figure) is `unknown`. */
export function populationBand(population: number | undefined): PopulationBand {
  if (population === undefined) return 'unknown';
  for (const band of POPULATION_BANDS) {
    if (band === 'unknown') break;
    const { max } = POPULATION_BAND_RANGES[band];
    if (max === undefined || population < max) return band;
  }
  return 'unknown';
}
