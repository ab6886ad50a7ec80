import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/**
 * Finds the line of a field in a parsed YAML document: the line of the value when it is a
 * scalar or a list item, else the line of its key. A path that does not exist (a missing field)
 * resolves to the deepest part that does, or to `fallbackLine`.
 */
export function locateYamlPath(
  doc: Document,
  lineCounter: LineCounter,
  path: ReadonlyArray<PropertyKey>,
  fallbackLine: number,
): number {
  let node: unknown = doc.contents;
  let line = fallbackLine;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(part),
      );
      if (!pair) return line;
      line = lineOf(pair.key as Node, lineCounter) ?? line;
      node = pair.value;
      if (isScalar(node)) line = lineOf(node, lineCounter) ?? line;
    } else if (isSeq(node) && typeof part === 'number') {
      const item: unknown = node.items[part];
      if (item === undefined) return line;
      line = lineOf(item as Node, lineCounter) ?? line;
      node = item;
    } else {
      return line;
    }
  }
  return line;
}

function lineOf(node: Node | null | undefined, lineCounter: LineCounter): number | undefined {
  const start = node?.range?.[0];
  return start === undefined ? undefined : lineCounter.linePos(start).line;
}
