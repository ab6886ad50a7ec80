import { describe, expect, it } from 'vitest';
import type { DocId } from '../../../renderer/src/core/content/ids';
import type { UserWorkshopId } from '../../../renderer/src/core/workshops/ids';
import {
  WORKSHOPS_MIGRATIONS,
  migrateWorkshopsDocument,
} from '../../../renderer/src/core/workshops/migrations';
import { parseWorkshopsDocument } from '../../../renderer/src/core/workshops/parseWorkshopsDocument';
import {
  WORKSHOPS_SCHEMA_VERSION,
  emptyWorkshopsDatabase,
  type WorkshopsDatabase,
} from '../../../renderer/src/core/workshops/schema';
import { WorkshopError } from '../../../renderer/src/core/workshops/errors';
import {
  addBlock,
  createWorkshop,
  deleteWorkshop,
  duplicateBundledWorkshop,
  duplicateWorkshop,
  moveBlock,
  removeBlock,
  restoreBlock,
  updateBlock,
  updateWorkshop,
} from '../../../renderer/src/core/workshops/workshopOperations';
import {
  WORKSHOPS_KEY,
  createWorkshopsStore,
} from '../../../renderer/src/core/workshops/workshopsStore';
import { scheduleBlocks, totalMinutes } from '../../../renderer/src/core/workshops/timing';
import { t } from '../../../renderer/src/ui/common/i18n/i18n';
import {
  wordError,
  wordProblem,
  wordProblems,
} from '../../../renderer/src/ui/common/i18n/wordMessage';
import { MemoryStorage } from '../store/MemoryStorage';
import { CORPUS_TIMEOUT } from '../planner/helpers';
import { bundledWorkshops } from './helpers';

const wid = (s: string) => s as UserWorkshopId;

/** How the copy of a workshop is titled, as the UI words it. */
const copyTitle = (title: string) => t('workshops:list.copyTitle', { title });

/** What the UI shows for the refusal `run` throws. */
function refusalOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkshopError);
    return wordError(error);
  }
  throw new Error('expected a refusal');
}

/** A database with one workshop of three blocks, built by the real operations. */
function sample(): WorkshopsDatabase {
  let { db } = createWorkshop(
    emptyWorkshopsDatabase(),
    { title: 'My session', targetMinutes: 60 },
    wid('w1'),
  );
  for (const [title, minutes] of [
    ['Welcome', 10],
    ['Talk', 20],
    ['Close', 15],
  ] as const)
    db = addBlock(db, wid('w1'), {
      title,
      minutes,
      documents: ['guide-1-assess-readiness' as DocId],
    }).db;
  return db;
}

const titles = (db: WorkshopsDatabase) => db.workshops[0]?.blocks.map((b) => b.title);

describe('user workshops: operations', () => {
  it('creates, edits, reorders and removes blocks, with start times following the order', () => {
    let db = sample();
    expect(titles(db)).toEqual(['Welcome', 'Talk', 'Close']);
    const [welcome, talk, close] = db.workshops[0]?.blocks ?? [];
    if (!welcome || !talk || !close) throw new Error('sample has three blocks');
    db = moveBlock(db, wid('w1'), close.id, 0);
    expect(titles(db)).toEqual(['Close', 'Welcome', 'Talk']);
    db = moveBlock(db, wid('w1'), close.id, 99);
    expect(titles(db)).toEqual(['Welcome', 'Talk', 'Close']);
    db = updateBlock(db, wid('w1'), talk.id, { minutes: 35, title: 'Longer talk' });
    const blocks = db.workshops[0]?.blocks ?? [];
    expect(totalMinutes(blocks)).toBe(60);
    expect(scheduleBlocks(blocks, 9 * 60).map((s) => s.start)).toEqual(['09:00', '09:10', '09:45']);
    const { db: without, removed } = removeBlock(db, wid('w1'), welcome.id);
    expect(titles(without)).toEqual(['Longer talk', 'Close']);
    expect(titles(restoreBlock(without, wid('w1'), removed))).toEqual([
      'Welcome',
      'Longer talk',
      'Close',
    ]);
    db = updateWorkshop(db, wid('w1'), { title: '  Renamed  ', startTime: '13:30' }).db;
    expect(db.workshops[0]).toMatchObject({ title: 'Renamed', startTime: '13:30' });
  });

  it('refuses invalid input with a WorkshopError that names the field', () => {
    const db = sample();
    const blockId = db.workshops[0]?.blocks[0]?.id;
    if (!blockId) throw new Error('no block');
    expect(refusalOf(() => createWorkshop(db, { title: '   ' }))).toBe(
      'The workshop was not saved: title: must not be blank',
    );
    expect(() => updateBlock(db, wid('w1'), blockId, { minutes: 0 })).toThrow(WorkshopError);
    expect(refusalOf(() => updateBlock(db, wid('w1'), blockId, { minutes: 2.5 }))).toBe(
      'The block was not saved: minutes: must be a whole number of minutes',
    );
    expect(refusalOf(() => updateWorkshop(db, wid('w1'), { startTime: '25:00' }))).toMatch(
      /startTime/,
    );
    expect(refusalOf(() => addBlock(db, wid('nope'), { title: 'x', minutes: 5 }))).toBe(
      'That workshop no longer exists.',
    );
    expect(
      refusalOf(() => updateBlock(db, wid('w1'), 'block-gone' as typeof blockId, { minutes: 5 })),
    ).toBe('That block no longer exists.');
    expect(
      refusalOf(() =>
        addBlock(db, wid('w1'), { title: 'x', minutes: 5, documents: ['Not An Id' as DocId] }),
      ),
    ).toMatch(/document id/);
  });

  it(
    'duplicates a bundled workshop with the same blocks, new ids and its length as target',
    async () => {
      const [bundled] = await bundledWorkshops();
      if (!bundled) throw new Error('no bundled workshop');
      const { db, workshop } = duplicateBundledWorkshop(
        emptyWorkshopsDatabase(),
        bundled,
        copyTitle,
        wid('copy'),
      );
      expect(workshop).toMatchObject({
        id: 'copy',
        title: `${bundled.title} (copy)`,
        basedOn: bundled.id,
        targetMinutes: totalMinutes(bundled.blocks),
      });
      expect(workshop.blocks.map(({ id: _id, ...rest }) => rest)).toEqual(
        bundled.blocks.map((b) => ({
          ...b,
          materials: [...b.materials],
          documents: [...b.documents],
        })),
      );
      const again = duplicateWorkshop(db, wid('copy'), copyTitle, wid('copy2'));
      expect(again.workshop.title).toBe(`${bundled.title} (copy) (copy)`.slice(0, 200));
      expect(again.workshop.blocks.map((b) => b.id)).not.toEqual(workshop.blocks.map((b) => b.id));
      expect(deleteWorkshop(again.db, wid('copy')).db.workshops.map((w) => w.id)).toEqual([
        'copy2',
      ]);
    },
    CORPUS_TIMEOUT,
  );
});

describe('user workshops: schema, migrations and store', () => {
  it('a valid stored database parses unchanged with no issues', () => {
    const db = sample();
    const parsed = parseWorkshopsDocument(JSON.parse(JSON.stringify(db)));
    expect(parsed.issues).toEqual([]);
    expect(parsed.data).toEqual(db);
    expect(parsed.migratedFrom).toBeUndefined();
  });

  it('has a migration from every older version up to the current one', () => {
    for (let v = 1; v < WORKSHOPS_SCHEMA_VERSION; v++)
      expect(WORKSHOPS_MIGRATIONS[v]).toBeTypeOf('function');
  });

  it('applies migrations in order from the stored version (with a test chain)', () => {
    const chain = {
      1: (doc: Record<string, unknown>) => ({ ...doc, schemaVersion: 2, a: true }),
      2: (doc: Record<string, unknown>) => ({ ...doc, schemaVersion: 3, b: doc.a === true }),
    };
    const outcome = migrateWorkshopsDocument({ schemaVersion: 1 }, chain, 3);
    expect(outcome).toEqual({
      ok: true,
      fromVersion: 1,
      doc: { schemaVersion: 3, a: true, b: true },
    });
  });

  it.each([
    [{ schemaVersion: 99 }, 'newer', /newer version of OnMuni Toolkit \(workshops format 99/],
    [{ schemaVersion: 0 }, 'unversioned', /expected a whole number from 1 to 3, found 0/],
    [{ schemaVersion: '1' }, 'unversioned', /found "1"/],
    [{}, 'unversioned', /found nothing/],
  ])('refuses %j', (doc, reason, message) => {
    const outcome = migrateWorkshopsDocument(doc);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reason).toBe(reason);
      expect(wordProblem(outcome.problem)).toMatch(message);
    }
  });

  it('salvages a damaged database item by item and says what it dropped', () => {
    const stored = JSON.parse(JSON.stringify(sample())) as {
      workshops: Array<Record<string, unknown>>;
      sessions: unknown;
    };
    stored.workshops.push({ ...stored.workshops[0], id: 'bad', title: '' });
    stored.workshops.push({ ...stored.workshops[0] });
    stored.sessions = 'oops';
    const { data, issues } = parseWorkshopsDocument(stored);
    expect(data.workshops.map((w) => w.id)).toEqual(['w1']);
    expect(wordProblems(issues, 'document')).toEqual([
      'workshops.1.title: must not be blank; item dropped',
      'workshops.2.id: "w1" is used twice; second one dropped',
      'sessions: expected a list; started with none',
    ]);
    expect(wordProblems(parseWorkshopsDocument([1, 2]).issues, 'document')).toEqual([
      '(document): expected a workshops object; started with no workshops',
    ]);
  });

  it('round-trips through the record store on host storage; a damaged legacy document is salvaged', async () => {
    const storage = new MemoryStorage();
    const store = createWorkshopsStore(storage);
    expect((await store.load()).report).toEqual({ status: 'missing' });
    const saved = sample();
    await store.save(saved);
    const reopened = createWorkshopsStore(storage);
    expect(await reopened.load()).toEqual({ data: saved, report: { status: 'ok' } });

    const fresh = new MemoryStorage();
    fresh.documents.set(
      WORKSHOPS_KEY,
      JSON.stringify({ schemaVersion: 1, workshops: 5, sessions: [] }),
    );
    const damaged = createWorkshopsStore(fresh);
    const { data, report } = await damaged.load();
    expect(report.status).toBe('repaired');
    expect(data.workshops).toEqual([]);
  });
});
