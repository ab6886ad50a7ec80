// @vitest-environment jsdom
/**
 * The library's document drop-down, shared by the planner's linked documents and a workshop
 * block's documents, rendered by React in jsdom: named by its label, grouped by type in the
 * order asked, without what is already chosen, and reporting the id of the document chosen.
 */
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocId } from '../../../renderer/src/core/content/ids';
import type { CatalogEntry } from '../../../renderer/src/core/content/model';
import type { DocType } from '../../../renderer/src/core/content/types';
import {
  DocumentSelect,
  type DocumentSelectProps,
} from '../../../renderer/src/ui/common/DocumentSelect';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let mounted: { root: Root; container: HTMLElement } | null = null;
afterEach(() => {
  act(() => mounted?.root.unmount());
  mounted?.container.remove();
  mounted = null;
});

const entry = (id: string, type: DocType, title: string): CatalogEntry => ({
  id: id as DocId,
  type,
  title,
  summary: '',
  topics: [],
  updated: '2026-01-01',
});

const ENTRIES = [
  entry('case-study-a', 'case-study', 'Case A'),
  entry('recommendation-1', 'recommendation', 'Recommendation one'),
  entry('case-study-b', 'case-study', 'Case B'),
  entry('glossary-x', 'glossary', 'Term X'),
  entry('workshop-w', 'workshop', 'Workshop W'),
];

/** Renders the select with its value kept in state, as the callers do; reports each change. */
function render(props: Partial<DocumentSelectProps> = {}) {
  const changes: string[] = [];
  function Harness() {
    const [value, setValue] = useState('');
    return (
      <DocumentSelect
        id="pick"
        label="Link a document"
        entries={ENTRIES}
        types={['recommendation', 'case-study']}
        chosen={[]}
        value={value}
        onChange={(next) => {
          changes.push(next);
          setValue(next);
        }}
        {...props}
      />
    );
  }
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(<Harness />));
  mounted = { root, container };
  const select = container.querySelector('select');
  if (!select) throw new Error('no select drawn');
  return { container, select, changes };
}

/** Each group's label with the titles it offers. */
const groups = (select: HTMLSelectElement) =>
  [...select.querySelectorAll('optgroup')].map((group) => [
    group.label,
    [...group.querySelectorAll('option')].map((option) => option.textContent),
  ]);

describe('DocumentSelect', () => {
  it('is named by its label and starts with nothing chosen', () => {
    const { container, select } = render();
    expect(container.querySelector(`label[for="${select.id}"]`)?.textContent).toBe(
      'Link a document',
    );
    expect(select.className).toBe('ontario-input');
    expect(select.value).toBe('');
    expect(select.options[0]?.textContent).toBe('Choose a document…');
  });

  it('offers the asked types only, in the order asked, under their plural names', () => {
    const { select } = render();
    expect(groups(select)).toEqual([
      ['Recommendations', ['Recommendation one']],
      ['Case studies', ['Case A', 'Case B']],
    ]);
  });

  it('leaves out the documents already chosen', () => {
    const { select } = render({ chosen: ['case-study-a' as DocId] });
    expect(groups(select)[1]).toEqual(['Case studies', ['Case B']]);
  });

  it('reports the id of the document chosen', () => {
    const { select, changes } = render();
    act(() => {
      select.value = 'case-study-b';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(changes).toEqual(['case-study-b']);
    expect(select.value).toBe('case-study-b');
  });

  it('takes extra classes and can be disabled', () => {
    const { select } = render({ className: 'ws-select', disabled: true });
    expect(select.className).toBe('ontario-input ws-select');
    expect(select.disabled).toBe(true);
  });
});
