/**
 * Counts in sentences are written the way the interface language writes numbers (French groups
 * digits with a no-break space: "1 000 000"), while the count itself still picks the plural form.
 */
import type { TFunction } from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { problemLine } from '../../../renderer/src/core/common/problemLine';
import type { Progress } from '../../../renderer/src/core/planner/views/summary';
import { i18n, setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import { describeAnnotationsLoad } from '../../../renderer/src/ui/annotations/labels';
import { annotationExportWords } from '../../../renderer/src/ui/annotations/exportWords';
import { costText } from '../../../renderer/src/ui/planner/plan/PlanSummaryView';

afterEach(() => setLanguage('en'));

const progress = (unestimated: number): Progress => ({
  total: unestimated,
  byStatus: { 'not-started': unestimated, 'in-progress': 0, blocked: 0, done: 0 },
  percentDone: 0,
  estimatedCostCents: 150_000,
  unestimated,
});
const planT = (): TFunction<'plan'> => i18n.getFixedT(null, 'plan');
const repaired = (problems: number) =>
  describeAnnotationsLoad({
    status: 'repaired',
    issues: Array.from({ length: problems }, () =>
      problemLine('x', 'problems:stored.moreLinks', { count: 1 }),
    ),
    keptCopyAs: 'copy',
  });

describe('counts in French', () => {
  it('are grouped with no-break spaces and keep their plural form', () => {
    setLanguage('fr');
    expect(costText(progress(1_000_000), planT())).toBe(
      '1\u00a0500,00\u00a0$ (1\u00a0000\u00a0000 tâches sans estimation)',
    );
    expect(costText(progress(1), planT())).toBe('1\u00a0500,00\u00a0$ (1 tâche sans estimation)');
    expect(annotationExportWords().markdownExported('2026-11-01', 1_000_000)).toBe(
      'Exportation du 2026-11-01\u00a0: 1\u00a0000\u00a0000 annotations.',
    );
    expect(repaired(1200)).toContain('(1\u00a0200 problèmes)');
  });
});

describe('counts in English', () => {
  it('read as before for everyday counts, and with a comma from a thousand', () => {
    expect(costText(progress(3), planT())).toBe('$1,500.00 (3 not estimated)');
    expect(annotationExportWords().markdownExported('2026-11-01', 1)).toBe(
      'Exported 2026-11-01: 1 annotation.',
    );
    expect(annotationExportWords().markdownExported('2026-11-01', 1000)).toBe(
      'Exported 2026-11-01: 1,000 annotations.',
    );
    expect(repaired(2)).toContain('(2 problems)');
  });
});
