import { describe, expect, it } from 'vitest';
import { isMemberId } from '../../../renderer/src/core/team/hlc';
import { IDENTITY_KEY, localMemberId } from '../../../renderer/src/core/team/identity';
import { MemoryStorage } from '../store/MemoryStorage';

describe("this machine's member id", () => {
  it('is made once, stored, and the same for every caller and after a restart', async () => {
    const storage = new MemoryStorage();
    const [a, b] = await Promise.all([localMemberId(storage), localMemberId(storage)]);
    expect(isMemberId(a)).toBe(true);
    expect(b).toBe(a);
    expect(storage.writeLog.map((entry) => entry.key)).toEqual([IDENTITY_KEY]);

    // A new window over the same stored documents (a new storage object) reads the same id.
    const restarted = new MemoryStorage();
    restarted.documents.set(IDENTITY_KEY, storage.documents.get(IDENTITY_KEY) ?? '');
    await expect(localMemberId(restarted)).resolves.toBe(a);
    expect(restarted.writeLog).toEqual([]);
  });

  it('keeps a damaged identity aside and makes a new one', async () => {
    const storage = new MemoryStorage();
    storage.documents.set(IDENTITY_KEY, '{"version":1,"memberId":"Sam"}');
    const id = await localMemberId(storage);
    expect(isMemberId(id)).toBe(true);
    expect(storage.documents.get(`${IDENTITY_KEY}-invalid`)).toBe('{"version":1,"memberId":"Sam"}');
    expect(JSON.parse(storage.documents.get(IDENTITY_KEY) ?? '')).toEqual({
      version: 1,
      memberId: id,
    });
  });

  it('still gives an id for this session when storage cannot keep one', async () => {
    const storage = new MemoryStorage();
    storage.failWritesTo.set(IDENTITY_KEY, new Error('read-only'));
    expect(isMemberId(await localMemberId(storage))).toBe(true);
  });
});
