import { z } from 'zod';
import { DOC_ID_PATTERN, type DocId } from './ids';
import { hasNoRepeats } from '../common/storedFields';
import { closestMatch } from './issues';
import type { Vocabulary } from './vocabulary';
import { slideBulletsSchema } from './slideBullets';
import {
  QUESTION_ID_PATTERN,
  QUESTION_KINDS,
  QUESTION_LIMITS,
  impliedDots,
  questionShapeProblems,
  type BlockQuestion,
  type QuestionShapeProblem,
} from '../workshops/blockQuestions';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const YEAR = /\b(?:19|20)\d{2}\b/;

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const docId = z
  .string()
  .regex(DOC_ID_PATTERN, {
    error: 'must be kebab-case: lowercase letters and digits in words joined by single dashes',
  })
  .transform((value) => value as DocId);

const text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: `must not be empty; write ${what}` })
    .max(max, { error: `is longer than ${max} characters; shorten it` });

/** YAML reads `2019` as a number and `'2019-2021'` as text; both mean a year or range. */
const yearText = z.union([z.string(), z.number().int()]).transform(String);

const sourceSchema = z.strictObject({
  title: text('the title of the page or report', 300),
  url: z.string().refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { error: 'must be a full web address starting with https:// (or http://)' },
  ),
  publisher: text('who published it', 200).optional(),
  date: yearText
    .refine((value) => PARTIAL_DATE.test(value), {
      error: 'must be written YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-09',
    })
    .optional(),
  reliability: z
    .enum(['vendor', 'secondary', 'unverified'], {
      error: 'must be vendor, secondary or unverified (as content-facts.md labels the source)',
    })
    .optional(),
  // The language of the page cited, so either interface can mark its title and publisher with
  // `lang` when it differs (WCAG 3.1.2). Absent = English, as for documents: only `fr` is written.
  lang: z
    .literal('fr', { error: 'must be fr for a page in French; leave it out for a page in English' })
    .optional(),
});

/** One source cited in front matter. */
export type Source = z.infer<typeof sourceSchema>;

function vocabularyId(list: Record<string, string>, listName: string) {
  const ids = Object.keys(list);
  return z.string().refine((value) => Object.hasOwn(list, value), {
    error: (issue) => {
      const value = String(issue.input);
      const guess = closestMatch(value, ids);
      const hint = guess === undefined ? '' : `did you mean '${guess}'? `;
      return `'${value}' is not in content/vocabulary.yml \`${listName}\`; ${hint}use one of: ${ids.join(', ')} (or add it to the vocabulary)`;
    },
  });
}

function uniqueList<T extends z.ZodType>(item: T, what: string) {
  return z.array(item).refine(hasNoRepeats, {
    error: `lists the same ${what} twice; remove the duplicate`,
  });
}

/**
 * A pointer to one entry of the document's `sources`: that entry's `url`, copied exactly. The
 * case-study rules check that it matches (the schema cannot see `sources` from here).
 */
const sourceUrl = (what: string) =>
  z
    .string({ error: `must be the url of the entry in sources that gives ${what}` })
    .trim()
    .min(1, { error: `must not be empty; copy the url of the source that gives ${what}` });

/** Why a case study counts as small, rural or northern when its population does not show it. */
const smallRuralNorthernReasonSchema = z.strictObject({
  text: text(
    'the reason in a sentence, e.g. The partnership funds broadband in rural south-western Ontario',
    300,
  ),
  source: sourceUrl('the reason'),
});

function municipalitySchema(vocabulary: Vocabulary) {
  return z
    .strictObject({
      name: text('the municipality or partnership name', 120),
      tier: vocabularyId(vocabulary.tiers, 'tiers'),
      region: vocabularyId(vocabulary.regions, 'regions'),
      population: z
        .number({ error: 'must be a whole number without commas, e.g. 17262' })
        .int({ error: 'must be a whole number without commas, e.g. 17262' })
        .positive({ error: 'must be greater than zero' })
        .optional(),
      populationSource: sourceUrl('the population').optional(),
      censusYear: z
        .number({ error: 'must be a census year such as 2016 or 2021' })
        .int({ error: 'must be a census year such as 2016 or 2021' })
        .min(1851, { error: 'must be a census year such as 2016 or 2021' })
        .max(2100, { error: 'must be a census year such as 2016 or 2021' })
        .optional(),
      unconfirmed: uniqueList(
        z.enum(['tier', 'region'], { error: 'may only list tier and/or region' }),
        'entry',
      ).optional(),
      smallRuralNorthern: z
        .boolean({
          error:
            'must be true or false (the rule is in content/README.md, "Small, rural or northern")',
        })
        .optional(),
      smallRuralNorthernReason: smallRuralNorthernReasonSchema.optional(),
    })
    .superRefine((value, ctx) => {
      if (value.population !== undefined && value.censusYear === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['censusYear'],
          message:
            'is required when population is given; add the census year the figure comes from (e.g. censusYear: 2016)',
        });
      if (value.population === undefined && value.censusYear !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['censusYear'],
          message: 'is given without a population; add the population or remove censusYear',
        });
    });
}

/** Limits of a workshop: generous for real sessions, small enough to catch a slip (600 for 60). */
export const WORKSHOP_LIMITS = {
  blocks: 40,
  blockMinutes: 480,
  materials: 30,
  documents: 20,
} as const;

/** How an author is told what is wrong with a question's options or dots for its kind. */
const QUESTION_SHAPE_ERRORS: Record<QuestionShapeProblem, string> = {
  optionsNeeded: `needs ${QUESTION_LIMITS.minOptions} to ${QUESTION_LIMITS.options} options for a dot-vote or poll; list them under options`,
  optionsNotTaken:
    'are for dot-vote and poll questions only; remove them from a notes or qa question',
  optionTwice: 'lists the same option twice; remove the duplicate',
  dotsNeeded: `must be the dots each participant places, 1 to ${QUESTION_LIMITS.dots}, e.g. dots: 3`,
  pollDots: 'must be 1 for a poll (one choice each); leave dots out of a poll',
  dotsNotTaken: 'are for dot-vote questions only; leave dots out of a notes or qa question',
};

/**
 * A question the block asks the room (issue 17). `options` and `dots` may be left out where the
 * kind implies them (a poll has one choice, notes and Q&A have neither); the validated question
 * always has both.
 */
const workshopQuestionSchema = z
  .strictObject({
    id: z
      .string({ error: 'must be a short id such as priorities' })
      .max(QUESTION_LIMITS.id, {
        error: `is longer than ${QUESTION_LIMITS.id} characters; shorten it`,
      })
      .regex(QUESTION_ID_PATTERN, {
        error:
          'must be lowercase letters and digits in words joined by single dashes, e.g. first-steps',
      }),
    kind: z.enum(QUESTION_KINDS, { error: `must be one of: ${QUESTION_KINDS.join(', ')}` }),
    prompt: text('the question as participants will read it', QUESTION_LIMITS.prompt),
    options: z
      .array(text('the option as participants will read it', QUESTION_LIMITS.optionLabel))
      .max(QUESTION_LIMITS.options, {
        error: `lists more than ${QUESTION_LIMITS.options} options; keep the ones that matter`,
      })
      .optional(),
    dots: z
      .number({ error: 'must be a whole number of dots, e.g. 3' })
      .int({ error: 'must be a whole number of dots, e.g. 3' })
      .min(0, { error: 'must not be negative' })
      .max(QUESTION_LIMITS.dots, { error: `must be at most ${QUESTION_LIMITS.dots} dots each` })
      .optional(),
  })
  .transform((question, ctx): BlockQuestion => {
    const full = {
      ...question,
      options: question.options ?? [],
      dots: question.dots ?? impliedDots(question.kind) ?? 0,
    };
    for (const { field, problem } of questionShapeProblems(full))
      ctx.addIssue({ code: 'custom', path: [field], message: QUESTION_SHAPE_ERRORS[problem] });
    return full;
  });

/** One timed block of a workshop agenda. Text fields are Markdown without links or HTML. */
const workshopBlockSchema = z.strictObject({
  title: text('a short title for the block', 120),
  minutes: z
    .number({ error: 'must be the length of the block in whole minutes, e.g. 15' })
    .int({ error: 'must be a whole number of minutes, e.g. 15' })
    .min(1, { error: 'must be at least 1 minute' })
    .max(WORKSHOP_LIMITS.blockMinutes, {
      error: `must be at most ${WORKSHOP_LIMITS.blockMinutes} minutes; split a longer block in two`,
    }),
  purpose: text('what participants should leave the block with, in a sentence or two', 500),
  facilitatorNotes: text('what the trainer should say, watch for and prepare', 4000),
  materials: z
    .array(text('one item, e.g. Flip chart and markers', 200))
    .max(WORKSHOP_LIMITS.materials, {
      error: `lists more than ${WORKSHOP_LIMITS.materials} items; group them`,
    })
    .default([]),
  activity: text('the instructions for the activity, step by step', 4000),
  documents: uniqueList(docId, 'document')
    .refine((list) => list.length <= WORKSHOP_LIMITS.documents, {
      error: `lists more than ${WORKSHOP_LIMITS.documents} documents; keep the ones the block presents`,
    })
    .default([]),
  questions: z
    .array(workshopQuestionSchema)
    .max(QUESTION_LIMITS.perBlock, {
      error: `lists more than ${QUESTION_LIMITS.perBlock} questions; keep the ones the block has time for`,
    })
    .refine((list) => hasNoRepeats(list.map((q) => q.id)), {
      error: 'has two questions with the same id; give each its own',
    })
    .default([]),
});

/** One block of a bundled workshop, as validated. */
export type WorkshopBlock = z.output<typeof workshopBlockSchema>;

function commonFields(vocabulary: Vocabulary) {
  return {
    id: docId,
    title: text('a short title', 120),
    summary: text('two plain sentences', 500),
    topics: uniqueList(vocabularyId(vocabulary.topics, 'topics'), 'topic').min(1, {
      error: 'needs at least one topic id from content/vocabulary.yml',
    }),
    updated: z
      .string({ error: 'must be the date of the last substantive edit, written YYYY-MM-DD' })
      .refine(isIsoDate, {
        error: 'must be a real date written YYYY-MM-DD, e.g. 2026-11-26',
      }),
    sources: z.array(sourceSchema).default([]),
    related: uniqueList(docId, 'document').default([]),
    // Optional: curated points a workshop deck shows for the document (content/README.md).
    slides: slideBulletsSchema.optional(),
  };
}

/** Builds the front-matter schema of each document type from the controlled vocabulary. */
export function frontMatterSchemas(vocabulary: Vocabulary) {
  const common = commonFields(vocabulary);
  return {
    about: z.strictObject({ ...common, type: z.literal('about') }),
    recommendation: z.strictObject({
      ...common,
      type: z.literal('recommendation'),
      number: z
        .number({ error: 'must be the recommendation number as a whole number, e.g. 1' })
        .int({ error: 'must be a whole number, e.g. 1' })
        .positive({ error: 'must be 1 or more' }),
    }),
    'key-issue': z.strictObject({ ...common, type: z.literal('key-issue') }),
    opportunity: z.strictObject({ ...common, type: z.literal('opportunity') }),
    'guide-step': z.strictObject({
      ...common,
      type: z.literal('guide-step'),
      step: z
        .number({ error: 'must be the step number as a whole number, e.g. 1' })
        .int({ error: 'must be a whole number, e.g. 1' })
        .positive({ error: 'must be 1 or more' }),
      timeRequired: text('how long the step takes, e.g. 4 to 6 weeks', 80),
      involved: z
        .array(text('a role, e.g. CAO', 80))
        .min(1, { error: 'needs at least one role, e.g. [CAO, Clerk, Council]' }),
    }),
    'case-study': z.strictObject({
      ...common,
      type: z.literal('case-study'),
      sources: z.array(sourceSchema).min(1, {
        error:
          'needs at least one source (title and url): every fact about a real municipality comes from one',
      }),
      municipality: municipalitySchema(vocabulary),
      // Optional: a year no source gives must not be invented, so the field is left out.
      years: yearText
        .refine((value) => YEAR.test(value), {
          error:
            "must name the year or range the work happened, e.g. '2019' or '2019-2021'; leave the field out when no source gives one",
        })
        .optional(),
      // The url of the entry in `sources` that gives `years`, or a list of urls when the two ends
      // of a range come from different sources; the case-study rules require it with `years`.
      yearsSource: z
        .union([sourceUrl('the year'), z.array(sourceUrl('the year')).min(1)], {
          error: 'must be the url of the entry in sources that gives the year, or a list of urls',
        })
        .optional(),
    }),
    glossary: z.strictObject({
      ...common,
      type: z.literal('glossary'),
      term: text('the term as readers meet it, e.g. AODA', 120),
      aliases: uniqueList(text('another name for the term', 200), 'alias').default([]),
    }),
    workshop: z.strictObject({
      ...common,
      type: z.literal('workshop'),
      audience: text('who the session is for, e.g. Council members and senior staff', 200),
      // Optional: the length is the sum of the blocks; when stated, the pipeline checks it.
      durationMinutes: z
        .number({ error: 'must be the total length in whole minutes, e.g. 90' })
        .int({ error: 'must be a whole number of minutes, e.g. 90' })
        .positive({ error: 'must be 1 or more' })
        .optional(),
      blocks: z
        .array(workshopBlockSchema)
        .min(1, { error: 'needs at least one block (title, minutes, purpose, ...)' })
        .max(WORKSHOP_LIMITS.blocks, {
          error: `has more than ${WORKSHOP_LIMITS.blocks} blocks; split the workshop in two`,
        }),
    }),
    // A municipality's own document (written in the app or shipped in a content pack): the
    // common fields only. It makes no claim about a named municipality that the library vouches
    // for, so sources are welcome but not required.
    'local-document': z.strictObject({ ...common, type: z.literal('local-document') }),
  } as const;
}

type Schemas = ReturnType<typeof frontMatterSchemas>;

/** Validated front matter of a document, discriminated by `type`. */
export type FrontMatter = { [K in keyof Schemas]: z.output<Schemas[K]> }[keyof Schemas];

/** Front matter of one type. */
export type FrontMatterOf<T extends FrontMatter['type']> = Extract<FrontMatter, { type: T }>;

/** Municipality facts of a case study. */
export type Municipality = FrontMatterOf<'case-study'>['municipality'];
