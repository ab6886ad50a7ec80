import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCorpusFiles, readFrenchFiles } from '../../../build/content/readCorpus';
import { buildCorpus, type CorpusResult } from '../../../renderer/src/core/content/corpus';
import {
  buildFrenchCorpus,
  type FrenchCorpusResult,
} from '../../../renderer/src/core/content/frenchCorpus';
import { parseVocabulary, type Vocabulary } from '../../../renderer/src/core/content/vocabulary';
import type { IsoDate } from '../../../renderer/src/core/planner/dates';
import type { AssessmentId, PhaseId, PlanId, TaskId } from '../../../renderer/src/core/planner/ids';
import { addPhase, createPlan } from '../../../renderer/src/core/planner/operations/plans';
import { addTask } from '../../../renderer/src/core/planner/operations/tasks';
import { saveAssessment } from '../../../renderer/src/core/planner/operations/assessments';
import {
  emptyPlannerDatabase,
  type AssessmentAnswers,
  type PlannerDatabase,
} from '../../../renderer/src/core/planner/schema';

// From the file's folder, not `new URL(.., import.meta.url)`: under jsdom (the UI tests that print
// the real library use these helpers) `URL` is jsdom's, which resolves it against the page.
export const CONTENT_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'content');

export const planId = (s: string) => s as PlanId;
export const taskId = (s: string) => s as TaskId;
export const phaseId = (s: string) => s as PhaseId;
export const assessmentId = (s: string) => s as AssessmentId;
export const day = (s: string) => s as IsoDate;

/** The real vocabulary from content/vocabulary.yml. */
export function realVocabulary(): Vocabulary {
  const { vocabulary } = parseVocabulary(
    readFileSync(path.join(CONTENT_DIR, 'vocabulary.yml'), 'utf8'),
    'content/vocabulary.yml',
  );
  if (!vocabulary) throw new Error('content/vocabulary.yml is invalid');
  return vocabulary;
}

/** Parsing the whole real corpus takes seconds when the suite runs in parallel on two cores. */
export const CORPUS_TIMEOUT = 30_000;

let corpus: Promise<CorpusResult> | undefined;
/** The real content corpus, parsed by the same pure pipeline the build uses. */
export function realCorpus(): Promise<CorpusResult> {
  corpus ??= readCorpusFiles(CONTENT_DIR).then((files) => buildCorpus(files, realVocabulary()));
  return corpus;
}

let frenchCorpus: Promise<FrenchCorpusResult> | undefined;
/** The real French versions (content/fr/), parsed and checked against the real English corpus. */
export function realFrenchCorpus(): Promise<FrenchCorpusResult> {
  frenchCorpus ??= Promise.all([realCorpus(), readFrenchFiles(CONTENT_DIR)]).then(
    ([english, files]) => {
      const { vocabulary } = parseVocabulary(
        readFileSync(path.join(CONTENT_DIR, 'fr', 'vocabulary.yml'), 'utf8'),
        'content/fr/vocabulary.yml',
      );
      if (!vocabulary) throw new Error('content/fr/vocabulary.yml is invalid');
      return buildFrenchCorpus(files, vocabulary, english.parsed, (relative) => relative);
    },
  );
  return frenchCorpus;
}

/** Answers with every dimension at `level`, with overrides. */
export function answers(
  level: 1 | 2 | 3 | 4 | 5,
  overrides: Partial<AssessmentAnswers> = {},
): AssessmentAnswers {
  return {
    'leadership-strategy': level,
    connectivity: level,
    'online-services': level,
    'records-workflows': level,
    'data-open-data': level,
    cybersecurity: level,
    'staff-skills': level,
    'resident-engagement': level,
    ...overrides,
  };
}

/**
 * A small planner built with the real operations and fixed ids: one plan with two phases and
 * three tasks (t3 depends on t1), a second plan with one task, and one assessment.
 */
export function sampleDatabase(): PlannerDatabase {
  let db = emptyPlannerDatabase();
  db = {
    ...db,
    profile: { name: 'Township of Example', tier: 'lower-tier', region: 'east', population: 4_200 },
  };
  db = createPlan(
    db,
    {
      title: 'Online permits',
      goal: 'Residents can apply for a building permit online.',
      owner: 'CAO',
      status: 'approved',
      startDate: day('2027-01-04'),
      endDate: day('2027-12-17'),
      budgetEstimateCents: 5_000_000,
      fundingSource: 'Municipal Modernization Program',
      linkedDocIds: [],
    },
    planId('p1'),
  ).db;
  db = addPhase(db, planId('p1'), { title: 'Assess' }, phaseId('ph1')).db;
  db = addPhase(db, planId('p1'), { title: 'Deliver' }, phaseId('ph2')).db;
  db = addTask(
    db,
    planId('p1'),
    {
      title: 'List current permit steps',
      phaseId: phaseId('ph1'),
      owner: 'CBO',
      dueDate: day('2027-02-15'),
      estimatedCostCents: 0,
      status: 'done',
    },
    taskId('t1'),
  ).db;
  db = addTask(
    db,
    planId('p1'),
    {
      title: 'Survey applicants, “quickly”',
      phaseId: phaseId('ph1'),
      dueDate: day('2027-03-01'),
      notes: 'Ask builders, too.\nKeep it short.',
    },
    taskId('t2'),
  ).db;
  db = addTask(
    db,
    planId('p1'),
    {
      title: 'Choose a vendor',
      phaseId: phaseId('ph2'),
      dueDate: day('2027-05-30'),
      estimatedCostCents: 2_500_050,
      dependencies: [taskId('t1')],
    },
    taskId('t3'),
  ).db;
  db = createPlan(db, { title: 'Council paperless' }, planId('p2')).db;
  db = addTask(db, planId('p2'), { title: 'Buy tablets' }, taskId('t4')).db;
  db = saveAssessment(
    db,
    { date: day('2026-11-26'), answers: answers(2, { cybersecurity: 1, connectivity: 4 }) },
    assessmentId('a1'),
  ).db;
  return db;
}

/** Freezes a value deeply, so a test fails if an operation mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
