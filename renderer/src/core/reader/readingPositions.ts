import type { ProblemLine } from '../common/problemLine';
import { z } from 'zod';
import { LIBRARY_DOC_ID_PATTERN } from '../content/ids';
import { createJsonDocumentBackend } from '../store/jsonDocumentBackend';
import type { StoreBackend } from '../store/StoreBackend';
import type { DocumentStorage, LoadReport, ParsedDocument } from '../store/DocumentStorage';
import { keepValidItems } from '../store/keepValidItems';
import type { Scheduler } from '../store/Scheduler';
import { openStoreSession, type StoreSession } from '../store/StoreSession';
import { versionOneList } from '../store/versionOneList';

/** The stored document's name in host storage. */
export const READING_POSITIONS_KEY = 'reading-positions';

/** Only the most recently read documents are remembered, so the stored list stays small. */
export const MAX_REMEMBERED = 200;

/** Writes wait this long after the last scroll, so scrolling never means a write per frame. */
export const WRITE_DELAY_MS = 600;

const positionSchema = z.object({
  id: z.string().regex(LIBRARY_DOC_ID_PATTERN),
  /** How far down the page the reader was: 0 at the top, 1 at the bottom. */
  fraction: z.number().min(0).max(1),
  /** When it was saved (ms since the epoch), to keep the most recent ones. */
  savedAt: z.number().int().nonnegative(),
});

type Position = z.infer<typeof positionSchema>;

/** The stored document: one position per document, least recently saved first. */
export interface ReadingPositionList {
  version: 1;
  positions: readonly Position[];
}

const noPositions = (): ReadingPositionList => ({ version: 1, positions: [] });

/**
 * Reads a stored document (any JSON value): keeps the valid positions, the most recent
 * `MAX_REMEMBERED` of them, and lists everything dropped in `issues`, so the store reports it and
 * keeps the original aside rather than quietly writing over it.
 */
export function parseReadingPositions(raw: unknown): ParsedDocument<ReadingPositionList> {
  const issues: ProblemLine[] = [];
  const list = versionOneList(raw, 'positions', issues);
  const kept = list === null ? [] : keepValidItems(list, 'positions', positionSchema, issues);
  const positions = kept.sort((a, b) => a.savedAt - b.savedAt).slice(-MAX_REMEMBERED);
  return { data: { version: 1, positions }, issues };
}

/** The list with `id` moved to the end (the most recent) at `fraction`, trimmed to the cap. */
function withPosition(
  doc: ReadingPositionList,
  id: string,
  fraction: number,
  savedAt: number,
): ReadingPositionList {
  const others = doc.positions.filter((position) => position.id !== id);
  return { ...doc, positions: [...others, { id, fraction, savedAt }].slice(-MAX_REMEMBERED) };
}

/** The reading-position document in a host's storage. */
export function createReadingPositionsStore(
  storage: DocumentStorage,
): StoreBackend<ReadingPositionList> {
  return createJsonDocumentBackend({
    storage,
    key: READING_POSITIONS_KEY,
    parse: parseReadingPositions,
    defaults: noPositions,
  });
}

/**
 * Where the reader stopped in each document, kept in host storage (`reading-positions`) and read
 * on first use. A lost reading position is a small loss: a failed write is only logged, and the
 * app never fails to open a document over it.
 */
export class ReadingPositions {
  private opening: Promise<StoreSession<ReadingPositionList>> | null = null;

  constructor(
    private readonly storage: DocumentStorage,
    private readonly now: () => number = Date.now,
    private readonly scheduler?: Scheduler,
  ) {}

  /** The saved fraction for a document, or null if it has none. */
  async get(id: string): Promise<number | null> {
    const { db } = (await this.open()).getSnapshot();
    return db.positions.find((position) => position.id === id)?.fraction ?? null;
  }

  /**
   * Remembers a position; the write happens once scrolling has paused. Resolves once the position
   * is in the list (not once it is written: see `flush`).
   */
  async remember(id: string, fraction: number): Promise<void> {
    if (!Number.isFinite(fraction)) return;
    const session = await this.open();
    const clamped = Math.min(1, Math.max(0, fraction));
    session.apply((doc) => withPosition(doc, id, clamped, this.now()), WRITE_DELAY_MS);
  }

  /** Writes any pending change now (on leaving the page or the document); resolves once written. */
  async flush(): Promise<void> {
    if (this.opening === null) return;
    const session = await this.opening;
    session.flush();
    await session.whenSaved();
  }

  /** What reading the stored list found: damaged data is reported and kept aside, not hidden. */
  async loadReport(): Promise<LoadReport> {
    return (await this.open()).getSnapshot().loadReport;
  }

  private open(): Promise<StoreSession<ReadingPositionList>> {
    this.opening ??= openStoreSession(createReadingPositionsStore(this.storage), {
      scheduler: this.scheduler,
    }).then((session) => {
      let reported = session.getSnapshot().saveState;
      session.subscribe(() => {
        const state = session.getSnapshot().saveState;
        if (state !== reported && state.status === 'failed') {
          console.warn('Could not save the reading position:', state.message);
        }
        reported = state;
      });
      return session;
    });
    return this.opening;
  }
}

const instances = new WeakMap<DocumentStorage, ReadingPositions>();

/** The one reading-position list of a host's storage (shared by every open document). */
export function readingPositionsFor(storage: DocumentStorage): ReadingPositions {
  let instance = instances.get(storage);
  if (!instance) {
    instance = new ReadingPositions(storage);
    instances.set(storage, instance);
  }
  return instance;
}
