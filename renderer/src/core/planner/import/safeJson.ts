/** Keys refused anywhere in an imported file: they are how prototype pollution gets in. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Deepest nesting accepted; a planner backup needs 5 levels, so 64 only stops abuse. */
export const MAX_DEPTH = 64;

/** Length of a string in UTF-8 bytes, without allocating an encoded copy. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Lists forbidden keys and over-deep nesting in a parsed JSON value, as `path: message` lines.
 * `JSON.parse` itself is safe (it makes `__proto__` an ordinary own key), but any later spread or
 * merge of such an object could change prototypes, so files carrying these keys are refused.
 * Iterative, so a hostile file cannot overflow the stack.
 */
export function findUnsafeKeys(value: unknown, limit = 20): string[] {
  const problems: string[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0 && problems.length < limit) {
    const {
      value: node,
      path,
      depth,
    } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_DEPTH) {
      problems.push(`${path || '(file)'}: nested more than ${MAX_DEPTH} levels deep`);
      continue;
    }
    const entries = Array.isArray(node)
      ? node.map((v: unknown, i) => [String(i), v] as const)
      : Object.entries(node);
    // Pushed last to first so problems come out in document order.
    for (const [key, child] of [...entries].reverse()) {
      const childPath = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.includes(key)) {
        problems.push(`${childPath}: the key "${key}" is not allowed in a planner file`);
        continue;
      }
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return problems;
}
