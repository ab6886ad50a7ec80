/** A wait that ended: with a value, or not (`reason`: 'timed out', or what the work failed with). */
export type Bounded<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Waits for `work` at most `limitMs`. Never throws: a rejection or the limit becomes
 * `{ ok: false }`, so one frozen or crashed page cannot hang or abort the whole benchmark.
 * The work itself is not cancelled; the caller closes the browser it runs in.
 */
export async function within<T>(limitMs: number, work: Promise<T>): Promise<Bounded<T>> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<Bounded<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'timed out' }), limitMs);
  });
  try {
    return await Promise.race([
      work.then(
        (value): Bounded<T> => ({ ok: true, value }),
        (error: unknown): Bounded<T> => ({
          ok: false,
          reason:
            error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error),
        }),
      ),
      limit,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
