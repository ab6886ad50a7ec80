import { describe, expect, it } from 'vitest';
import { parseGuideActions } from '../../../renderer/src/core/planner/guideTemplate';
import { createPlanFromGuide } from '../../../renderer/src/core/planner/operations/plans';
import { emptyPlannerDatabase } from '../../../renderer/src/core/planner/schema';
import { checkIntegrity } from '../../../renderer/src/core/planner/integrity';
import { tasksByPhase } from '../../../renderer/src/core/planner/views/summary';
import { CORPUS_TIMEOUT, planId, realCorpus, realFrenchCorpus } from './helpers';

describe('parseGuideActions', () => {
  it.each([
    [
      'items split into a title (first sentence) and notes, markup removed, wrapped lines joined',
      '## Actions\n\n1. Name a **lead**. Pick three\n   people.\n2. See [the CRTC target](doc:glossary-x) of 50/10.\n',
      [
        { title: 'Name a lead', notes: 'Pick three people.' },
        { title: 'See the CRTC target of 50/10', notes: '' },
      ],
    ],
    [
      'only the list under "Actions", not lists in other sections or nested lists',
      '## Why\n\n1. Not this.\n\n## Actions\n\nIntro.\n\n1. First. More.\n   - nested, ignored\n2. Second\n\n## Checklist\n\n1. Not this either.\n',
      [
        { title: 'First', notes: 'More.' },
        { title: 'Second', notes: '' },
      ],
    ],
    [
      'a French version\'s "Mesures à prendre", split before an accented capital, English spans unmarked',
      '## Mesures à prendre\n\n1. Nommez une personne. Évaluez ensuite.\n2. Citez [the release]{lang=en} au conseil. « Lisez-le. »\n',
      [
        { title: 'Nommez une personne', notes: 'Évaluez ensuite.' },
        { title: 'Citez the release au conseil', notes: '« Lisez-le. »' },
      ],
    ],
    ['nothing when there is no Actions section', '## Steps\n\n1. One.\n', []],
    [
      'abbreviations like "e.g." do not end the title',
      '## Actions\n\n1. Use a tool e.g. a checker. Then report.\n',
      [{ title: 'Use a tool e.g. a checker', notes: 'Then report.' }],
    ],
  ])('%s', (_name, body, expected) => {
    expect(parseGuideActions(body)).toEqual(expected);
  });
});

describe('createPlanFromGuide (real how-to guide)', () => {
  it(
    'makes one phase per guide step, in order, with each step’s actions as linked tasks',
    async () => {
      const { documents } = await realCorpus();
      const { db, plan, tasks } = createPlanFromGuide(
        emptyPlannerDatabase(),
        { title: 'Digital plan 2027' },
        documents,
        planId('guide-plan'),
      );
      const guide = documents.filter((d) => d.type === 'guide-step');
      expect(plan.phases).toHaveLength(guide.length);
      expect(plan.phases[0]).toMatchObject({
        title: 'Step 1: Assess your digital readiness',
        docId: 'guide-1-assess-readiness',
      });
      expect(plan.phases.map((p) => p.docId)).toEqual(
        [...guide]
          .sort((a, b) =>
            a.type === 'guide-step' && b.type === 'guide-step' ? a.step - b.step : 0,
          )
          .map((d) => d.id),
      );
      const first = tasksByPhase(db, plan.id)[0]?.tasks ?? [];
      expect(first).toHaveLength(10);
      expect(first[0]).toMatchObject({
        title: 'Name a lead and a small working group',
        notes: 'Pick three to five people who know the daily work, and agree on a finish date.',
        linkedDocIds: ['guide-1-assess-readiness'],
        status: 'not-started',
      });
      // Every step of the real guide has actions, and every task is valid and consistent.
      for (const group of tasksByPhase(db, plan.id)) expect(group.tasks.length).toBeGreaterThan(0);
      expect(tasks.length).toBeGreaterThan(40);
      expect(checkIntegrity(db)).toEqual([]);
    },
    CORPUS_TIMEOUT,
  );

  it(
    "takes the French guide's steps and actions when given the French versions",
    async () => {
      const english = (await realCorpus()).documents;
      const { documents } = await realFrenchCorpus();
      const { db, plan, tasks } = createPlanFromGuide(
        emptyPlannerDatabase(),
        { title: 'Plan numérique 2027' },
        documents,
        planId('guide-plan-fr'),
      );
      const englishPlan = createPlanFromGuide(
        emptyPlannerDatabase(),
        { title: 'Digital plan 2027' },
        english,
        planId('guide-plan-en'),
      );
      expect(plan.phases).toHaveLength(englishPlan.plan.phases.length);
      expect(plan.phases[0]).toMatchObject({
        title: 'Étape 1\u00a0: évaluer votre état de préparation numérique',
        docId: 'guide-1-assess-readiness',
      });
      const first = tasksByPhase(db, plan.id)[0]?.tasks ?? [];
      expect(first[0]).toMatchObject({
        title: 'Nommez une personne responsable et un petit groupe de travail',
        notes:
          "Choisissez de trois à cinq personnes qui connaissent le travail quotidien et convenez d'une date de fin.",
      });
      // The French guide has the same actions, step by step, as the English one (the in-step
      // check keeps them so), and none of the markup of an English passage.
      expect(tasksByPhase(db, plan.id).map((group) => group.tasks.length)).toEqual(
        tasksByPhase(englishPlan.db, englishPlan.plan.id).map((g) => g.tasks.length),
      );
      for (const task of tasks) expect(`${task.title} ${task.notes}`).not.toContain('{lang=en}');
      expect(checkIntegrity(db)).toEqual([]);
    },
    CORPUS_TIMEOUT,
  );

  it('refuses when no guide steps are given', () => {
    expect(() => createPlanFromGuide(emptyPlannerDatabase(), { title: 'x' }, [])).toThrow(
      'planner:errors.noGuide',
    );
  });
});
