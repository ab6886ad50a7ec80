import { describe, expect, it } from 'vitest';
import { formatZodIssues } from '../../../renderer/src/core/safeJson/formatZodIssues';
import { z } from 'zod';
import type { ParsedDocument } from '../../../renderer/src/core/store/DocumentStorage';
import { createJsonDocumentBackend } from '../../../renderer/src/core/store/jsonDocumentBackend';
import { MemoryStorage } from './MemoryStorage';

/** A small document type with a zod schema, standing in for any store built on this one. */
const todoSchema = z.strictObject({ version: z.literal(1), items: z.array(z.string()) });
type Todos = z.infer<typeof todoSchema>;
const defaults = (): Todos => ({ version: 1, items: [] });
/** The items of a stored text, which these tests wrote as Todos. */
const itemsIn = (text: string | undefined): string[] => (JSON.parse(text ?? 'null') as Todos).items;
const parseTodos = (raw: unknown): ParsedDocument<Todos> => {
  const result = todoSchema.safeParse(raw);
  return result.success
    ? { data: result.data, issues: [] }
    : {
        data: defaults(),
        issues: formatZodIssues(result.error),
      };
};

function storeOver(storage: MemoryStorage) {
  return createJsonDocumentBackend({ storage, key: 'todos', parse: parseTodos, defaults });
}

describe('createJsonDocumentBackend (lowdb over host storage)', () => {
  it('starts from defaults when nothing is stored, and round-trips through storage', async () => {
    const storage = new MemoryStorage();
    const store = storeOver(storage);
    await expect(store.load()).resolves.toEqual({
      data: defaults(),
      report: { status: 'missing' },
    });

    await store.save({ version: 1, items: ['draft plan'] });
    expect(JSON.parse(storage.documents.get('todos') ?? 'null')).toEqual({
      version: 1,
      items: ['draft plan'],
    });

    const again = await storeOver(storage).load();
    expect(again.report).toEqual({ status: 'ok' });
    expect(again.data.items).toEqual(['draft plan']);
  });

  it('keeps a copy of a document that fails validation before anything can replace it', async () => {
    const storage = new MemoryStorage();
    const original = '{"version":1,"items":[1,2]}';
    storage.documents.set('todos', original);
    const store = storeOver(storage);

    const { data, report } = await store.load();
    expect(report).toMatchObject({ status: 'repaired', keptCopyAs: 'todos-invalid' });
    if (report.status === 'repaired') expect(report.issues[0]?.path).toBe('items.0');
    expect(storage.documents.get('todos-invalid')).toBe(original);
    expect(data).toEqual(defaults());

    // Saving the repaired data replaces the main document; the copy stays untouched.
    await store.save({ ...data, items: ['new'] });
    expect(storage.documents.get('todos-invalid')).toBe(original);
    expect(itemsIn(storage.documents.get('todos'))).toEqual(['new']);
  });

  it('refuses to write when the invalid original could not be copied aside', async () => {
    const storage = new MemoryStorage();
    const original = '{"version":2}';
    storage.documents.set('todos', original);
    storage.failWritesTo.set('todos-invalid', new Error('disk full'));
    const store = storeOver(storage);

    const { data, report } = await store.load();
    expect(report).toMatchObject({ status: 'repaired', keptCopyAs: null });
    await expect(store.save(data)).rejects.toThrow(
      /Not saved: the original could not be copied aside \(disk full\)/,
    );
    expect(storage.documents.get('todos')).toBe(original);
  });

  it('passes on a document the host recovered from corruption, with defaults in use', async () => {
    const storage = new MemoryStorage();
    storage.documents.set('todos', '{"version":1,"ite');
    const store = storeOver(storage);
    const { data, report } = await store.load();
    expect(report).toEqual({ status: 'recovered', movedTo: 'todos.corrupt', reason: 'damaged' });
    expect(data).toEqual(defaults());
    await store.save(data); // writing is safe: the damaged text is already aside
    expect(storage.documents.get('todos.corrupt')).toBe('{"version":1,"ite');
  });

  it('reports unreadable storage and never writes over what it could not read', async () => {
    const storage = new MemoryStorage();
    storage.documents.set('todos', '{"version":1,"items":["keep me"]}');
    storage.failReadsWith = new Error('IPC timed out');
    const store = storeOver(storage);
    const unread = await store.load();
    expect(unread.report).toEqual({ status: 'unreadable', reason: 'IPC timed out' });
    await expect(store.save(unread.data)).rejects.toThrow(/Not saved/);
    expect(storage.documents.get('todos')).toBe('{"version":1,"items":["keep me"]}');

    // Once storage can be read again, a reload clears the block.
    storage.failReadsWith = null;
    const read = await store.load();
    expect(read.report).toEqual({ status: 'ok' });
    await store.save(read.data);
  });

  it('stores writes in call order even when the host answers out of order', async () => {
    const storage = new MemoryStorage();
    storage.writeDelays = [30, 0, 10];
    const store = storeOver(storage);
    await store.load();
    const saves = ['a', 'b', 'c'].map((item) => store.save({ version: 1, items: [item] }));
    await Promise.all(saves);
    expect(storage.writeLog.map((w) => itemsIn(w.text)[0])).toEqual(['a', 'b', 'c']);
    expect(itemsIn(storage.documents.get('todos'))).toEqual(['c']);
  });

  it('keeps writing after one write fails', async () => {
    const storage = new MemoryStorage();
    const store = storeOver(storage);
    const { data } = await store.load();
    storage.failWritesTo.set('todos', new Error('quota'));
    await expect(store.save(data)).rejects.toThrow('quota');
    storage.failWritesTo.clear();
    await store.save({ ...data, items: ['after'] });
    expect(itemsIn(storage.documents.get('todos'))).toEqual(['after']);
  });

  it('does not keep stale data when a reloaded document has gone', async () => {
    const storage = new MemoryStorage();
    storage.documents.set('todos', '{"version":1,"items":["x"]}');
    const store = storeOver(storage);
    await store.load();
    storage.documents.delete('todos');
    expect((await store.load()).data).toEqual(defaults());
  });
});
