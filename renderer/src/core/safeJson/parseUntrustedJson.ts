/**
 * Parsing JSON that came from another person (an imported file, a pasted backup). `JSON.parse`
 * alone accepts things we must refuse before any schema sees them: a file far too large to handle,
 * keys such as `__proto__` that turn into prototype pollution as soon as some code spreads or
 * merges the object, and nesting deep enough to overflow a recursive walker. Every refusal is one
 * line `path: message` that a user can act on; `(file)` names the file as a whole.
 */

/** Keys refused anywhere in untrusted JSON: each can reach an object's prototype when copied. */
export const FORBIDDEN_JSON_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Deeper nesting than any of our formats needs; refusing it keeps walkers off the stack limit. */
export const DEFAULT_MAX_DEPTH = 64;

/** One mebibyte, the unit used in size messages. */
const MB = 1024 * 1024;

export interface UntrustedJsonOptions {
  /** Files larger than this (in UTF-8 bytes) are refused before parsing. */
  maxBytes: number;
  /** Objects and arrays nested deeper than this are refused. Defaults to `DEFAULT_MAX_DEPTH`. */
  maxDepth?: number;
  /** At most this many problems are listed (the rest are counted). Defaults to 10. */
  maxErrors?: number;
}

export type UntrustedJsonResult =
  | { ok: true; value: unknown }
  /** `errors` holds at least one `path: message` line. */
  | { ok: false; errors: string[] };

/**
 * Parses untrusted JSON text after checking it is not empty and not over `maxBytes`, then
 * refuses forbidden keys and excessive nesting anywhere in the value. Never throws.
 */
export function parseUntrustedJson(
  text: string,
  options: UntrustedJsonOptions,
): UntrustedJsonResult {
  if (text.trim() === '') return refuse('(file): the file is empty');
  const bytes = utf8ByteLength(text, options.maxBytes);
  if (bytes > options.maxBytes) {
    return refuse(
      `(file): the file is larger than ${formatMegabytes(options.maxBytes)}, the most that can be imported`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(stripByteOrderMark(text));
  } catch (error) {
    return refuse(describeSyntaxError(text, error));
  }
  const errors = findUnsafeStructure(value, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  if (errors.length > 0) return { ok: false, errors: capErrors(errors, options.maxErrors ?? 10) };
  return { ok: true, value };
}

/**
 * The size of `text` encoded as UTF-8. Counting stops once `stopAbove` is passed, so that a
 * gigantic string is not walked to the end just to be refused.
 */
export function utf8ByteLength(text: string, stopAbove = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4; // a surrogate pair is one code point of four bytes
      i++;
    } else bytes += 3; // other BMP characters; a lone surrogate becomes U+FFFD (three bytes)
  }
  return bytes;
}

/** Lists forbidden keys and over-deep nesting as `path: message`, walking without recursion. */
export function findUnsafeStructure(value: unknown, maxDepth = DEFAULT_MAX_DEPTH): string[] {
  const errors: string[] = [];
  const stack: { value: unknown; path: string[]; depth: number }[] = [
    { value, path: [], depth: 0 },
  ];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= maxDepth) {
      errors.push(`${showPath(item.path)}: nested more than ${maxDepth} levels deep`);
      continue;
    }
    const entries: [string, unknown][] = Array.isArray(item.value)
      ? item.value.map((child, index) => [String(index), child])
      : Object.entries(item.value);
    // Pushed in reverse so that problems are reported in document order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string, unknown];
      const path = [...item.path, key];
      if (!Array.isArray(item.value) && FORBIDDEN_JSON_KEYS.has(key)) {
        errors.push(`${showPath(path)}: the key "${key}" is not allowed`);
        continue;
      }
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return errors;
}

/** True when the text stops inside a string, object or array: the file was cut short. */
export function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return inString || depth > 0;
}

function describeSyntaxError(text: string, error: unknown): string {
  if (looksTruncated(text)) {
    return '(file): the file ends too early, as if it was cut short; export it again or copy the whole file';
  }
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (position?.[1] !== undefined) {
    const { line, column } = lineAndColumn(text, Number(position[1]));
    return `(file): not valid JSON at line ${line}, column ${column}`;
  }
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `(file): not valid JSON at line ${lineColumn[1]}, column ${lineColumn[2]}`;
  // Engines word this differently; theirs is the best description left (shown as plain text).
  return `(file): not valid JSON (${message.slice(0, 160)})`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Some editors save UTF-8 with a byte-order mark, which `JSON.parse` refuses. */
function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Longest path shown in full; deeper ones are cut so the message stays readable. */
const MAX_SHOWN_PATH = 12;

function showPath(path: readonly string[]): string {
  if (path.length === 0) return '(file)';
  const shown = path.slice(0, MAX_SHOWN_PATH).join('.');
  return path.length > MAX_SHOWN_PATH ? `${shown}...` : shown;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}

function refuse(error: string): UntrustedJsonResult {
  return { ok: false, errors: [error] };
}

/** Keeps the first `max` problems and says how many more there were. */
export function capErrors(errors: readonly string[], max: number): string[] {
  if (errors.length <= max) return [...errors];
  return [...errors.slice(0, max), `(file): and ${errors.length - max} more problems`];
}
