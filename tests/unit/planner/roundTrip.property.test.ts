import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from '../../../renderer/src/core/planner/assessment/dimensions';
import { exportBackup } from '../../../renderer/src/core/planner/export/backup';
import { exportDueDatesIcs } from '../../../renderer/src/core/planner/export/ics';
import { icsWords } from '../../../renderer/src/ui/planner/plannerLabels';
import { parseBackup } from '../../../renderer/src/core/planner/import/parseBackup';
import { checkIntegrity } from '../../../renderer/src/core/planner/integrity';
import { MAX_CENTS } from '../../../renderer/src/core/planner/money';
import {
  PLAN_STATUSES,
  PROFILE_REGIONS,
  PROFILE_TIERS,
  TASK_STATUSES,
  emptyPlannerDatabase,
  type Plan,
  type PlannerDatabase,
  type Task,
} from '../../../renderer/src/core/planner/schema';
import { wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';

/** Any Unicode text: accents, emoji, right-to-left scripts, quotes, commas, line breaks. */
const anyText = (max: number) => fc.string({ unit: 'binary', maxLength: max });
const title = anyText(60).filter((s) => s.trim() !== '');
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/);
const docId = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,3}$/);
const isoDate = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const cents = nullable(fc.integer({ min: 0, max: MAX_CENTS }));
const level = fc.integer({ min: 1, max: 5 });

const planArb = (planId: string) =>
  fc
    .record({
      title,
      goal: anyText(200),
      owner: anyText(40),
      status: fc.constantFrom(...PLAN_STATUSES),
      dates: fc.tuple(nullable(isoDate), nullable(isoDate)),
      budgetEstimateCents: cents,
      fundingSource: anyText(40),
      linkedDocIds: fc.uniqueArray(docId, { maxLength: 3 }),
      shared: fc.boolean(),
      sharedBy: nullable(fc.constantFrom('abcdefghijklmnop', '0123456789abcdef')),
      phases: fc.uniqueArray(fc.record({ id, title, docId: nullable(docId) }), {
        maxLength: 4,
        selector: (p) => p.id,
      }),
    })
    .map(({ dates: [a, b], ...rest }) => {
      const [startDate, endDate] = a !== null && b !== null && b < a ? [b, a] : [a, b];
      return { id: planId, ...rest, startDate, endDate } as unknown as Plan;
    });

const taskDraft = fc.record({
  planPick: fc.nat(),
  phasePick: fc.nat(),
  dependencyPicks: fc.array(fc.nat(), { maxLength: 3 }),
  title,
  owner: anyText(40),
  dueDate: nullable(isoDate),
  status: fc.constantFrom(...TASK_STATUSES),
  estimatedCostCents: cents,
  notes: anyText(300),
  linkedDocIds: fc.uniqueArray(docId, { maxLength: 3 }),
});

/** Any valid, consistent planner database (dependencies only on earlier tasks: never a loop). */
const databaseArb: fc.Arbitrary<PlannerDatabase> = fc
  .uniqueArray(id, { maxLength: 3 })
  .chain((planIds) =>
    fc.record({
      profile: fc.record({
        name: anyText(60),
        tier: nullable(fc.constantFrom(...PROFILE_TIERS)),
        region: nullable(fc.constantFrom(...PROFILE_REGIONS)),
        population: nullable(fc.integer({ min: 1, max: 20_000_000 })),
      }),
      plans: fc.tuple(...planIds.map(planArb)),
      taskIds: fc.uniqueArray(id, { maxLength: planIds.length === 0 ? 0 : 12 }),
      drafts: fc.array(taskDraft, { minLength: 12, maxLength: 12 }),
      assessments: fc.uniqueArray(
        fc.record({
          id,
          date: isoDate,
          answers: fc.record(Object.fromEntries(DIMENSION_IDS.map((d) => [d, level]))),
        }),
        { maxLength: 3, selector: (a) => a.id },
      ),
    }),
  )
  .map(({ profile, plans, taskIds, drafts, assessments }) => {
    const tasks: Task[] = [];
    taskIds.forEach((taskId, i) => {
      const { planPick, phasePick, dependencyPicks, ...fields } = drafts[
        i
      ] as (typeof drafts)[number];
      const plan = plans[planPick % plans.length] as Plan;
      const phase = plan.phases[phasePick % (plan.phases.length + 1)];
      const earlier = tasks.filter((t) => t.planId === plan.id);
      const dependencies = [
        ...new Set(
          dependencyPicks.flatMap((p) =>
            earlier.length === 0 ? [] : [(earlier[p % earlier.length] as Task).id],
          ),
        ),
      ];
      tasks.push({
        id: taskId,
        planId: plan.id,
        phaseId: phase?.id ?? null,
        dependencies,
        ...fields,
      } as unknown as Task);
    });
    return {
      ...emptyPlannerDatabase(),
      profile,
      plans,
      tasks,
      assessments,
    } as unknown as PlannerDatabase;
  });

describe('round trips (property-based)', () => {
  it('generates planners worth testing: tasks in phases, with dependencies', () => {
    const samples = fc.sample(databaseArb, { numRuns: 200, seed: 42 });
    expect(samples.some((db) => db.tasks.length >= 5)).toBe(true);
    expect(samples.some((db) => db.tasks.some((t) => t.dependencies.length > 0))).toBe(true);
    expect(samples.some((db) => db.tasks.some((t) => t.phaseId !== null))).toBe(true);
  });

  it('export then import of the JSON backup is lossless', () => {
    fc.assert(
      fc.property(
        databaseArb,
        fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2200-01-01') }),
        (db, now) => {
          expect(checkIntegrity(db)).toEqual([]);
          const result = parseBackup(exportBackup(db, now));
          if (!result.ok) throw new Error(wordProblems(result.problems).join('\n'));
          expect(result.database).toEqual(db);
          expect(result.exportedAt).toBe(now.toISOString());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('any task title survives the iCalendar export, read back by ical.js', () => {
    fc.assert(
      fc.property(title, (text) => {
        const db: PlannerDatabase = {
          ...emptyPlannerDatabase(),
          plans: [
            {
              id: 'p',
              title: 'P',
              goal: '',
              owner: '',
              status: 'draft',
              startDate: null,
              endDate: null,
              budgetEstimateCents: null,
              fundingSource: '',
              linkedDocIds: [],
              shared: false,
              sharedBy: null,
              phases: [],
            } as unknown as Plan,
          ],
          tasks: [
            {
              id: 't',
              planId: 'p',
              title: text,
              phaseId: null,
              owner: '',
              dueDate: '2027-01-31',
              status: 'done',
              estimatedCostCents: null,
              notes: '',
              linkedDocIds: [],
              dependencies: [],
            } as unknown as Task,
          ],
        };
        const ics = exportDueDatesIcs(db, {
          now: new Date('2026-11-26T00:00:00Z'),
          words: icsWords(),
        });
        const event = new ICAL.Event(
          new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent') ??
            undefined,
        );
        const expected = text
          .replace(/\r\n|\r/g, '\n')
          // eslint-disable-next-line no-control-regex -- control characters are dropped by design
          .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
        expect(event.summary).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
