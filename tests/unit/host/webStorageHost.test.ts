import { describe, expect, it } from 'vitest';
import {
  BACKUP_INTERVAL_MS,
  backupKey,
  createWebStorageDocuments,
  mainKey,
} from '../../../renderer/src/host/webStorageHost';
import { WEB_STORAGE_CAPACITY } from '../../../renderer/src/host/webStorageQuota';
import { MapStorage } from './MapStorage';

const NOW = 1_764_000_000_000;

function setup() {
  const web = new MapStorage();
  const storage = createWebStorageDocuments(web, () => NOW);
  return { web, storage };
}

describe('browser host storage over Web Storage', () => {
  it('reports a document that was never written as missing', async () => {
    const { storage } = setup();
    await expect(storage.read('settings')).resolves.toEqual({ status: 'missing' });
  });

  it('stores documents under the onmuni: prefix and reads them back', async () => {
    const { web, storage } = setup();
    await storage.write('settings', '{"a":1}');
    expect(web.getItem('onmuni:settings')).toBe('{"a":1}');
    await expect(storage.read('settings')).resolves.toEqual({ status: 'ok', text: '{"a":1}' });
  });

  it('keeps the previous good text as a backup at the first save, then every ten minutes', async () => {
    const web = new MapStorage();
    let clock = NOW;
    const storage = createWebStorageDocuments(web, () => clock);
    await storage.write('settings', '{"n":1}');
    expect(web.getItem(backupKey('settings'))).toBeNull();
    await storage.write('settings', '{"n":2}');
    expect(web.getItem(backupKey('settings'))).toBe('{"n":1}');
    clock += BACKUP_INTERVAL_MS - 1;
    await storage.write('settings', '{"n":3}');
    expect(web.getItem(backupKey('settings'))).toBe('{"n":1}');
    clock += 1;
    await storage.write('settings', '{"n":4}');
    expect(web.getItem(backupKey('settings'))).toBe('{"n":3}');
    expect(web.getItem(mainKey('settings'))).toBe('{"n":4}');
  });

  it('backs up what it finds at start-up before the first save of a session', async () => {
    const web = new MapStorage();
    web.setItem(mainKey('planner'), '{"from":"last session"}');
    const storage = createWebStorageDocuments(web, () => NOW);
    await storage.read('planner');
    await storage.write('planner', '{"from":"this session"}');
    expect(web.getItem(backupKey('planner'))).toBe('{"from":"last session"}');
  });

  it('moves text that does not parse aside instead of overwriting it, and says where', async () => {
    const { web, storage } = setup();
    web.setItem('onmuni:settings', '{"theme": "da');
    const result = await storage.read('settings');
    expect(result).toMatchObject({
      status: 'recovered',
      movedTo: `onmuni:settings:corrupt-${NOW}`,
    });
    expect(web.getItem(`onmuni:settings:corrupt-${NOW}`)).toBe('{"theme": "da');
    expect(web.getItem('onmuni:settings')).toBeNull();

    // The next write must not put the damaged text into the backup slot either.
    web.setItem(backupKey('settings'), '{"good":true}');
    await storage.write('settings', '{"fresh":true}');
    expect(web.getItem(backupKey('settings'))).toBe('{"good":true}');
    expect(web.getItem(`onmuni:settings:corrupt-${NOW}`)).toBe('{"theme": "da');
  });

  it('leaves damaged text in place when storage is too full to move it', async () => {
    const { web, storage } = setup();
    web.setItem('onmuni:settings', 'not json');
    web.quotaBytes = 30;
    const result = await storage.read('settings');
    expect(result).toMatchObject({ status: 'recovered', movedTo: 'onmuni:settings' });
    if (result.status === 'recovered') expect(result.reason).toMatch(/left in place/);
    expect(web.getItem('onmuni:settings')).toBe('not json');
  });

  it('refuses to store text that is not JSON', async () => {
    const { web, storage } = setup();
    await expect(storage.write('settings', '{oops')).rejects.toThrow(/not valid JSON/);
    expect(web.items.size).toBe(0);
  });

  it.each(['', 'Settings', '../settings', 'a:b', 'settings:bak', '1st', 'a'.repeat(50)])(
    'refuses the document name %j',
    async (key) => {
      const { storage } = setup();
      await expect(storage.write(key, '{}')).rejects.toThrow(/Invalid document name/);
      await expect(storage.read(key)).rejects.toThrow(/Invalid document name/);
    },
  );

  it('drops the backup rather than the save when there is no room for both', async () => {
    const web = new MapStorage();
    let clock = NOW;
    const storage = createWebStorageDocuments(web, () => clock);
    await storage.write('planner', `{"v":"${'a'.repeat(20)}"}`);
    await storage.write('planner', `{"v":"${'b'.repeat(20)}"}`);
    expect(web.getItem(backupKey('planner'))).not.toBeNull();
    web.quotaBytes = 70;
    clock += BACKUP_INTERVAL_MS;
    const next = `{"v":"${'c'.repeat(40)}"}`;
    await storage.write('planner', next);
    expect(web.getItem(mainKey('planner'))).toBe(next);
    expect(web.getItem(backupKey('planner'))).toBeNull();
  });

  it('fails with a plain message when the browser keeps less than expected, keeping the old text', async () => {
    const { web, storage } = setup();
    await storage.write('planner', '{"v":1}');
    web.quotaBytes = 60;
    await expect(storage.write('planner', JSON.stringify({ v: 'x'.repeat(100) }))).rejects.toThrow(
      /"planner" is too large for this browser's storage.*What was saved before is kept\. Use the desktop app/,
    );
    expect(web.getItem('onmuni:planner')).toBe('{"v":1}');
  });

  it('notices when the browser silently drops a write (write-then-verify)', async () => {
    const { web, storage } = setup();
    web.dropWritesTo.add('onmuni:settings');
    await expect(storage.write('settings', '{}')).rejects.toThrow(/did not keep/);
  });
});

/** A MapStorage that counts the changes made to it, to prove a refusal changed nothing. */
class CountingStorage extends MapStorage {
  changes = 0;
  override setItem(key: string, value: string): void {
    this.changes += 1;
    super.setItem(key, value);
  }
  override removeItem(key: string): void {
    this.changes += 1;
    super.removeItem(key);
  }
}

describe('browser storage quota', () => {
  const CAPACITY = 1_000;
  const json = (length: number) => `["${'x'.repeat(length - 4)}"]`;

  async function filled() {
    const web = new CountingStorage();
    web.quotaBytes = CAPACITY;
    let clock = NOW;
    const storage = createWebStorageDocuments(web, () => clock, { capacity: CAPACITY });
    await storage.write('planner', json(200));
    clock += BACKUP_INTERVAL_MS;
    await storage.write('planner', json(210)); // the backup now holds the 200-unit version
    web.setItem('other-app:cache', 'y'.repeat(80));
    const before = new Map(web.items);
    web.changes = 0;
    return { web, storage, before, tick: () => (clock += BACKUP_INTERVAL_MS) };
  }

  it('holds 5 Mi UTF-16 units by default, as Chromium measures localStorage', () => {
    expect(WEB_STORAGE_CAPACITY).toBe(5 * 1024 * 1024);
  });

  it('refuses a document larger than browser storage before changing anything', async () => {
    const { web, storage, before } = await filled();
    await expect(storage.write('planner', json(1_500))).rejects.toThrow(
      /^"planner" is too large for this browser's storage: it needs 1\.5 KB, and the browser keeps about 1,000 bytes for this site\. What was saved before is kept\. Use the desktop app for data this large/,
    );
    expect(web.changes).toBe(0);
    expect(web.items).toEqual(before);
  });

  it('counts every other item on the site, ours and not ours', async () => {
    const { web, storage, before } = await filled();
    await storage.write('settings', json(100));
    // 600 fits in 1,000 alone, but not beside settings (115), the other app (95) and planner.
    await expect(storage.write('annotations', json(600))).rejects.toThrow(/too large/);
    expect(web.getItem(mainKey('annotations'))).toBeNull();
    expect(web.getItem(mainKey('planner'))).toBe(before.get(mainKey('planner')));
    expect(web.getItem(backupKey('planner'))).toBe(before.get(backupKey('planner')));
  });

  it('drops the old backup when the new text needs its room, and saves', async () => {
    const { web, storage } = await filled();
    // 714 units (key and text) beside the other app's 95 leave 191: too little for the 218 of
    // the backup, which goes.
    await storage.write('planner', json(700));
    expect(web.getItem(mainKey('planner'))).toBe(json(700));
    expect(web.getItem(backupKey('planner'))).toBeNull();
  });

  it('refreshes the backup only when it fits beside the new text', async () => {
    const { web, storage, tick } = await filled();
    tick();
    await storage.write('planner', json(220));
    expect(web.getItem(backupKey('planner'))).toBe(json(210));
    tick();
    await storage.write('planner', json(700)); // 714 + a 238-unit backup + 95 > 1,000
    expect(web.getItem(mainKey('planner'))).toBe(json(700));
    expect(web.getItem(backupKey('planner'))).toBeNull();
  });

  it('puts the backup back as it was when the browser refuses the write after all', async () => {
    const { web, storage, before, tick } = await filled();
    web.quotaBytes = 700; // the browser keeps less than the host expects
    tick();
    await expect(storage.write('planner', json(600))).rejects.toThrow(
      /too large for this browser's storage.*What was saved before is kept/,
    );
    expect(web.items).toEqual(before);
  });

  it("learns from other tabs' changes (the storage event)", async () => {
    const web = new MapStorage();
    let notify: (key: string | null) => void = () => undefined;
    const storage = createWebStorageDocuments(web, () => NOW, {
      capacity: CAPACITY,
      watchOtherTabs: (onChange) => {
        notify = onChange;
      },
    });
    await storage.write('settings', json(100));
    await storage.write('workshops', json(100));
    // Another tab (a presenter view) grows the workshops to 700 units.
    web.setItem(mainKey('workshops'), json(700));
    notify(mainKey('workshops'));
    await expect(storage.write('settings', json(300))).rejects.toThrow(/too large/);
    expect(web.getItem(mainKey('settings'))).toBe(json(100));
  });

  it('counts what it has seen when the storage cannot list its items', async () => {
    const items = new Map<string, string>();
    const web = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    };
    const storage = createWebStorageDocuments(web, () => NOW, { capacity: CAPACITY });
    await storage.write('settings', json(500));
    await expect(storage.write('planner', json(600))).rejects.toThrow(/too large/);
    expect(items.has(mainKey('planner'))).toBe(false);
  });
});
