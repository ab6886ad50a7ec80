/**
 * Own documents in component tests: the real own-documents session over fresh in-memory host
 * storage, the browser host for everything else except saving files (whose bytes the test keeps,
 * as the download would), and the bundled library's catalog served where the app fetches it.
 */
import type { ReactNode } from 'react';
import type { CatalogFile } from '../../../renderer/src/core/content/model';
import { saveOwnDocument } from '../../../renderer/src/core/ownDocuments/operations';
import type { OwnContent } from '../../../renderer/src/core/ownDocuments/schema';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import type { Host, SaveFileOptions } from '../../../renderer/src/host/Host';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import { ownDocumentsSessionFor } from '../../../renderer/src/ui/ownDocuments/ownDocumentsSession';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import { parseVocabulary, type Vocabulary } from '../../../renderer/src/core/content/vocabulary';
import vocabularyText from '../../../content/vocabulary.yml?raw';
import { BUNDLED_ID } from '../../unit/ownDocuments/sample';
import { renderSettled, settle } from '../support/dom';

/** The bundled library's vocabulary (imported as text: jsdom's file URLs are not Node's). */
export const VOCABULARY: Vocabulary = (() => {
  const { vocabulary } = parseVocabulary(vocabularyText, 'content/vocabulary.yml');
  if (!vocabulary) throw new Error('content/vocabulary.yml is invalid');
  return vocabulary;
})();

/** The bundled catalog: one guide step, so links to it resolve. */
const BUNDLED_CATALOG: CatalogFile = {
  version: 1,
  vocabulary: VOCABULARY,
  entries: [
    {
      id: BUNDLED_ID as CatalogFile['entries'][number]['id'],
      type: 'guide-step',
      title: 'Assess your readiness',
      summary: 'Where your municipality stands. What to do first.',
      topics: [Object.keys(VOCABULARY.topics)[0] as string],
      updated: '2026-11-01',
      step: 1,
    },
  ],
};

/** Serves the bundled catalog at `./data/catalog.json` (jsdom has no app server). */
export function serveBundledCatalog(): void {
  globalThis.fetch = (input: RequestInfo | URL) =>
    Promise.resolve(
      (input instanceof Request ? input.url : input.toString()).endsWith('catalog.json')
        ? new Response(JSON.stringify(BUNDLED_CATALOG), { status: 200 })
        : new Response('', { status: 404 }),
    );
}

export interface OwnTestHost {
  host: Host;
  storage: MemoryStorage;
  /** Every file the app asked the host to save. */
  saved: SaveFileOptions[];
}

/** A host over fresh storage (so a fresh own-documents session). */
export function ownTestHost(): OwnTestHost {
  const storage = new MemoryStorage();
  const saved: SaveFileOptions[] = [];
  const host: Host = {
    ...createBrowserHost(window),
    storage,
    saveFile: (options) => {
      saved.push(options);
      return Promise.resolve({ status: 'saved', where: 'Downloads' });
    },
  };
  return { host, storage, saved };
}

export function WithHost({ host, children }: { host: Host; children: ReactNode }) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

/** The session the components use for `storage` (the same one: sessions are per storage). */
export const sessionOf = (storage: MemoryStorage) => ownDocumentsSessionFor(storage);

/** One save of a document, as the editor would make it. */
export interface OwnSave {
  id: string;
  content: OwnContent;
  at: string;
}

/** `test`'s store after `saves`, in order, written through; returns its session. */
export async function storeAfter(test: OwnTestHost, saves: readonly OwnSave[]) {
  const session = await sessionOf(test.storage);
  for (const { id, content, at } of saves)
    session.apply((db) => saveOwnDocument(db, id, content, at));
  await session.whenSaved();
  return session;
}

/** Waits `ms` milliseconds of timers (loads and saves settle on their own ticks). */
export const afterTimers = (ms: number) =>
  settle(new Promise((resolve) => setTimeout(resolve, ms)));

/**
 * Renders `node` with `test`'s host, then waits `ms` for what it loads on its own ticks (the
 * own-documents session and the bundled catalog).
 */
export async function renderWithHost(test: OwnTestHost, node: ReactNode, ms = 10) {
  await renderSettled(<WithHost host={test.host}>{node}</WithHost>);
  await afterTimers(ms);
}
