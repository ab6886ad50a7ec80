import { describe, expect, it } from 'vitest';
import { problemLine } from '../../../renderer/src/core/common/problemLine';
import { z } from 'zod';
import type { ParsedDocument } from '../../../renderer/src/core/store/DocumentStorage';
import { createJsonDocumentBackend } from '../../../renderer/src/core/store/jsonDocumentBackend';
import { CHANGED_WHILE_STORING, StoreSession } from '../../../renderer/src/core/store/StoreSession';
import { createWebStorageDocuments } from '../../../renderer/src/host/webStorageHost';
import { MapStorage } from '../host/MapStorage';
import { GatedStorage, settle } from './GatedStorage';

/** A small document, stored through the real browser host over a Web Storage with a quota. */
const schema = z.strictObject({ version: z.literal(1), items: z.array(z.string()) });
type Doc = z.infer<typeof schema>;
const defaults = (): Doc => ({ version: 1, items: [] });
const parse = (raw: unknown): ParsedDocument<Doc> => {
  const result = schema.safeParse(raw);
  return result.success
    ? { data: result.data, issues: [] }
    : { data: defaults(), issues: [problemLine(undefined, 'problems:stored.invalid')] };
};

async function sessionOver(capacity: number) {
  const web = new MapStorage();
  const storage = createWebStorageDocuments(web, Date.now, { capacity });
  const store = createJsonDocumentBackend({ storage, key: 'doc', parse, defaults });
  const session = new StoreSession<Doc, string>(store, await store.load(), {
    refusal: (error) => (error instanceof RangeError ? error.message : undefined),
  });
  return { web, session };
}

describe('StoreSession.applyStored (imports show only what was stored)', () => {
  it('shows and stores the result when it fits', async () => {
    const { web, session } = await sessionOver(10_000);
    const before = session.getSnapshot();
    expect(await session.applyStored((db) => ({ ...db, items: ['a', 'b'] }))).toBeNull();
    const after = session.getSnapshot();
    expect(after.db.items).toEqual(['a', 'b']);
    expect(after.generation).toBe(before.generation + 1);
    expect(after.saveState).toEqual({ status: 'saved' });
    expect([...web.items.values()].some((text) => text.includes('"b"'))).toBe(true);
  });

  it('changes nothing, on screen or in storage, when storage refuses it, and says why', async () => {
    const { web, session } = await sessionOver(2_000);
    // Nothing saved yet in this session: the status must not claim a save after a refusal.
    const huge = (db: Doc): Doc => ({ ...db, items: ['x'.repeat(5_000)] });
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
    expect(await session.applyStored(huge)).toMatchObject({ notSaved: expect.any(String) });
    expect(session.getSnapshot().saveState).toEqual({ status: 'idle' });
    expect(await session.applyStored((db) => ({ ...db, items: ['kept'] }))).toBeNull();
    const stored = new Map(web.items);
    const shown = session.getSnapshot();

    const result = await session.applyStored((db) => ({ ...db, items: ['x'.repeat(5_000)] }));
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
    expect(result).toMatchObject({ notSaved: expect.stringMatching(/too large/) });
    expect(session.getSnapshot().db).toBe(shown.db);
    expect(session.getSnapshot().generation).toBe(shown.generation);
    expect(session.getSnapshot().saveState).toEqual(shown.saveState);
    expect(new Map(web.items)).toEqual(stored);
    // The store holds the old data too, so the next ordinary save writes no trace of the import.
    session.apply((db) => ({ ...db, items: [...db.items, 'next'] }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const saved = [...web.items.values()].find((text) => text.includes('"next"')) ?? '';
    expect(JSON.parse(saved)).toEqual({ version: 1, items: ['kept', 'next'] });
  });

  it('gives way to an edit made while it was being stored: screen and storage agree', async () => {
    const gate = new GatedStorage();
    const store = createJsonDocumentBackend({ storage: gate, key: 'doc', parse, defaults });
    const session = new StoreSession<Doc, string>(store, await store.load(), {
      refusal: () => undefined,
    });
    const importing = session.applyStored(() => ({ version: 1, items: ['IMPORTED'] }));
    session.apply((db) => ({ ...db, items: [...db.items, 'edit'] }));
    // Let every write through, one at a time, in the order they were made.
    for (let turn = 0; turn < 20; turn++) {
      await settle();
      if (gate.pending > 0) await gate.release();
    }
    expect(await importing).toEqual({ notSaved: CHANGED_WHILE_STORING });
    expect(session.getSnapshot().db.items).toEqual(['edit']);
    expect(gate.last).toEqual({ version: 1, items: ['edit'] });
  });

  it("returns the operation's own refusal without touching anything", async () => {
    const { session } = await sessionOver(10_000);
    const shown = session.getSnapshot();
    const result = await session.applyStored(() => {
      throw new RangeError('not a backup');
    });
    expect(result).toEqual({ refused: 'not a backup' });
    expect(session.getSnapshot()).toBe(shown);
  });
});
