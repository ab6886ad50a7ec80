import { describe, expect, it } from 'vitest';
import {
  BACKUP_INTERVAL_MS,
  backupKey,
  createWebStorageHostStorage,
  mainKey,
} from '../../../renderer/src/host/webStorageHost';
import { MapStorage } from './MapStorage';

const NOW = 1_764_000_000_000;

function setup() {
  const web = new MapStorage();
  const storage = createWebStorageHostStorage(web, () => NOW);
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
    const storage = createWebStorageHostStorage(web, () => clock);
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
    const storage = createWebStorageHostStorage(web, () => NOW);
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
    const storage = createWebStorageHostStorage(web, () => clock);
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

  it('fails with a plain message when storage is full, keeping the old text', async () => {
    const { web, storage } = setup();
    await storage.write('planner', '{"v":1}');
    web.quotaBytes = 60;
    await expect(storage.write('planner', JSON.stringify({ v: 'x'.repeat(100) }))).rejects.toThrow(
      /browser storage is full/,
    );
    expect(web.getItem('onmuni:planner')).toBe('{"v":1}');
  });

  it('notices when the browser silently drops a write (write-then-verify)', async () => {
    const { web, storage } = setup();
    web.dropWritesTo.add('onmuni:settings');
    await expect(storage.write('settings', '{}')).rejects.toThrow(/did not keep/);
  });
});
