/**
 * Parsing JSON that came from another person (an imported file, a pasted backup): the one
 * bounded reader every importer goes through. `JSON.parse` alone accepts things we must refuse
 * before any schema sees them: a file far too large to handle, keys such as `__proto__` that turn
 * into prototype pollution as soon as some code spreads or merges the object, nesting deep enough
 * to overflow a recursive walker, and shapes that cost the engine far more memory than their size
 * (millions of tiny objects, millions of different field names). Every refusal is one line
 * `path: message` that a user can act on; `(file)` names the file as a whole.
 *
 * Budgets, so that a crafted 20 MB file costs time and memory in proportion to its size: the text
 * is scanned once before parsing (no allocation), the parsed value is walked without copying a
 * path per value, and problems stop being collected once enough are known (`ProblemList`).
 */

/** Keys refused anywhere in untrusted JSON: each can reach an object's prototype when copied. */
export const FORBIDDEN_JSON_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Deeper nesting than any of our formats needs; refusing it keeps walkers off the stack limit. */
export const DEFAULT_MAX_DEPTH = 64;

/**
 * Most objects and lists in one file. Our largest legitimate files hold about 500,000 (50,000
 * annotations); a million empty objects already take 70 MB once parsed, and the 7 million that
 * fit in 20 MB would take 470 MB and seconds.
 */
export const DEFAULT_MAX_CONTAINERS = 1_000_000;

/**
 * Most different field names in one file. Our formats use fewer than a hundred; the engine builds
 * a hidden class per new name, so 2 million of them (20 MB) would take 1.4 GB to parse.
 */
export const DEFAULT_MAX_DISTINCT_KEYS = 10_000;

/** Most problems listed for one file; the rest are counted ("and N more problems"). */
export const MAX_LISTED_PROBLEMS = 25;

/** Checks stop once this many problems are known: a broken file has said enough by then. */
export const MAX_COUNTED_PROBLEMS = 10_000;

/** Longest problem line: values quoted from a crafted file can be megabytes long. */
export const MAX_PROBLEM_LENGTH = 500;

/** One mebibyte, the unit used in size messages. */
const MB = 1024 * 1024;

export interface UntrustedJsonOptions {
  /** Files larger than this (in UTF-8 bytes) are refused before parsing. */
  maxBytes: number;
  /** Objects and arrays nested deeper than this are refused. Defaults to `DEFAULT_MAX_DEPTH`. */
  maxDepth?: number;
  /** At most this many problems are listed (the rest are counted). Defaults to 25. */
  maxErrors?: number;
  /** Most objects and arrays in the file. Defaults to `DEFAULT_MAX_CONTAINERS`. */
  maxContainers?: number;
  /** Most different field names in the file. Defaults to `DEFAULT_MAX_DISTINCT_KEYS`. */
  maxDistinctKeys?: number;
}

/** Why a file was refused, so each importer can say it in its own words. */
export type UntrustedJsonRefusal =
  | 'empty'
  | 'too-large'
  | 'not-json'
  /** Nested too deeply, or far more objects or field names than any file of ours. */
  | 'too-complex'
  /** `__proto__`, `constructor` or `prototype` keys. */
  | 'forbidden-keys';

export type UntrustedJsonResult =
  | { ok: true; value: unknown }
  /** `errors` holds at least one `path: message` line. */
  | { ok: false; reason: UntrustedJsonRefusal; errors: string[] };

/** Counts units of work (values visited, graph steps), so tests can prove a bound without a clock. */
export interface WorkCounter {
  steps: number;
}

/**
 * Problems found in a file, kept bounded whatever the file holds: the first `maxListed` are kept
 * (each cut to `MAX_PROBLEM_LENGTH`), the rest only counted, and `full` tells checks to stop once
 * `maxCounted` are known. `lines()` ends with "(file): and N more problems".
 */
export class ProblemList {
  private readonly listed: string[] = [];
  private counted = 0;

  constructor(
    readonly maxListed: number = MAX_LISTED_PROBLEMS,
    readonly maxCounted: number = MAX_COUNTED_PROBLEMS,
  ) {}

  /**
   * Counts a problem, and keeps it while fewer than `maxListed` are kept. Pass a function to
   * build the line only when it is kept (paths are built from parent links on demand).
   */
  add(problem: string | (() => string)): void {
    this.counted++;
    if (this.listed.length < this.maxListed) {
      this.listed.push(shortened(typeof problem === 'string' ? problem : problem()));
    }
  }

  /** Counts problems that are not worth listing one by one (more of a kind already shown). */
  addUnlisted(count: number): void {
    this.counted += count;
  }

  /** Every problem counted, listed or not. */
  get size(): number {
    return this.counted;
  }

  /** True once enough problems are known: checks stop, and the count becomes "at least". */
  get full(): boolean {
    return this.counted >= this.maxCounted;
  }

  /** The kept problems, then a line saying how many more there are (if any). */
  lines(): string[] {
    const more = this.counted - this.listed.length;
    return more > 0 ? [...this.listed, moreProblemsLine(more, this.full)] : [...this.listed];
  }
}

/**
 * Parses untrusted JSON text after checking it is not over `maxBytes` and not empty, and after
 * one scan of the text that refuses excessive nesting, objects and field names; then refuses
 * forbidden keys anywhere in the value. Never throws.
 */
export function parseUntrustedJson(
  text: string,
  options: UntrustedJsonOptions,
): UntrustedJsonResult {
  if (utf8ByteLength(text, options.maxBytes) > options.maxBytes) {
    return refuse(
      'too-large',
      `(file): the file is larger than ${formatMegabytes(options.maxBytes)}, the most that can be imported`,
    );
  }
  if (text.trim() === '') return refuse('empty', '(file): the file is empty');
  const body = stripByteOrderMark(text);
  const shape = scanJsonText(body, {
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    maxContainers: options.maxContainers ?? DEFAULT_MAX_CONTAINERS,
    maxDistinctKeys: options.maxDistinctKeys ?? DEFAULT_MAX_DISTINCT_KEYS,
  });
  if (shape.refusal !== null) return refuse('too-complex', shape.refusal);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return refuse('not-json', describeSyntaxError(body, error, shape.truncated));
  }
  const problems = new ProblemList(options.maxErrors ?? MAX_LISTED_PROBLEMS);
  collectUnsafeStructure(value, options.maxDepth ?? DEFAULT_MAX_DEPTH, problems);
  if (problems.size > 0) return { ok: false, reason: 'forbidden-keys', errors: problems.lines() };
  return { ok: true, value };
}

/**
 * The size of `text` encoded as UTF-8. ASCII is counted by length and only runs of other
 * characters are walked; counting stops once `stopAbove` is passed, so that a gigantic string is
 * not walked to the end just to be refused.
 */
export function utf8ByteLength(text: string, stopAbove = Infinity): number {
  let bytes = text.length; // one byte per UTF-16 unit so far; runs of non-ASCII add the rest
  if (bytes > stopAbove) return bytes;
  // Runs of anything but tab, line breaks and printable ASCII (a lint rule bars control codes).
  const nonAscii = /[^\t\n\r -~]+/g;
  for (let run = nonAscii.exec(text); run !== null; run = nonAscii.exec(text)) {
    const units = run[0];
    for (let i = 0; i < units.length; i++) {
      const unit = units.charCodeAt(i);
      if (unit < 0x80) continue; // a control character: one byte, already counted
      if (unit < 0x800) bytes += 1;
      else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(units.charCodeAt(i + 1))) {
        bytes += 2; // a surrogate pair: two units, one code point of four bytes
        i++;
      } else bytes += 2; // other BMP characters; a lone surrogate becomes U+FFFD (three bytes)
    }
    if (bytes > stopAbove) return bytes;
  }
  return bytes;
}

interface ScanLimits {
  maxDepth: number;
  maxContainers: number;
  maxDistinctKeys: number;
}

interface TextShape {
  /** The first limit passed, as a `(file): ...` line; null when within every limit. */
  refusal: string | null;
  /** The text stops inside a string, object or array (meaningful only when it is not JSON). */
  truncated: boolean;
}

/**
 * One pass over the text, before `JSON.parse` allocates anything: nesting depth, number of
 * objects and arrays, and different field names. Works on invalid JSON too (it only counts), so
 * the parser still gives the syntax error.
 */
function scanJsonText(text: string, limits: ScanLimits): TextShape {
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
          return refusedAt(
            text,
            i,
            `uses more than ${formatCount(limits.maxDistinctKeys)} different field names, far more than any OnMuni Toolkit file`,
          );
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
        return refusedAt(text, i, `nested more than ${limits.maxDepth} levels deep`);
      }
      if (containers > limits.maxContainers) {
        return refusedAt(
          text,
          i,
          `holds more than ${formatCount(limits.maxContainers)} objects and lists, far more than any OnMuni Toolkit file`,
        );
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

function refusedAt(text: string, offset: number, message: string): TextShape {
  const { line, column } = lineAndColumn(text, offset);
  return { refusal: `(file): ${message} (line ${line}, column ${column})`, truncated: false };
}

/** Lists forbidden keys and over-deep nesting as `path: message`, at most 25 then a count. */
export function findUnsafeStructure(value: unknown, maxDepth = DEFAULT_MAX_DEPTH): string[] {
  const problems = new ProblemList();
  collectUnsafeStructure(value, maxDepth, problems);
  return problems.lines();
}

/** An object or array being walked; `parent` links replace a copied path per value. */
interface WalkFrame {
  parent: WalkFrame | null;
  /** The key or index under which `parent` holds this container. */
  key: string | number;
  container: Record<string, unknown> | unknown[];
  /** The object's own keys; null for an array. */
  keys: string[] | null;
  next: number;
  depth: number;
}

/**
 * Adds forbidden keys and over-deep nesting to `problems`, in document order, without recursion.
 * Memory is the chain of open containers (at most `maxDepth`) and one key list per open object;
 * a path string is built only for a problem that is listed, and the values of an array are
 * skipped in a tight loop until the next object or array. Stops once `problems` is full.
 * `work.steps` counts the values visited.
 */
export function collectUnsafeStructure(
  value: unknown,
  maxDepth: number,
  problems: ProblemList,
  work: WorkCounter = { steps: 0 },
): void {
  if (!isContainer(value)) return;
  if (maxDepth <= 0) {
    problems.add(`(file): nested more than ${maxDepth} levels deep`);
    return;
  }
  const stack: WalkFrame[] = [frameOf(value, null, '', 0)];
  while (stack.length > 0 && !problems.full) {
    const frame = stack[stack.length - 1] as WalkFrame;
    let key: string | number;
    let child: unknown;
    if (frame.keys) {
      if (frame.next >= frame.keys.length) {
        stack.pop();
        continue;
      }
      key = frame.keys[frame.next++] as string;
      work.steps++;
      if (FORBIDDEN_JSON_KEYS.has(key)) {
        const forbidden = key;
        problems.add(() => `${pathOf(frame, forbidden)}: the key "${forbidden}" is not allowed`);
        continue;
      }
      child = (frame.container as Record<string, unknown>)[key];
    } else {
      const list = frame.container as unknown[];
      const from = frame.next;
      while (frame.next < list.length && !isContainer(list[frame.next])) frame.next++;
      work.steps += frame.next - from;
      if (frame.next >= list.length) {
        stack.pop();
        continue;
      }
      key = frame.next;
      child = list[frame.next++];
      work.steps++;
    }
    if (!isContainer(child)) continue;
    if (frame.depth + 1 >= maxDepth) {
      const at = key;
      problems.add(() => `${pathOf(frame, at)}: nested more than ${maxDepth} levels deep`);
      continue;
    }
    stack.push(frameOf(child, frame, key, frame.depth + 1));
  }
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function frameOf(
  container: Record<string, unknown> | unknown[],
  parent: WalkFrame | null,
  key: string | number,
  depth: number,
): WalkFrame {
  const keys = Array.isArray(container) ? null : Object.keys(container);
  return { parent, key, container, keys, next: 0, depth };
}

/** The path of `key` inside `frame`, such as `planner.tasks.3.__proto__`. */
function pathOf(frame: WalkFrame, key: string | number): string {
  const path = [String(key)];
  for (let at: WalkFrame | null = frame; at?.parent; at = at.parent) path.push(String(at.key));
  return showPath(path.reverse());
}

/** True when the text stops inside a string, object or array: the file was cut short. */
export function looksTruncated(text: string): boolean {
  return scanJsonText(text, {
    maxDepth: Infinity,
    maxContainers: Infinity,
    maxDistinctKeys: Infinity,
  }).truncated;
}

function describeSyntaxError(text: string, error: unknown, truncated: boolean): string {
  if (truncated) {
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

/** 1-based line and column of `offset`, counted without copying the text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
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

/** Cuts a line to `MAX_PROBLEM_LENGTH` characters, never inside a surrogate pair. */
export function shortened(line: string): string {
  if (line.length <= MAX_PROBLEM_LENGTH) return line;
  let end = MAX_PROBLEM_LENGTH - 1;
  if (isLowSurrogate(line.charCodeAt(end))) end--;
  return `${line.slice(0, end)}…`;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}

/** 1000000 as "1,000,000". */
function formatCount(count: number): string {
  return count.toLocaleString('en-CA');
}

function moreProblemsLine(more: number, stopped: boolean): string {
  return stopped
    ? `(file): and at least ${formatCount(more)} more problems (checking stopped there)`
    : `(file): and ${formatCount(more)} more problems`;
}

function refuse(reason: UntrustedJsonRefusal, error: string): UntrustedJsonResult {
  return { ok: false, reason, errors: [error] };
}

/** Keeps the first `max` problems and says how many more there were. */
export function capErrors(errors: readonly string[], max: number): string[] {
  if (errors.length <= max) return [...errors];
  return [...errors.slice(0, max), moreProblemsLine(errors.length - max, false)];
}
