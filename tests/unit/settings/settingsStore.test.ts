import { describe, expect, it } from 'vitest';
import {
  createSettingsStore,
  SETTINGS_KEY,
} from '../../../renderer/src/core/settings/settingsStore';
import { defaultSettings } from '../../../renderer/src/core/settings/settingsSchema';
import { createWebStorageHostStorage } from '../../../renderer/src/host/webStorageHost';
import { MapStorage } from '../host/MapStorage';
import { MemoryStorage } from '../store/MemoryStorage';

describe('settings store', () => {
  it('persists settings under the "settings" document and reloads them', async () => {
    const storage = new MemoryStorage();
    const store = createSettingsStore(storage);
    await store.load();
    store.db.data = { ...store.db.data, theme: 'dark', textSize: 150, authorName: 'Ada' };
    await store.save();
    expect(SETTINGS_KEY).toBe('settings');

    const reloaded = createSettingsStore(storage);
    await expect(reloaded.load()).resolves.toEqual({ status: 'ok' });
    expect(reloaded.db.data).toEqual({
      version: 1,
      theme: 'dark',
      textSize: 150,
      authorName: 'Ada',
    });
  });

  it('migrates an unversioned document and says so', async () => {
    const storage = new MemoryStorage();
    storage.documents.set('settings', '{"theme":"light"}');
    const store = createSettingsStore(storage);
    await expect(store.load()).resolves.toEqual({ status: 'ok', migratedFrom: 0 });
    expect(store.db.data.theme).toBe('light');
  });

  // The whole browser path: lowdb -> adapter -> browser host storage -> (Map-backed) localStorage.
  it('works end to end over the browser host storage, including a damaged document', async () => {
    const web = new MapStorage();
    const host = createWebStorageHostStorage(web, () => 42);
    const store = createSettingsStore(host);
    await store.load();
    store.db.data.theme = 'dark';
    await store.save();
    expect(JSON.parse(web.getItem('onmuni:settings') ?? 'null')).toMatchObject({ theme: 'dark' });

    web.setItem('onmuni:settings', '{"theme":');
    const afterCrash = createSettingsStore(host);
    await expect(afterCrash.load()).resolves.toMatchObject({
      status: 'recovered',
      movedTo: 'onmuni:settings:corrupt-42',
    });
    expect(afterCrash.db.data).toEqual(defaultSettings());
    expect(web.getItem('onmuni:settings:corrupt-42')).toBe('{"theme":');

    web.setItem('onmuni:settings', '{"version":1,"theme":"neon","textSize":100,"authorName":""}');
    const invalid = createSettingsStore(host);
    await expect(invalid.load()).resolves.toMatchObject({
      status: 'repaired',
      keptCopyAs: 'settings-invalid',
    });
    expect(web.getItem('onmuni:settings-invalid')).toContain('"neon"');
  });
});
