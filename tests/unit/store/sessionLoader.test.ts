import { describe, expect, it } from 'vitest';
import { createJsonDocumentBackend } from '../../../renderer/src/core/store/jsonDocumentBackend';
import { sessionLoader } from '../../../renderer/src/core/store/sessionLoader';
import { StoreSession } from '../../../renderer/src/core/store/StoreSession';
import { MemoryStorage } from './MemoryStorage';

interface Notes {
  notes: string[];
}

function notesLoader(onClose: (flush: () => void) => void, failOpens = 0) {
  let failures = failOpens;
  return sessionLoader(
    (storage) =>
      createJsonDocumentBackend<Notes>({
        storage,
        key: 'notes',
        parse: (raw) => ({ data: raw as Notes, issues: [] }),
        defaults: () => ({ notes: [] }),
      }),
    (backend, loaded) => {
      if (failures-- > 0) throw new Error('could not open');
      return new StoreSession<Notes>(backend, loaded);
    },
    onClose,
  );
}

describe('sessionLoader', () => {
  it('opens one session per storage and shares it with every later caller', async () => {
    const sessionFor = notesLoader(() => undefined);
    const a = new MemoryStorage();
    const b = new MemoryStorage();
    const first = await sessionFor(a);
    expect(await sessionFor(a)).toBe(first);
    expect(await sessionFor(b)).not.toBe(first);
  });

  it('does not keep a load that failed, so the next caller tries again', async () => {
    const sessionFor = notesLoader(() => undefined, 1);
    const storage = new MemoryStorage();
    await expect(sessionFor(storage)).rejects.toThrow('could not open');
    await expect(sessionFor(storage)).resolves.toBeInstanceOf(StoreSession);
  });

  it('registers a flush that writes a change still waiting for its pause', async () => {
    const flushes: (() => void)[] = [];
    const sessionFor = notesLoader((flush) => flushes.push(flush));
    const storage = new MemoryStorage();
    const session = await sessionFor(storage);
    expect(flushes).toHaveLength(1);
    session.apply((db) => ({ notes: [...db.notes, 'typed'] }), 60_000);
    expect(storage.documents.has('notes')).toBe(false);
    for (const flush of flushes) flush();
    await expect.poll(() => storage.documents.get('notes')).toContain('typed');
  });
});
