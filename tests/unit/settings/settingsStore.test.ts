import { describe, expect, it } from 'vitest';
import {
  createSettingsStore,
  SETTINGS_KEY,
} from '../../../renderer/src/core/settings/settingsStore';
import { defaultSettings } from '../../../renderer/src/core/settings/settingsSchema';
import { createWebStorageDocuments } from '../../../renderer/src/host/webStorageHost';
import { MapStorage } from '../host/MapStorage';
import { MemoryStorage } from '../store/MemoryStorage';

describe('settings store', () => {
  it('persists settings under the "settings" document and reloads them', async () => {
    const storage = new MemoryStorage();
    const store = createSettingsStore(storage);
    const { data } = await store.load();
    await store.save({ ...data, theme: 'dark', textSize: 150, authorName: 'Ada', language: 'fr' });
    expect(SETTINGS_KEY).toBe('settings');

    const reloaded = createSettingsStore(storage);
    await expect(reloaded.load()).resolves.toEqual({
      data: { version: 2, theme: 'dark', textSize: 150, authorName: 'Ada', language: 'fr' },
      report: { status: 'ok' },
    });
  });

  it('migrates an unversioned document and says so', async () => {
    const storage = new MemoryStorage();
    storage.documents.set('settings', '{"theme":"light"}');
    const store = createSettingsStore(storage);
    const { data, report } = await store.load();
    expect(report).toEqual({ status: 'ok', migratedFrom: 0 });
    expect(data.theme).toBe('light');
  });

  // The whole browser path: lowdb -> adapter -> browser host storage -> (Map-backed) localStorage.
  it('works end to end over the browser host storage, including a damaged document', async () => {
    const web = new MapStorage();
    const host = createWebStorageDocuments(web, () => 42);
    const store = createSettingsStore(host);
    const { data } = await store.load();
    await store.save({ ...data, theme: 'dark' });
    expect(JSON.parse(web.getItem('onmuni:settings') ?? 'null')).toMatchObject({ theme: 'dark' });

    web.setItem('onmuni:settings', '{"theme":');
    const afterCrash = createSettingsStore(host);
    const recovered = await afterCrash.load();
    expect(recovered.report).toMatchObject({
      status: 'recovered',
      movedTo: 'onmuni:settings:corrupt-42',
    });
    expect(recovered.data).toEqual(defaultSettings());
    expect(web.getItem('onmuni:settings:corrupt-42')).toBe('{"theme":');

    web.setItem(
      'onmuni:settings',
      '{"version":2,"theme":"neon","textSize":100,"authorName":"","language":null}',
    );
    const invalid = createSettingsStore(host);
    expect((await invalid.load()).report).toMatchObject({
      status: 'repaired',
      keptCopyAs: 'settings-invalid',
    });
    expect(web.getItem('onmuni:settings-invalid')).toContain('"neon"');
  });
});
