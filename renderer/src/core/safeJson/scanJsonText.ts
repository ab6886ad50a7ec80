/**
 * The pre-parse structure scan: one pass over untrusted JSON text, before `JSON.parse` allocates
 * anything, that refuses shapes costing far more memory than their size and notices a file that
 * was cut short.
 */
import { problemLine, type ProblemLine } from '../common/problemLine';

export interface ScanLimits {
  maxDepth: number;
  maxContainers: number;
  maxDistinctKeys: number;
}

export interface TextShape {
  /** The first limit passed, as a problem line about the file; null when within every limit. */
  refusal: ProblemLine | null;
  /** The text stops inside a string, object or array (meaningful only when it is not JSON). */
  truncated: boolean;
}

/**
 * Counts nesting depth, objects and arrays, and different field names, without allocating per
 * value. Works on invalid JSON too (it only counts), so the parser still gives the syntax error.
 */
export function scanJsonText(text: string, limits: ScanLimits): TextShape {
  // For each open container: true for an object. At most maxDepth + 1 entries.
  const isObject: boolean[] = [];
  const keys = new Set<string>();
  const countKeys = Number.isFinite(limits.maxDistinctKeys);
  let containers = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x22 /* " */) {
      const end = endOfString(text, i);
      // Only field names build hidden classes; values are not collected.
      if (expectKey && countKeys) {
        keys.add(text.slice(i + 1, end));
        if (keys.size > limits.maxDistinctKeys) {
          return refusedAt(text, i, 'problems:json.tooManyKeys', limits.maxDistinctKeys);
        }
      }
      expectKey = false;
      if (end >= text.length) return { refusal: null, truncated: true };
      i = end;
    } else if (unit === 0x7b /* { */ || unit === 0x5b /* [ */) {
      containers++;
      isObject.push(unit === 0x7b);
      expectKey = unit === 0x7b;
      if (isObject.length > limits.maxDepth) {
        return refusedAt(text, i, 'problems:json.tooDeepAt', limits.maxDepth);
      }
      if (containers > limits.maxContainers) {
        return refusedAt(text, i, 'problems:json.tooManyContainers', limits.maxContainers);
      }
    } else if (unit === 0x7d /* } */ || unit === 0x5d /* ] */) {
      isObject.pop();
      expectKey = false;
    } else if (unit === 0x2c /* , */) {
      expectKey = isObject[isObject.length - 1] === true;
    }
  }
  return { refusal: null, truncated: isObject.length > 0 };
}

/** True when the text stops inside a string, object or array: the file was cut short. */
export function looksTruncated(text: string): boolean {
  return scanJsonText(text, {
    maxDepth: Infinity,
    maxContainers: Infinity,
    maxDistinctKeys: Infinity,
  }).truncated;
}

/** 1-based line and column of `offset`, counted without copying the text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The index of the quote that closes the string opened at `start`, or `text.length`. Jumps from
 * quote to quote with `indexOf` (a 20 MB string is skipped at native speed); a quote preceded by
 * an odd run of backslashes is escaped. Each backslash is counted once, so this stays linear.
 */
function endOfString(text: string, start: number): number {
  for (let from = start + 1; ;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length;
    let slashes = 0;
    while (text.charCodeAt(quote - 1 - slashes) === 0x5c /* \ */) slashes++;
    if (slashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

/** The refusal `key` (a limit passed at `offset`), with the limit and where it was passed. */
function refusedAt(text: string, offset: number, key: string, limit: number): TextShape {
  const { line, column } = lineAndColumn(text, offset);
  return { refusal: problemLine(undefined, key, { limit, line, column }), truncated: false };
}
