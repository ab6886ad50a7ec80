import { z } from 'zod';
import { DOC_ID_PATTERN } from '../../core/content/ids';
import type { HostStorage } from '../../host/Host';

/** The stored document's name in host storage. */
export const READING_POSITIONS_KEY = 'reading-positions';

/** Only the most recently read documents are remembered, so the stored list stays small. */
export const MAX_REMEMBERED = 200;

/** Writes wait this long after the last scroll, so scrolling never means a write per frame. */
export const WRITE_DELAY_MS = 600;

const positionSchema = z.object({
  id: z.string().regex(DOC_ID_PATTERN),
  /** How far down the page the reader was: 0 at the top, 1 at the bottom. */
  fraction: z.number().min(0).max(1),
  /** When it was saved (ms since the epoch), to keep the most recent ones. */
  savedAt: z.number().int().nonnegative(),
});

const storedSchema = z.object({
  version: z.literal(1),
  positions: z.array(positionSchema),
});

type Position = z.infer<typeof positionSchema>;

/**
 * Where the reader stopped in each document, kept in host storage (`reading-positions`). The
 * stored text is parsed from `unknown` with a schema; anything unreadable is ignored (a lost
 * reading position is a small loss, and the app never fails to open a document over it).
 */
export class ReadingPositions {
  private positions: Map<string, Position> | null = null;
  private loading: Promise<Map<string, Position>> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly storage: HostStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /** The saved fraction for a document, or null if it has none. */
  async get(id: string): Promise<number | null> {
    const positions = await this.load();
    return positions.get(id)?.fraction ?? null;
  }

  /**
   * Remembers a position; the write happens once scrolling has paused. Resolves once the position
   * is in the list (not once it is written: see `flush`).
   */
  remember(id: string, fraction: number): Promise<void> {
    if (!Number.isFinite(fraction)) return Promise.resolve();
    return this.load().then((positions) => {
      const clamped = Math.min(1, Math.max(0, fraction));
      // Delete first so the Map's insertion order stays "least recently saved first".
      positions.delete(id);
      positions.set(id, { id, fraction: clamped, savedAt: this.now() });
      while (positions.size > MAX_REMEMBERED) {
        const oldest = positions.keys().next().value;
        if (oldest === undefined) break;
        positions.delete(oldest);
      }
      this.schedule();
    });
  }

  /** Writes any pending change now (on leaving the page or the document). */
  flush(): Promise<void> {
    if (this.timer === null) return this.writing;
    clearTimeout(this.timer);
    this.timer = null;
    return this.write();
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, WRITE_DELAY_MS);
  }

  private write(): Promise<void> {
    const positions = this.positions;
    if (positions === null) return this.writing;
    const text = JSON.stringify({ version: 1, positions: [...positions.values()] });
    // Writes are chained so an older list can never land after a newer one.
    this.writing = this.writing
      .then(() => this.storage.write(READING_POSITIONS_KEY, text))
      .catch((error: unknown) => {
        console.warn('Could not save the reading position:', error);
      });
    return this.writing;
  }

  private load(): Promise<Map<string, Position>> {
    if (this.positions) return Promise.resolve(this.positions);
    this.loading ??= this.storage
      .read(READING_POSITIONS_KEY)
      .then((result) => (result.status === 'ok' ? parsePositions(result.text) : []))
      .catch(() => [])
      .then((list) => {
        const sorted = [...list].sort((a, b) => a.savedAt - b.savedAt).slice(-MAX_REMEMBERED);
        this.positions = new Map(sorted.map((position) => [position.id, position]));
        return this.positions;
      });
    return this.loading;
  }
}

function parsePositions(text: string): Position[] {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text) as unknown);
    return parsed.success ? parsed.data.positions : [];
  } catch {
    return [];
  }
}

const instances = new WeakMap<HostStorage, ReadingPositions>();

/** The one reading-position list of a host's storage (shared by every open document). */
export function readingPositionsFor(storage: HostStorage): ReadingPositions {
  let instance = instances.get(storage);
  if (!instance) {
    instance = new ReadingPositions(storage);
    instances.set(storage, instance);
  }
  return instance;
}
