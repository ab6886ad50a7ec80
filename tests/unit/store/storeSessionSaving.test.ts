import { describe, expect, it } from 'vitest';
import { problemLine } from '../../../renderer/src/core/common/problemLine';
import { z } from 'zod';
import { createJsonDocumentBackend } from '../../../renderer/src/core/store/jsonDocumentBackend';
import type { ParsedDocument } from '../../../renderer/src/core/store/DocumentStorage';
import { openStoreSession, StoreSession } from '../../../renderer/src/core/store/StoreSession';
import { GatedStorage, settle } from './GatedStorage';
import { ManualScheduler } from './ManualScheduler';
import { MemoryStorage } from './MemoryStorage';
import { wordRefusal } from '../../../renderer/src/ui/common/i18n/wordMessage';

/** A small document standing in for any store: a list of named items. */
const schema = z.strictObject({
  version: z.literal(1),
  items: z.array(z.strictObject({ id: z.string(), name: z.string() })),
});
type Doc = z.infer<typeof schema>;
const defaults = (): Doc => ({ version: 1, items: [] });
/** The items of a stored text, which these tests wrote as a Doc. */
const itemsIn = (text: string | undefined): Doc['items'] => (JSON.parse(text ?? '') as Doc).items;
const parse = (raw: unknown): ParsedDocument<Doc> => {
  const result = schema.safeParse(raw);
  return result.success
    ? { data: result.data, issues: [] }
    : { data: defaults(), issues: [problemLine('items', 'problems:stored.notAList')] };
};

/** The feature's own refusal, as the planner's PlannerError is. */
class Refused extends Error {}

/** Pure operations of the kind features write: one returns the data, one a change and a result. */
const rename = (db: Doc, name: string): Doc => ({ ...db, items: [{ id: 'a', name }] });
const add = (db: Doc, name: string) => {
  if (name === '') throw new Refused('An item needs a name.');
  const item = { id: `item-${db.items.length + 1}`, name };
  return { db: { ...db, items: [...db.items, item] }, item };
};

async function sessionOver(storage: GatedStorage | MemoryStorage) {
  const scheduler = new ManualScheduler();
  const store = createJsonDocumentBackend({ storage, key: 'doc', parse, defaults });
  const session = await openStoreSession<Doc, Refused>(store, {
    refusal: (error) => (error instanceof Refused ? error : undefined),
    scheduler,
  });
  return { session, scheduler };
}

describe('StoreSession.apply', () => {
  it("returns the operation's result: the new data, or what the operation made", async () => {
    const { session } = await sessionOver(new MemoryStorage());
    const renamed = session.apply((db) => rename(db, 'Budget'));
    expect(renamed).toEqual({ ok: true, result: session.getSnapshot().db });
    const added = session.apply((db) => add(db, 'Training'));
    expect(added.ok && added.result.item).toEqual({ id: 'item-2', name: 'Training' });
    expect(session.getSnapshot().db.items.map((i) => i.name)).toEqual(['Budget', 'Training']);
  });

  it("returns the feature's refusal and changes nothing; any other error is thrown", async () => {
    const storage = new MemoryStorage();
    const { session } = await sessionOver(storage);
    const before = session.getSnapshot();
    const refused = session.apply((db) => add(db, ''));
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
    expect(refused).toEqual({ ok: false, refusal: expect.any(Refused) });
    expect(wordRefusal(refused)).toBe('An item needs a name.');
    expect(session.getSnapshot()).toBe(before);
    expect(() =>
      session.apply(() => {
        throw new TypeError('a bug');
      }),
    ).toThrow('a bug');
    await settle();
    expect(storage.writeLog).toEqual([]);
  });

  it('shows and saves nothing for an unchanged result when told to skip those', async () => {
    const storage = new MemoryStorage();
    const store = createJsonDocumentBackend({ storage, key: 'doc', parse, defaults });
    const session = await openStoreSession(store, { skipUnchanged: true });
    let notified = 0;
    session.subscribe(() => (notified += 1));
    expect(session.apply((db) => db)).toEqual({ ok: true, result: session.getSnapshot().db });
    await session.whenSaved();
    expect(notified).toBe(0);
    expect(storage.writeLog).toEqual([]);
  });
});

describe('StoreSession saving', () => {
  it('debounces typing: one write per pause, with the latest data', async () => {
    const storage = new MemoryStorage();
    const { session, scheduler } = await sessionOver(storage);
    session.apply((db) => rename(db, 'B'), 600);
    scheduler.advance(400);
    session.apply((db) => rename(db, 'Bu'), 600);
    scheduler.advance(400);
    session.apply((db) => rename(db, 'Bud'), 600);
    // Shown at once, not yet written, and the status says a save is coming.
    expect(session.getSnapshot().db.items[0]?.name).toBe('Bud');
    expect(session.getSnapshot().saveState).toEqual({ status: 'saving' });
    scheduler.advance(599);
    await settle();
    expect(storage.writeLog).toEqual([]);
    scheduler.advance(1);
    await session.whenSaved();
    expect(storage.writeLog.map((w) => itemsIn(w.text)[0]?.name)).toEqual(['Bud']);
    expect(session.getSnapshot().saveState).toEqual({ status: 'saved' });
  });

  it('says "saved" only once the last of several pending saves has finished', async () => {
    const storage = new GatedStorage();
    const { session, scheduler } = await sessionOver(storage);
    session.apply((db) => rename(db, 'one'));
    session.apply((db) => rename(db, 'two'));
    await storage.release();
    expect(session.getSnapshot().saveState).toEqual({ status: 'saving' });
    // A typed change waiting for its pause keeps the status at "saving" too.
    session.apply((db) => rename(db, 'three'), 600);
    await storage.release();
    expect(session.getSnapshot().saveState).toEqual({ status: 'saving' });
    scheduler.advance(600);
    await settle();
    await storage.release();
    expect(session.getSnapshot().saveState).toEqual({ status: 'saved' });
    expect(storage.last).toMatchObject({ items: [{ name: 'three' }] });
  });

  it('keeps the data on screen when the host refuses a write, and says why', async () => {
    const storage = new GatedStorage();
    const { session } = await sessionOver(storage);
    session.apply((db) => add(db, 'Kept'));
    await storage.refuse('The disk is full.');
    expect(session.getSnapshot().db.items.map((i) => i.name)).toEqual(['Kept']);
    expect(session.getSnapshot().saveState).toEqual({
      status: 'failed',
      message: 'The disk is full.',
    });
    // The next change saves everything shown, the refused change included.
    session.apply((db) => add(db, 'Next'));
    await storage.release();
    expect(storage.last).toMatchObject({ items: [{ name: 'Kept' }, { name: 'Next' }] });
    expect(session.getSnapshot().saveState).toEqual({ status: 'saved' });
  });

  it('flush (leaving a field, closing the window) writes a waiting change at once, once', async () => {
    const storage = new MemoryStorage();
    const { session, scheduler } = await sessionOver(storage);
    session.flush(); // nothing waiting: nothing written
    session.apply((db) => rename(db, 'Draft'), 600);
    expect(scheduler.waiting).toBe(1);
    session.flush();
    await session.whenSaved();
    expect(storage.writeLog).toHaveLength(1);
    expect(scheduler.waiting).toBe(0);
    scheduler.advance(600);
    await session.whenSaved();
    expect(storage.writeLog).toHaveLength(1);
    expect(session.getSnapshot().saveState).toEqual({ status: 'saved' });
  });
});

describe('StoreSession over invalid stored data', () => {
  it('reports it, keeps the original aside, and saves the repaired data only over the main copy', async () => {
    const storage = new MemoryStorage();
    const original = '{"version":1,"items":[{"id":"a"}]}';
    storage.documents.set('doc', original);
    const { session } = await sessionOver(storage);
    expect(session.getSnapshot().loadReport).toEqual({
      status: 'repaired',
      issues: [problemLine('items', 'problems:stored.notAList')],
      keptCopyAs: 'doc-invalid',
    });
    expect(session.getSnapshot().db).toEqual(defaults());
    session.saveNow();
    await session.whenSaved();
    expect(storage.documents.get('doc-invalid')).toBe(original);
    expect(JSON.parse(storage.documents.get('doc') ?? '')).toEqual(defaults());
  });

  it('refuses every save when the original could not be kept aside, and says so', async () => {
    const storage = new MemoryStorage();
    const original = '{"version":1,"items":7}';
    storage.documents.set('doc', original);
    storage.failWritesTo.set('doc-invalid', new Error('disk full'));
    const { session } = await sessionOver(storage);
    expect(session.getSnapshot().loadReport).toMatchObject({
      status: 'repaired',
      keptCopyAs: null,
    });
    session.apply((db) => add(db, 'New'));
    await session.whenSaved();
    expect(session.getSnapshot().saveState).toMatchObject({
      status: 'failed',
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
      message: expect.stringMatching(/^Not saved: the original could not be copied aside/),
    });
    expect(session.getSnapshot().db.items.map((i) => i.name)).toEqual(['New']);
    expect(storage.documents.get('doc')).toBe(original);
  });
});

describe('StoreSession.show', () => {
  it('shows data saved elsewhere without writing it; the next save includes it', async () => {
    class Shared extends StoreSession<Doc> {
      adopt(db: Doc) {
        this.show(db);
      }
    }
    const storage = new MemoryStorage();
    const store = createJsonDocumentBackend({ storage, key: 'doc', parse, defaults });
    const session = new Shared(store, await store.load());
    session.adopt({ version: 1, items: [{ id: 'x', name: 'From the other window' }] });
    await session.whenSaved();
    expect(storage.writeLog).toEqual([]);
    session.apply((db) => add(db, 'Mine'));
    await session.whenSaved();
    expect(itemsIn(storage.documents.get('doc'))).toHaveLength(2);
  });
});
