/**
 * Opening a stored document without holding up the page. A plan of 20,000 tasks is about 16 MB
 * of JSON (the desktop stores up to 25 MB per document): `JSON.parse` and the planner's checks
 * took one 1.2 s task on the page's main thread when it opened (Chromium, this project's 2-core
 * machine). Texts that large are read by the import worker instead, which answers in parts the
 * page takes in between clicks and key presses (listParts.ts). Small texts, the usual case, are
 * read where they are: starting a worker costs more than they do.
 */
import {
  parseStoredText,
  type DocumentParser,
  type ParsedText,
  type StoredTextParser,
} from '../../../core/store/DocumentStorage';
import { ImportWorkerClient, type StartWorker } from './importClient';
import type { StoredDatabases, StoredDocumentKind } from './importProtocol';
import { startImportWorker } from './startImportWorker';
import { t } from '../i18n/i18n';

/**
 * Texts from this many characters up go to the worker. About 40 ms of parsing and checking on
 * the page at the planner's density, well under the 100 ms a task may take while a page opens.
 */
export const OFF_THREAD_TEXT_LENGTH = 512 * 1024;

export interface OffThreadOptions {
  /** Defaults to `OFF_THREAD_TEXT_LENGTH`. */
  threshold?: number;
  /** Defaults to the real worker; tests run the worker's loop over a MessageChannel. */
  startWorker?: StartWorker;
}

/**
 * The `StoredTextParser` for a store whose documents can be large: texts from `threshold` up are
 * read by a worker of their own, terminated once it answers. Where no worker can start (workers
 * not allowed), the text is read here after all. A worker that starts but fails (it crashed, or
 * said nothing for `WORKER_SILENCE_LIMIT_MS`) rejects the load instead: reading that text here
 * would freeze the page for longer still, and a rejected load changes nothing and is tried again
 * the next time the screen opens (see `sessionLoader`).
 */
export function offThreadParser<K extends StoredDocumentKind>(
  store: K,
  parse: DocumentParser<StoredDatabases[K]>,
  options: OffThreadOptions = {},
): StoredTextParser<StoredDatabases[K]> {
  const threshold = options.threshold ?? OFF_THREAD_TEXT_LENGTH;
  const startWorker = options.startWorker ?? startImportWorker;
  return async (text) => {
    if (text.length < threshold) return parseStoredText(text, parse);
    const read = await readInWorker(store, text, startWorker);
    return read ?? parseStoredText(text, parse);
  };
}

async function readInWorker<K extends StoredDocumentKind>(
  store: K,
  text: string,
  startWorker: StartWorker,
): Promise<ParsedText<StoredDatabases[K]> | null> {
  let started = false;
  const client = new ImportWorkerClient((events) => {
    const channel = startWorker(events);
    started = true;
    return channel;
  });
  try {
    const reply = await client.request({ type: 'read-stored', store, text });
    if (reply.type === 'stored-not-json') return { notJson: reply.reason };
    if (reply.type === 'stored-read' && reply.store === store) {
      // The worker answers a request for `store` with that store's database.
      const data = reply.data as StoredDatabases[K];
      return reply.migratedFrom === null
        ? { data, issues: reply.issues }
        : { data, issues: reply.issues, migratedFrom: reply.migratedFrom };
    }
    if (!started) return null;
    const why =
      reply.type === 'refused'
        ? withoutWholeFilePath(reply.problems[0])
        : t('common:importWorker.unexpectedReply', { type: reply.type });
    // i18next's typed keys need the union of kinds, not the type parameter K.
    const kind: StoredDocumentKind = store;
    throw new Error(
      t('common:importWorker.storedReadStopped', {
        // What each stored document is called in messages.
        store: t(`common:importWorker.stores.${kind}`),
        why: why ?? t('common:importWorker.noReason'),
      }),
    );
  } finally {
    client.terminate();
  }
}

/**
 * A worded problem line without its "(file): " path, which says nothing inside "could not read
 * the plan: …". The path is worded by the catalogue ("(fichier) : " in French), so it is cut in
 * the words of the current language, not matched as English.
 */
function withoutWholeFilePath(line: string | undefined): string | undefined {
  const prefix = t('problems:line', { path: t('problems:whole.file'), problem: '' });
  return line?.startsWith(prefix) ? line.slice(prefix.length) : line;
}
