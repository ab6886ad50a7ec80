/**
 * A tiny element builder for the participant page. Text goes in only as textContent (never
 * innerHTML), so what participants type is always shown as text, whatever it contains.
 */

type Attributes = Record<string, string | number | boolean | undefined>;

/** An element with attributes (`false`/undefined leave one out) and text or child nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** Replaces an element's content with the given nodes. */
export function replaceChildren(parent: Element, ...children: Array<Node | string>): void {
  parent.replaceChildren(...children);
}

let nextId = 0;

/** A page-unique id for label/description links. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
