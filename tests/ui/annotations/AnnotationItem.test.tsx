// @vitest-environment jsdom
/**
 * The one annotation item that the Annotations page, the reader's margin and its orphans share,
 * rendered by React in jsdom: what it shows, how its buttons are described by the quote, and how
 * it tells screen readers its place only when the list is drawn in part.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createAnnotation,
  emptyAnnotationsDatabase,
  type Annotation,
} from '../../../renderer/src/core/annotations';
import type { DocId } from '../../../renderer/src/core/content/ids';
import { HybridClock, randomMemberId } from '../../../renderer/src/core/team/hlc';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import {
  AnnotationItem,
  type AnnotationItemProps,
} from '../../../renderer/src/ui/annotations/AnnotationItem';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let mounted: { root: Root; container: HTMLElement } | null = null;
afterEach(() => {
  act(() => mounted?.root.unmount());
  mounted?.container.remove();
  mounted = null;
});

function render(node: ReactNode): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() =>
    root.render(<HostContext.Provider value={createBrowserHost()}>{node}</HostContext.Provider>),
  );
  mounted = { root, container };
  return container;
}

const TEXT = 'The council approved the records plan in spring.';

function annotation(): Annotation {
  return createAnnotation(emptyAnnotationsDatabase(), {
    docId: 'case-study-cobourg' as DocId,
    text: TEXT,
    start: 4,
    end: 39,
    meaning: 'important',
    note: 'Ask the clerk',
    tags: ['records', 'budget'],
    author: 'Ada Lovelace',
    clock: new HybridClock(randomMemberId()),
    now: new Date(Date.UTC(2026, 10, 26, 14, 0, 0)),
  }).annotation;
}

function renderItem(props: Partial<AnnotationItemProps> = {}): HTMLLIElement {
  const container = render(
    <ul>
      <AnnotationItem
        annotation={annotation()}
        meta={<span className="test-meta"> extra</span>}
        quote="council approved the records plan"
        quoteId="q1"
        when="26 Nov 2026"
        actions={[]}
        {...props}
      />
    </ul>,
  );
  const item = container.querySelector('li');
  if (!item) throw new Error('no list item drawn');
  return item;
}

const texts = (root: Element, selector: string) =>
  [...root.querySelectorAll(selector)].map((element) => element.textContent);

describe('AnnotationItem', () => {
  it('shows meaning and meta, the quote, note, tags, and author with the date', () => {
    const item = renderItem();
    expect(item.className).toBe('anno-item');
    expect(item.querySelector('.anno-item__meta')?.textContent).toBe('Important extra');
    expect(item.querySelector('blockquote.anno-quote')?.textContent).toBe(
      'council approved the records plan',
    );
    expect(item.querySelector('.anno-note')?.textContent).toBe('Ask the clerk');
    expect(texts(item, '.anno-tag')).toEqual(['records', 'budget']);
    expect(item.querySelector('.anno-item__by')?.textContent).toBe('Ada Lovelace, 26 Nov 2026');
  });

  it('leaves the tags out when asked, and adds the list class', () => {
    const item = renderItem({ showTags: false, className: 'anno-item--orphan' });
    expect(item.className).toBe('anno-item anno-item--orphan');
    expect(item.querySelector('.anno-tags')).toBeNull();
  });

  it('draws one button per action, each described by the quote, each calling its own action', () => {
    const clicked: string[] = [];
    const item = renderItem({
      quoteId: 'quote-7',
      actions: [
        { label: 'Edit', onClick: () => clicked.push('edit') },
        { label: 'Delete', onClick: () => clicked.push('delete') },
      ],
    });
    const buttons = [...item.querySelectorAll('button')];
    expect(buttons.map((button) => button.textContent)).toEqual(['Edit', 'Delete']);
    expect(item.querySelector('blockquote')?.id).toBe('quote-7');
    for (const button of buttons) {
      expect(button.type).toBe('button');
      expect(button.getAttribute('aria-describedby')).toBe('quote-7');
    }
    act(() => buttons[1]?.click());
    expect(clicked).toEqual(['delete']);
  });

  it('in a whole list, gives its index but leaves its place to the list', () => {
    const item = renderItem({ placement: { index: 4 } });
    expect(item.dataset.index).toBe('4');
    expect(item.hasAttribute('aria-posinset')).toBe(false);
    expect(item.hasAttribute('aria-setsize')).toBe(false);
  });

  it('in a list drawn in part, tells screen readers its place and the list length', () => {
    const item = renderItem({ placement: { index: 4, setSize: 3000 } });
    expect(item.getAttribute('aria-posinset')).toBe('5');
    expect(item.getAttribute('aria-setsize')).toBe('3000');
  });

  it('has no place attributes without a placement', () => {
    const item = renderItem();
    expect(item.hasAttribute('data-index')).toBe(false);
    expect(item.hasAttribute('aria-posinset')).toBe(false);
  });
});
