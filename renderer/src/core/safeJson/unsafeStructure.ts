/**
 * The walk over a parsed untrusted value: keys that could reach a prototype, and nesting deeper
 * than any of our formats, found without recursion and without copying a path per value.
 */
import { DEFAULT_MAX_DEPTH, type WorkCounter } from './budgets';
import { problemLine, type ProblemLine } from '../common/problemLine';
import { ProblemList, problemPath } from './ProblemList';

/** Keys refused anywhere in untrusted JSON: each can reach an object's prototype when copied. */
export const FORBIDDEN_JSON_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Lists forbidden keys and over-deep nesting as problem lines, at most 25 then a count. */
export function findUnsafeStructure(value: unknown, maxDepth = DEFAULT_MAX_DEPTH): ProblemLine[] {
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
    problems.add(problemLine(undefined, 'problems:json.tooDeep', { limit: maxDepth }));
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
        problems.add(() =>
          problemLine(pathOf(frame, forbidden), 'problems:json.forbiddenKey', { key: forbidden }),
        );
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
      problems.add(() =>
        problemLine(pathOf(frame, at), 'problems:json.tooDeep', { limit: maxDepth }),
      );
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
function pathOf(frame: WalkFrame, key: string | number): string | undefined {
  const path = [String(key)];
  for (let at: WalkFrame | null = frame; at?.parent; at = at.parent) path.push(String(at.key));
  return problemPath(path.reverse());
}
