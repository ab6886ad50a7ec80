/**
 * Byte sizes as every message words them: in the desktop's refusals, the browser edition's, the
 * importers' and the build scripts'. Here, not in core/, because the IPC contract's messages need
 * it too and electron/shared imports nothing above it.
 *
 * Binary units, as every limit in the toolkit is defined (20 MB is 20 × 1,024 × 1,024 bytes),
 * labelled the way people know them: bytes, KB, MB, GB.
 */

/** 1,024 bytes, written "KB". */
export const KIB = 1024;
/** 1,024 KB, written "MB". */
export const MIB = 1024 * KIB;
/** 1,024 MB, written "GB". */
export const GIB = 1024 * MIB;

const UNITS = [
  [GIB, 'GB'],
  [MIB, 'MB'],
  [KIB, 'KB'],
] as const;

/**
 * What a size is: a `limit` (or a capacity) is written with no more digits than it has, "20 MB",
 * "512 KB", "1.5 MB", in the largest unit that writes it exactly (a limit of 1,000 bytes is not
 * "1 KB"); a `measured` size is rounded to one decimal and always shows it, "21.0 MB", so a file
 * just over a limit reads "20.0 MB" beside "20 MB" rather than the same words.
 */
export type ByteSizeKind = 'limit' | 'measured';

/** The least value of a unit that rounds to 1.0 of it: 1,023.96 KB is "1.0 MB", not "1,024.0 KB". */
const ROUNDS_TO_ONE = 1 - 0.05 / 1024;

/**
 * `bytes` in words: "20 MB", "21.0 MB", "1 GB", "900 bytes" (see `ByteSizeKind`). `locale` is the
 * `Intl` locale the number is written in: the renderer passes its interface language's
 * (`currentLocale()`); main, the preload and build scripts speak Canadian English.
 */
export function formatByteSize(bytes: number, kind: ByteSizeKind, locale = 'en-CA'): string {
  for (const [size, label] of UNITS) {
    const value = bytes / size;
    if (kind === 'limit' ? value >= 1 && Number.isInteger(value * 10) : value >= ROUNDS_TO_ONE) {
      return `${decimal(value, kind === 'limit' ? 0 : 1, locale)} ${label}`;
    }
  }
  const count = Math.round(bytes);
  return `${decimal(count, 0, locale)} ${count === 1 ? 'byte' : 'bytes'}`;
}

/** At least `minimumDecimals`, at most one, grouped by thousands as `locale` writes them. */
function decimal(value: number, minimumDecimals: 0 | 1, locale: string): string {
  return value.toLocaleString(locale, {
    minimumFractionDigits: minimumDecimals,
    maximumFractionDigits: 1,
  });
}
