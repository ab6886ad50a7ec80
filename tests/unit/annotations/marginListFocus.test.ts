// @vitest-environment jsdom
/**
 * The reader's margin list, rendered by React in jsdom, long enough to be drawn in part: the
 * annotation that holds focus keeps it when the list reorders (findings arriving put it in text
 * order), because the list follows focus by annotation id, not by place in the list. jsdom has no
 * layout engine, so the test supplies the sizes a browser would give: the scroll box 600 px tall
 * and each item 190 px. Everything else is the real code.
 */
import { act, createElement, type ComponentType, type Context } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AnchoredAnnotation } from '../../../renderer/src/core/annotations/anchoring/anchorAll';
import { annotationAt } from './anchoringTexts';

/**
 * The component, its host context and the browser edition's host, loaded at run time: tests/unit
 * is type-checked by tsconfig.node.json, which has no JSX and no DOM types (see
 * tests/unit/planner/dependencyPicker.test.ts). What the test uses of them is restated here.
 */
const UI = '../../../renderer/src/ui';
const { MarginList } = (await import(
  /* @vite-ignore */ `${UI}/annotations/reader/MarginList.tsx`
)) as {
  MarginList: ComponentType<{
    anchored: readonly AnchoredAnnotation[];
    onGo: (item: AnchoredAnnotation) => void;
    onEdit: (item: AnchoredAnnotation) => void;
    onDelete: (item: AnchoredAnnotation) => void;
  }>;
};
const { HostContext } = (await import(/* @vite-ignore */ `${UI}/common/HostContext.tsx`)) as {
  HostContext: Context<unknown>;
};
const HOST = '../../../renderer/src/host/browserHost.ts';
const { createBrowserHost } = (await import(/* @vite-ignore */ HOST)) as {
  createBrowserHost: () => unknown;
};

const COUNT = 400;
const TEXT = Array.from({ length: COUNT }, (_, n) => `Passage number ${n + 1} of the report.`).join(
  ' ',
);

/** One highlight per passage, each with its own quote, in text order. */
function highlights(): AnchoredAnnotation[] {
  let start = 0;
  return Array.from({ length: COUNT }, (_, n) => {
    const end = TEXT.indexOf('.', start) + 1;
    const annotation = annotationAt(n + 1, TEXT, start, end);
    const item = { annotation, start, end, method: 'position' as const, textChanged: false };
    start = end + 1;
    return item;
  });
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const isBox = (element: HTMLElement) => element.classList.contains('anno-scroll');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return isBox(this) ? 600 : 0;
    },
  });
  HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
    return DOMRect.fromRect({ width: 300, height: isBox(this) ? 600 : 190 });
  };
});
afterAll(() => {
  // Back to jsdom's own, inherited from Element.prototype.
  Reflect.deleteProperty(HTMLElement.prototype, 'clientHeight');
  Reflect.deleteProperty(HTMLElement.prototype, 'getBoundingClientRect');
});

let mounted: { root: Root; container: HTMLElement } | null = null;
afterEach(() => {
  act(() => mounted?.root.unmount());
  mounted?.container.remove();
  mounted = null;
});

function renderList(anchored: readonly AnchoredAnnotation[]) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  mounted = { root, container };
  // Notes open their links through the host; the browser edition's is the real one here.
  const host = createBrowserHost();
  const show = (items: readonly AnchoredAnnotation[]) =>
    act(() =>
      root.render(
        createElement(
          HostContext.Provider,
          { value: host },
          createElement(MarginList, { anchored: items, onGo, onEdit, onDelete }),
        ),
      ),
    );
  show(anchored);
  return { container, show };
}

function onGo() {}
function onEdit() {}
function onDelete() {}

/** The quote and list place of the item that holds focus. */
function focusedItem(): { quote: string | null; index: string | null } {
  const item = document.activeElement?.closest('li[data-index]');
  return {
    quote: item?.querySelector('.anno-quote')?.textContent ?? null,
    index: item?.getAttribute('data-index') ?? null,
  };
}

describe('the margin list, drawn in part', () => {
  it('keeps focus on the same annotation when the list reorders', () => {
    const anchored = highlights();
    const { container, show } = renderList(anchored);
    const drawn = () => container.querySelectorAll('li[data-index]').length;
    expect(drawn()).toBeGreaterThan(0);
    expect(drawn()).toBeLessThan(40);

    const third = container.querySelector('li[data-index="2"]');
    const quote = third?.querySelector('.anno-quote')?.textContent ?? '';
    expect(quote).toContain('Passage number 3 ');
    act(() =>
      [...(third?.querySelectorAll('button') ?? [])]
        .find((button) => button.textContent === 'Edit')
        ?.focus(),
    );
    expect(focusedItem()).toEqual({ quote, index: '2' });

    // New findings put the list in another order: the focused annotation moves far down, and
    // another one takes its place.
    show([...anchored].reverse());

    expect(focusedItem()).toEqual({ quote, index: String(COUNT - 3) });
    expect(document.activeElement?.textContent).toBe('Edit');
    expect(drawn()).toBeLessThan(40);
  });
});
