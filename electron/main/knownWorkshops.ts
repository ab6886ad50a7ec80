/**
 * Which workshops the presenter window may be opened for: the bundled ones, listed by the content
 * build in `data/catalog.json` (read once, at start), and the user's own, in the stored
 * workshop records (`workshops-records` and its logs) and the `workshops` document they were moved
 * from (read when asked, so a workshop made a moment ago counts). Both are parsed
 * from untrusted text and only well-formed ids are kept. Pure Node: no Electron.
 */
import { promises as fsp } from 'node:fs';
import { recordLogKeys } from '../../renderer/src/core/store/recordLogBackend';
import { parseLog, parseSnapshot } from '../../renderer/src/core/store/recordLogFormat';

/** The stored document holding the user's workshops (WORKSHOPS_KEY in the renderer's store). */
export const WORKSHOPS_DOCUMENT = 'workshops';

/** Ids the presenter channel accepts (the contract's `presenterId`). */
const WORKSHOP_ID = /^[A-Za-z0-9_-]{1,80}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The ids in `list` whose items pass `keep` and carry a well-formed string `id`. */
function idsOf(list: unknown, keep: (item: Record<string, unknown>) => boolean): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(list)) return ids;
  for (const item of list) {
    if (isRecord(item) && keep(item) && typeof item.id === 'string' && WORKSHOP_ID.test(item.id)) {
      ids.add(item.id);
    }
  }
  return ids;
}

/** The bundled workshops' ids in the text of `catalog.json` (`entries` of type `workshop`). */
export function bundledWorkshopIds(catalogText: string): Set<string> {
  const catalog = parseOrUndefined(catalogText);
  return idsOf(isRecord(catalog) ? catalog.entries : undefined, (e) => e.type === 'workshop');
}

/**
 * The user's workshop ids in the text of the stored `workshops` document (version 1 keeps them in
 * `workshops[].id`; a later version that moves them must update this too).
 */
export function userWorkshopIds(documentText: string): Set<string> {
  const document = parseOrUndefined(documentText);
  return idsOf(isRecord(document) ? document.workshops : undefined, () => true);
}

/** The bundled ids from the first of `paths` that can be read; none when none can. */
export async function readBundledWorkshopIds(paths: readonly string[]): Promise<Set<string>> {
  for (const path of paths) {
    const text = await fsp.readFile(path, 'utf8').catch(() => undefined);
    if (text !== undefined) return bundledWorkshopIds(text);
  }
  return new Set();
}

/** What {@link createWorkshopCheck} reads. */
export interface WorkshopSources {
  /** Where the content build's catalog may be, in order of preference. */
  catalogPaths: readonly string[];
  /** A stored document's text (`workshops`, its records and logs), or undefined when none. */
  readStored: (key: string) => Promise<string | undefined>;
}

/**
 * The user's workshop ids among the workshops' records: every `workshop` record the snapshot or
 * a log names (a deleted one too: the presenter then says it is gone, as for any stale link).
 */
export async function recordWorkshopIds(
  readStored: WorkshopSources['readStored'],
): Promise<Set<string>> {
  const keys = recordLogKeys(WORKSHOPS_DOCUMENT);
  const texts = await Promise.all(
    [keys.snapshot, ...keys.logs].map((key) => readStored(key).catch(() => undefined)),
  );
  const ids = new Set<string>();
  const [snapshot, ...logs] = texts.map((text) =>
    text === undefined ? undefined : parseOrUndefined(text),
  );
  if (snapshot !== undefined) {
    for (const record of parseSnapshot(snapshot).data.records) {
      if (record.kind === 'workshop' && WORKSHOP_ID.test(record.id)) ids.add(record.id);
    }
  }
  for (const log of logs) {
    for (const change of (log === undefined ? null : parseLog(log).data)?.changes ?? []) {
      if (change.kind === 'workshop' && WORKSHOP_ID.test(change.id)) ids.add(change.id);
    }
  }
  return ids;
}

/**
 * Returns `isKnownWorkshop(id)`. The catalog is read now, once; the user's document on each call
 * (a click on "Present", rarely more than once a minute).
 */
export function createWorkshopCheck(sources: WorkshopSources): (id: string) => Promise<boolean> {
  const bundled = readBundledWorkshopIds(sources.catalogPaths);
  return async (id) => {
    if (!WORKSHOP_ID.test(id)) return false;
    if ((await bundled).has(id)) return true;
    const text = await sources.readStored(WORKSHOPS_DOCUMENT).catch(() => undefined);
    if (text !== undefined && userWorkshopIds(text).has(id)) return true;
    return (await recordWorkshopIds(sources.readStored)).has(id);
  };
}
