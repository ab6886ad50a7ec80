// @vitest-environment jsdom
/**
 * What the French interface prints and saves (issue 18), over the real library in both
 * languages: the council report (a plan made from the French guide, with linked documents whose
 * French summaries quote AMO in English), its calendar and CSV files, and a workshop handout.
 * Nothing may be worded from the English catalogue; documents appear in their French version;
 * English passages carry `lang="en"` and no `[..]{lang=en}` markup is printed.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveFileOptions } from '../../../renderer/src/host/Host';
import type { DocId } from '../../../renderer/src/core/content/ids';
import type { PlanId, TaskId } from '../../../renderer/src/core/planner/ids';
import {
  createPlanFromGuide,
  updatePlan,
} from '../../../renderer/src/core/planner/operations/plans';
import { updateTask } from '../../../renderer/src/core/planner/operations/tasks';
import { asIsoDate } from '../../../renderer/src/core/planner/dates';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import { App } from '../../../renderer/src/ui/app/App';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';
import { plannerSessionFor } from '../../../renderer/src/ui/planner/plannerSession';
import { SettingsProvider } from '../../../renderer/src/ui/settings/SettingsContext';
import { openSettingsSession } from '../../../renderer/src/ui/settings/settingsSession';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import { CORPUS_TIMEOUT, realFrenchCorpus } from '../../unit/planner/helpers';
import { serveFiles } from '../content/frenchLibraryFixture';
import { click, getByRole, renderSettled, unmountAll } from '../support/dom';
import { englishWordingIn } from './englishWording';
import { realLibraryFiles } from './realLibrary';

const PLAN = 'plan-fr' as PlanId;
/** Linked documents whose French summaries hold an English quotation of AMO. */
const LINKED = ['recommendation-1-varying-maturity', 'key-issue-broadband-access'] as DocId[];

beforeAll(async () => {
  await import('../../../renderer/src/ui/planner/PlannerPage');
  await import('../../../renderer/src/ui/workshops/WorkshopsPage');
  serveFiles(await realLibraryFiles());
}, 120_000);

let saved: SaveFileOptions[] = [];
let printed: (string | undefined)[] = [];

beforeEach(async () => {
  saved = [];
  printed = [];
  window.scrollTo = () => undefined;
  Element.prototype.scrollIntoView = () => undefined;
  serveFiles(await realLibraryFiles());
}, CORPUS_TIMEOUT);
afterEach(() => {
  unmountAll();
  setLanguage('en');
});

/** The app in French on `hash`, over `storage`, saving files into `saved`. */
async function startInFrench(hash: string, storage: MemoryStorage) {
  window.location.hash = hash;
  const settings = await openSettingsSession(storage);
  settings.apply((current) => ({ ...current, language: 'fr' }), 0);
  const host = {
    ...createBrowserHost(window),
    storage,
    saveFile: (options: SaveFileOptions) => {
      saved.push(options);
      return Promise.resolve({ status: 'saved' as const, where: options.suggestedName });
    },
    print: (options: { toPdf: boolean; suggestedName?: string }) => {
      printed.push(options.suggestedName);
      return Promise.resolve({ status: 'cancelled' as const });
    },
  };
  await renderSettled(
    <HostContext.Provider value={host}>
      <SettingsProvider session={settings}>
        <App />
      </SettingsProvider>
    </HostContext.Provider>,
  );
}

/** A planner holding a plan made from the French guide, with two linked documents and dates. */
async function plannerWithFrenchPlan(): Promise<MemoryStorage> {
  const storage = new MemoryStorage();
  const session = await plannerSessionFor(storage);
  const { documents } = await realFrenchCorpus();
  session.apply((db) => {
    const made = createPlanFromGuide(db, { title: 'Plan numérique 2027' }, documents, PLAN);
    let next = updatePlan(made.db, PLAN, { linkedDocIds: LINKED, budgetEstimateCents: 123450 }).db;
    const first = made.tasks[0]?.id as TaskId;
    next = updateTask(next, first, { dueDate: asIsoDate('2027-03-01'), status: 'in-progress' }).db;
    return next;
  });
  await session.whenSaved();
  return storage;
}

const main = () => document.querySelector('main') as HTMLElement;

/** Every element of `root` whose text shows `[..]{lang=en}` markup. */
const markupShown = (root: HTMLElement) => root.textContent?.includes('{lang=en}') ?? false;

describe('the council report in French', () => {
  it(
    "is worded in French, with the French guide's tasks and the documents' French versions",
    async () => {
      await startInFrench(`#/planner/plan/${PLAN}/report`, await plannerWithFrenchPlan());
      await vi.waitFor(() => expect(main().querySelector('.report-docs')).not.toBeNull(), {
        timeout: 10_000,
      });
      const report = main().querySelector('article.report') as HTMLElement;
      const text = report.textContent ?? '';
      expect([...report.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
        'Sommaire du plan',
        'Avancement',
        'Tâches par phase',
        'Recommandations et conseils liés',
        'Dernière autoévaluation de la maturité numérique',
      ]);
      // The tasks are the French guide's; the amounts and dates are written the French way.
      expect(text).toContain('Nommez une personne responsable et un petit groupe de travail');
      expect(text).toContain('1er mars 2027');
      expect(text).toMatch(/1\s234,50\s\$/u);
      // The linked documents in their French versions, AMO's English words marked as English.
      const docs = report.querySelector('.report-docs') as HTMLElement;
      expect(docs.textContent).toContain('Recommandation 1');
      expect(markupShown(docs)).toBe(false);
      const english = [...docs.querySelectorAll('[lang="en"]')].map((e) => e.textContent);
      expect(english).toContain(
        '"Recognizing that municipal governments are at varying stages of digital maturation."',
      );
      expect(englishWordingIn(main().textContent ?? '', ['planner', 'common', 'content'])).toEqual(
        [],
      );
    },
    CORPUS_TIMEOUT,
  );

  it(
    'saves its calendar, CSV and PDF names in French',
    async () => {
      await startInFrench(`#/planner/plan/${PLAN}/report`, await plannerWithFrenchPlan());
      await vi.waitFor(() =>
        getByRole(main(), 'button', { name: 'Télécharger les échéances (.ics)' }),
      );
      await click(getByRole(main(), 'button', { name: 'Télécharger les échéances (.ics)' }));
      await click(getByRole(main(), 'button', { name: 'Télécharger les tâches (CSV)' }));
      await click(getByRole(main(), 'button', { name: 'Imprimer' }));
      expect(printed).toEqual([
        expect.stringMatching(/^rapport-au-conseil-\d{4}-\d{2}-\d{2}\.pdf$/u),
      ]);
      const [ics, csv] = saved;
      expect(saved.map((file) => file.suggestedName)).toEqual([
        expect.stringMatching(/^onmuni-echeances-\d{4}-\d{2}-\d{2}\.ics$/u),
        expect.stringMatching(/^onmuni-taches-\d{4}-\d{2}-\d{2}\.csv$/u),
      ]);
      const calendar = String(ics?.contents).replace(/\r\n /g, '');
      expect(calendar).toContain('X-WR-CALNAME:Plan numérique 2027');
      expect(calendar).toContain(
        'SUMMARY:Nommez une personne responsable et un petit groupe de travail',
      );
      expect(calendar).toContain(
        'DESCRIPTION:Plan\u00a0: Plan numérique 2027\\nPhase\u00a0: Étape 1',
      );
      expect(calendar).toContain('\\nÉtat\u00a0: En cours');
      const rows = String(csv?.contents)
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/);
      expect(rows[0]).toBe(
        '"Plan";"Phase";"Tâche";"État";"Responsable";"Échéance";"Coût estimatif ($\u00a0CA)";"Notes";"Documents liés";"Dépend de";"Identifiant de la tâche"',
      );
      expect(englishWordingIn(`${calendar}\n${rows.join('\n')}`, ['planner'])).toEqual([]);
    },
    CORPUS_TIMEOUT,
  );
});

describe('a workshop handout in French', () => {
  it(
    'prints the French versions of the linked documents, English passages marked',
    async () => {
      await startInFrench(
        '#/workshops/workshop-council-digital-awareness/handout',
        new MemoryStorage(),
      );
      await vi.waitFor(() => expect(main().querySelector('.handout__doc')).not.toBeNull(), {
        timeout: 10_000,
      });
      const handout = main();
      expect(handout.querySelector('h1')?.textContent).toMatch(/^Document à distribuer/u);
      const docs = [...handout.querySelectorAll<HTMLElement>('.handout__doc')];
      const titles = docs.map((d) => d.querySelector('h3')?.textContent);
      expect(titles).toContain(
        (await realFrenchCorpus()).documents.find((d) => d.id === LINKED[0])?.title,
      );
      expect(markupShown(handout)).toBe(false);
      const english = [...handout.querySelectorAll('.handout__doc [lang="en"]')];
      expect(english.length).toBeGreaterThan(0);
      expect(
        englishWordingIn(handout.textContent ?? '', ['workshops', 'planner', 'common']),
      ).toEqual([]);
    },
    CORPUS_TIMEOUT,
  );
});
