import type { FrontMatterOf } from './frontMatter';
import { fieldName, type ContentIssue } from './issues';
import { SMALL_POPULATION_LIMIT } from './types';

/** The region id whose case studies count as northern (content/vocabulary.yml `regions`). */
export const NORTHERN_REGION = 'north';

/** Where content/README.md states the rule; every flag message points there. */
const RULE = 'rule: content/README.md, "Small, rural or northern"';

type CaseStudy = FrontMatterOf<'case-study'>;
type Municipality = CaseStudy['municipality'];
type LineOf = (path: ReadonlyArray<PropertyKey>) => number;
type IssueFactory = (line: number, field: string, message: string) => ContentIssue;

/** One part of the small-rural-northern rule, and whether this municipality meets it. */
export interface RulePart {
  part: 'population' | 'region' | 'reason';
  met: boolean;
  /** Plain words: why the part holds, or why it does not. */
  because: string;
}

const count = (n: number) => n.toLocaleString('en-CA');

/**
 * The three parts of the small-rural-northern rule for one municipality. A case study is small,
 * rural or northern when at least one holds: a census population under
 * {@link SMALL_POPULATION_LIMIT}, the northern region (not marked unconfirmed: a guessed region
 * cannot carry the flag), or a reason stated with its source.
 */
export function smallRuralNorthernParts(m: Municipality): RulePart[] {
  const census = m.censusYear === undefined ? '' : ` (${m.censusYear} census)`;
  const population: RulePart =
    m.population === undefined
      ? { part: 'population', met: false, because: 'no population is given' }
      : m.population < SMALL_POPULATION_LIMIT
        ? {
            part: 'population',
            met: true,
            because: `population ${count(m.population)}${census} is under ${count(SMALL_POPULATION_LIMIT)}`,
          }
        : {
            part: 'population',
            met: false,
            because: `population ${count(m.population)}${census} is not under ${count(SMALL_POPULATION_LIMIT)}`,
          };
  const regionGuessed = m.unconfirmed?.includes('region') ?? false;
  const region: RulePart =
    m.region !== NORTHERN_REGION
      ? { part: 'region', met: false, because: `region '${m.region}' is not ${NORTHERN_REGION}` }
      : regionGuessed
        ? {
            part: 'region',
            met: false,
            because: `region ${NORTHERN_REGION} is listed in unconfirmed, so it cannot carry the flag`,
          }
        : { part: 'region', met: true, because: `region is ${NORTHERN_REGION}` };
  const reason: RulePart =
    m.smallRuralNorthernReason === undefined
      ? { part: 'reason', met: false, because: 'no smallRuralNorthernReason is given' }
      : { part: 'reason', met: true, because: 'smallRuralNorthernReason is given' };
  return [population, region, reason];
}

/** True when the rule counts the municipality as small, rural or northern. */
export function isSmallRuralNorthern(m: Municipality): boolean {
  return smallRuralNorthernParts(m).some((part) => part.met);
}

/**
 * Checks a case study's front matter beyond its schema: every `years` and `population` names the
 * source that gives it (`yearsSource`, `municipality.populationSource`, each the url of an entry
 * of `sources`), a stated reason names its source too, and `smallRuralNorthern` agrees with the
 * rule.
 */
export function checkCaseStudy(
  frontMatter: CaseStudy,
  lineOf: LineOf,
  issue: IssueFactory,
): ContentIssue[] {
  const urls = new Set(frontMatter.sources.map((source) => source.url));
  const m = frontMatter.municipality;
  return [
    ...checkPointer(frontMatter.years, frontMatter.yearsSource, {
      value: ['years'],
      pointer: ['yearsSource'],
      what: 'the year',
      urls,
      lineOf,
      issue,
    }),
    ...checkPointer(m.population, m.populationSource, {
      value: ['municipality', 'population'],
      pointer: ['municipality', 'populationSource'],
      what: 'the population',
      urls,
      lineOf,
      issue,
    }),
    ...(m.smallRuralNorthernReason === undefined
      ? []
      : checkSourceListed(m.smallRuralNorthernReason.source, {
          pointer: ['municipality', 'smallRuralNorthernReason', 'source'],
          what: 'the reason',
          urls,
          lineOf,
          issue,
        })),
    ...checkFlag(m, lineOf, issue),
  ];
}

interface PointerContext {
  pointer: ReadonlyArray<string | number>;
  what: string;
  urls: ReadonlySet<string>;
  lineOf: LineOf;
  issue: IssueFactory;
}

/** A sourced value and its pointer come together, and each url of the pointer names a listed source. */
function checkPointer(
  value: unknown,
  pointer: string | readonly string[] | undefined,
  context: PointerContext & { value: readonly string[] },
): ContentIssue[] {
  const { issue, lineOf } = context;
  const valueField = context.value.join('.');
  const pointerField = fieldName(context.pointer);
  const pointerKey = String(context.pointer[context.pointer.length - 1] ?? pointerField);
  if (value !== undefined && pointer === undefined)
    return [
      issue(
        lineOf(context.value),
        valueField,
        `has no source; add ${pointerKey}: with the url of the entry in sources that gives ${context.what} (add that source to sources first), or remove ${valueField} if no source gives it`,
      ),
    ];
  if (value === undefined && pointer !== undefined)
    return [
      issue(
        lineOf(context.pointer),
        pointerField,
        `is given without ${valueField}; add ${valueField} or remove ${pointerKey}`,
      ),
    ];
  if (pointer === undefined) return [];
  if (typeof pointer === 'string') return checkSourceListed(pointer, context);
  return pointer.flatMap((url, index) =>
    checkSourceListed(url, { ...context, pointer: [...context.pointer, index] }),
  );
}

function checkSourceListed(url: string, context: PointerContext): ContentIssue[] {
  if (context.urls.has(url)) return [];
  const listed = [...context.urls];
  return [
    context.issue(
      context.lineOf(context.pointer),
      fieldName(context.pointer),
      `'${url}' is not the url of any entry in sources; copy the url of the source that gives ${context.what} exactly, or add that source to sources (listed: ${listed.length > 0 ? listed.join(', ') : 'none'})`,
    ),
  ];
}

/** `smallRuralNorthern` is true exactly when a part of the rule holds; the message names each part. */
function checkFlag(m: Municipality, lineOf: LineOf, issue: IssueFactory): ContentIssue[] {
  const parts = smallRuralNorthernParts(m);
  const met = parts.filter((part) => part.met);
  const flagged = m.smallRuralNorthern === true;
  const line = lineOf(['municipality', 'smallRuralNorthern']);
  const field = 'municipality.smallRuralNorthern';
  if (flagged && met.length === 0)
    return [
      issue(
        line,
        field,
        `is true, but no part of the rule holds: ${parts.map((part) => part.because).join('; ')}. Add the census population with populationSource, or a smallRuralNorthernReason with its source, or set smallRuralNorthern: false (${RULE})`,
      ),
    ];
  if (!flagged && met.length > 0)
    return [
      issue(
        line,
        field,
        `must be true because ${met.map((part) => part.because).join(' and ')}; set smallRuralNorthern: true (${RULE})`,
      ),
    ];
  return [];
}
