/**
 * Parsing JSON that came from another person (an imported file, a pasted backup): the one
 * bounded reader every importer goes through. `JSON.parse` alone accepts things we must refuse
 * before any schema sees them: a file far too large to handle, keys such as `__proto__` that turn
 * into prototype pollution as soon as some code spreads or merges the object, nesting deep enough
 * to overflow a recursive walker, and shapes that cost the engine far more memory than their size
 * (millions of tiny objects, millions of different field names). Every refusal is a problem line
 * (`path: message`, worded by the UI) that a user can act on.
 *
 * The steps live beside this file, each within a budget (`budgets.ts`): the text is scanned once
 * before parsing, without allocating (`scanJsonText.ts`); the parsed value is walked without
 * copying a path per value (`unsafeStructure.ts`); problems stop being collected once enough are
 * known (`ProblemList.ts`).
 */
import { formatByteSize } from '../../../../electron/shared/byteSize';
import {
  DEFAULT_MAX_CONTAINERS,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_DISTINCT_KEYS,
  MAX_LISTED_PROBLEMS,
} from './budgets';
import { problemLine, type ProblemLine } from '../common/problemLine';
import { ProblemList } from './ProblemList';
import { lineAndColumn, scanJsonText } from './scanJsonText';
import { collectUnsafeStructure } from './unsafeStructure';
import { utf8ByteLength } from './utf8ByteLength';
import { messageOf } from '../common/errorMessage';

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
  /** `errors` holds at least one problem line. */
  | { ok: false; reason: UntrustedJsonRefusal; errors: ProblemLine[] };

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
    return refuse('too-large', fileTooLargeProblem(options.maxBytes));
  }
  if (text.trim() === '') return refuse('empty', problemLine(undefined, 'problems:json.empty'));
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
 * The line for a file over `maxBytes`. Exported so that a file refused by its size before it is
 * read (an import panel checks `File.size` first) reads the same as one refused here.
 */
export function fileTooLargeProblem(maxBytes: number): ProblemLine {
  return problemLine(undefined, 'problems:json.tooLarge', {
    limit: formatByteSize(maxBytes, 'limit'),
  });
}

function describeSyntaxError(text: string, error: unknown, truncated: boolean): ProblemLine {
  if (truncated) return problemLine(undefined, 'problems:json.cutShort');
  const message = messageOf(error);
  const position = /position (\d+)/.exec(message);
  if (position?.[1] !== undefined) {
    const { line, column } = lineAndColumn(text, Number(position[1]));
    return problemLine(undefined, 'problems:json.notJsonAt', { line, column });
  }
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    return problemLine(undefined, 'problems:json.notJsonAt', {
      line: Number(lineColumn[1]),
      column: Number(lineColumn[2]),
    });
  }
  // Engines word this differently; theirs is the best description left (shown as plain text).
  return problemLine(undefined, 'problems:json.notJson', { reason: message.slice(0, 160) });
}

/** Some editors save UTF-8 with a byte-order mark, which `JSON.parse` refuses. */
function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function refuse(reason: UntrustedJsonRefusal, error: ProblemLine): UntrustedJsonResult {
  return { ok: false, reason, errors: [error] };
}
