/**
 * Rendering React into jsdom and using it the way a person does: find controls by their role and
 * accessible name, type, choose, click and press keys, each inside `act` so React has finished
 * before the test looks. A small subset of Testing Library's queries (not a dependency of this
 * project): the names are computed for the markup these components use (labels, legends,
 * aria-labelledby, aria-label, text content without aria-hidden parts), not the whole ARIA spec.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: { root: Root; container: HTMLElement }[] = [];

/** Renders `node` into a fresh container in the document; `unmountAll` (in afterEach) clears it. */
export function render(node: ReactNode): { container: HTMLElement; root: Root } {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(node));
  mounted.push({ root, container });
  return { container, root };
}

/**
 * Renders `node` and lets the work its first effects start without a timer (loading a session or
 * the library catalog) finish inside `act`, so nothing changes the screen after the test looks.
 */
export async function renderSettled(
  node: ReactNode,
): Promise<{ container: HTMLElement; root: Root }> {
  const rendered = render(node);
  await act(nextTask);
  return rendered;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

export function unmountAll(): void {
  for (const { root, container } of mounted.splice(0)) {
    act(() => root.unmount());
    container.remove();
  }
  document.body.replaceChildren();
}

/** The implicit or explicit ARIA role of an element (the roles these components use). */
export function roleOf(element: Element): string | null {
  const explicit = element.getAttribute('role');
  if (explicit) return explicit;
  const tag = element.tagName.toLowerCase();
  if (/^h[1-6]$/.test(tag)) return 'heading';
  switch (tag) {
    case 'button':
      return 'button';
    case 'a':
      return element.hasAttribute('href') ? 'link' : null;
    case 'select':
      return 'combobox';
    case 'textarea':
      return 'textbox';
    case 'dialog':
      return 'dialog';
    case 'fieldset':
      return 'group';
    case 'ul':
    case 'ol':
      return 'list';
    case 'li':
      return 'listitem';
    case 'blockquote':
      return 'blockquote';
    case 'section':
      return accessibleName(element) === '' ? null : 'region';
    case 'input': {
      const type = (element as HTMLInputElement).type;
      if (type === 'checkbox' || type === 'radio') return type;
      if (type === 'search') return 'searchbox';
      return ['text', 'date', 'email', 'tel', 'url'].includes(type) ? 'textbox' : null;
    }
    default:
      return null;
  }
}

/** Text as a screen reader gets it: without aria-hidden parts, spaces collapsed. */
function readableText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true') return '';
  return [...node.childNodes].map(readableText).join('');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The accessible name, for the ways these components name things. */
export function accessibleName(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return squash(
      labelledBy
        .split(' ')
        .map((id) => {
          const label = document.getElementById(id);
          return label ? readableText(label) : '';
        })
        .join(' '),
    );
  }
  const label = element.getAttribute('aria-label');
  if (label) return squash(label);
  if ('labels' in element && element.labels instanceof NodeList && element.labels.length > 0) {
    return squash([...element.labels].map(readableText).join(' '));
  }
  if (element.tagName === 'FIELDSET') {
    const legend = element.querySelector(':scope > legend');
    return legend ? squash(readableText(legend)) : '';
  }
  if (['BUTTON', 'A', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6'].includes(element.tagName)) {
    return squash(readableText(element));
  }
  return '';
}

/** What a screen reader hears as the description: the aria-describedby texts, in order. */
export function accessibleDescription(element: Element): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return squash(ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
}

/** Hidden from everyone: aria-hidden, the hidden attribute, or a closed dialog around it. */
function isHidden(element: Element): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) {
    if (at.getAttribute('aria-hidden') === 'true' || at.hasAttribute('hidden')) return true;
    if (at.tagName === 'DIALOG' && !(at as HTMLDialogElement).open) return true;
  }
  return false;
}

type NameMatch = string | RegExp;
const matches = (name: string, wanted: NameMatch | undefined) =>
  wanted === undefined || (typeof wanted === 'string' ? name === wanted : wanted.test(name));

/** Every element under `root` with `role` (and the name, when given), in document order. */
export function queryAllByRole<E extends Element = HTMLElement>(
  root: ParentNode,
  role: string,
  options: { name?: NameMatch } = {},
): E[] {
  return [...root.querySelectorAll('*')].filter(
    (element): element is E =>
      roleOf(element) === role &&
      !isHidden(element) &&
      matches(accessibleName(element), options.name),
  );
}

/** The one element with `role` and name; throws, listing what there is, unless exactly one. */
export function getByRole<E extends Element = HTMLElement>(
  root: ParentNode,
  role: string,
  options: { name?: NameMatch } = {},
): E {
  const found = queryAllByRole<E>(root, role, options);
  if (found.length === 1) return found[0] as E;
  const present = queryAllByRole(root, role).map((element) => `“${accessibleName(element)}”`);
  throw new Error(
    `${found.length} ${role}s named ${String(options.name ?? '(any)')}; the ${role}s are: ${present.join(', ') || 'none'}`,
  );
}

/**
 * Does what a person does, inside `act`, then lets the work it started without a timer (a save to
 * in-memory storage) finish there too, so nothing changes the screen after the test has looked.
 */
export async function userAction(action: () => void): Promise<void> {
  await act(async () => {
    action();
    await nextTask();
  });
}

/** Types into a text field: sets the whole value as React's onChange sees it. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const prototype =
    field instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, 'value');
  return userAction(() => {
    field.focus();
    descriptor?.set?.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Chooses an option of a select by its value (which must be one of its options). */
export function chooseOption(select: HTMLSelectElement, value: string) {
  if (![...select.options].some((option) => option.value === value)) {
    throw new Error(`“${accessibleName(select)}” has no option ${JSON.stringify(value)}`);
  }
  return userAction(() => {
    select.focus();
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function click(element: HTMLElement) {
  return userAction(() => {
    element.focus();
    element.click();
  });
}

/** Presses a key on the focused element (or `target`): keydown, which is what the app handles. */
export function press(key: string, target: Element | null = document.activeElement) {
  if (!target) throw new Error('nothing has focus');
  return userAction(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

/** Leaves a field (blur), where forms that save as you type write what is pending. */
export function leave(field: HTMLElement) {
  return userAction(() => field.blur());
}

/** Waits for `work` (a save, say) inside `act`, so what it changes on screen is drawn. */
export async function settle(work: Promise<unknown>): Promise<void> {
  await act(async () => {
    await work;
  });
}
