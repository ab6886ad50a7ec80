// @vitest-environment jsdom
/**
 * The labelled field family, rendered by React in jsdom: each control is named by its label,
 * described by its hint and error (and any ids of the caller's), and marked invalid only when
 * something is wrong with it; the date field reports whole dates and emptying, never half-typed
 * input.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../renderer/src/core/planner/dates';
import { DateField } from '../../../renderer/src/ui/common/fields/DateField';
import {
  errorOn,
  formErrorOf,
  type FormError,
} from '../../../renderer/src/ui/common/fields/formError';
import { SelectField } from '../../../renderer/src/ui/common/fields/SelectField';
import { TextAreaField } from '../../../renderer/src/ui/common/fields/TextAreaField';
import { TextField } from '../../../renderer/src/ui/common/fields/TextField';

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
  act(() => root.render(node));
  mounted = { root, container };
  return container;
}

/** The texts of the elements that describe `control`, in order. */
function descriptions(control: Element): string[] {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? `(no element #${id})`);
}

function typeInto(input: HTMLInputElement, value: string) {
  // React tracks the value through the prototype's setter, so set it the way the browser does.
  const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  act(() => {
    descriptor?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('a field with only a label', () => {
  it('names its control and adds no description or invalid state', () => {
    const container = render(<TextField label="Owner" value="" onChange={() => undefined} />);
    const input = container.querySelector('input') as HTMLInputElement;
    expect(input.labels?.[0]?.textContent).toBe('Owner');
    expect(input.className).toBe('ontario-input');
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(container.firstElementChild?.className).toBe('field');
  });
});

describe('hint and error', () => {
  it('are read with the control, hint first, and the error makes it invalid and is an alert', () => {
    const container = render(
      <TextField
        label="Title"
        hint="Shown on the plan list."
        error="The plan needs a title."
        value=""
        onChange={() => undefined}
      />,
    );
    const input = container.querySelector('input') as HTMLInputElement;
    expect(descriptions(input)).toEqual(['Shown on the plan list.', 'The plan needs a title.']);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('The plan needs a title.');
  });

  it('keeps ids the caller adds, after its own', () => {
    const container = render(
      <>
        <TextField
          label="Filter tasks"
          type="search"
          hint="By title."
          aria-describedby="count"
          value=""
          onChange={() => undefined}
        />
        <p id="count">3 of 9 tasks.</p>
      </>,
    );
    const input = container.querySelector('input') as HTMLInputElement;
    expect(input.type).toBe('search');
    expect(descriptions(input)).toEqual(['By title.', '3 of 9 tasks.']);
  });

  it('can mark the control invalid when the message is shown elsewhere', () => {
    const container = render(
      <DateField label="Assessment date" invalid value="" onChange={() => undefined} />,
    );
    const input = container.querySelector('input') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });

  it('gives each field its own ids, so two fields never describe each other', () => {
    const container = render(
      <>
        <TextField label="A" hint="Hint A" value="" onChange={() => undefined} />
        <TextField label="B" hint="Hint B" value="" onChange={() => undefined} />
      </>,
    );
    const [a, b] = [...container.querySelectorAll('input')];
    expect(descriptions(a as HTMLInputElement)).toEqual(['Hint A']);
    expect(descriptions(b as HTMLInputElement)).toEqual(['Hint B']);
    expect(a?.id).not.toBe(b?.id);
  });
});

describe('the family', () => {
  it('labels a select, a textarea and a date input the same way, with the classes given', () => {
    const container = render(
      <form>
        <SelectField label="Status" value="b" onChange={() => undefined}>
          <option value="a">A</option>
          <option value="b">B</option>
        </SelectField>
        <TextAreaField
          label="Notes"
          className="field--wide"
          rows={4}
          value="x"
          onChange={() => undefined}
        />
        <DateField
          label="Due date"
          controlClassName="field__short"
          value="2027-03-31"
          onChange={() => undefined}
        />
      </form>,
    );
    const select = container.querySelector('select') as HTMLSelectElement;
    const textarea = container.querySelector('textarea') as HTMLTextAreaElement;
    const date = container.querySelector('input') as HTMLInputElement;
    expect(select.labels?.[0]?.textContent).toBe('Status');
    expect(select.value).toBe('b');
    expect(textarea.labels?.[0]?.textContent).toBe('Notes');
    expect(textarea.closest('.field')?.className).toBe('field field--wide');
    expect(date.labels?.[0]?.textContent).toBe('Due date');
    expect(date.type).toBe('date');
    expect(date.className).toBe('ontario-input field__short');
  });

  it('passes a ref to the control', () => {
    const ref: { current: HTMLInputElement | null } = { current: null };
    render(<TextField ref={ref} label="Title" value="" onChange={() => undefined} />);
    expect(ref.current?.tagName).toBe('INPUT');
  });
});

describe('the date field', () => {
  it('reports a whole date, and null once emptied', () => {
    const dates: (IsoDate | null)[] = [];
    const raw: string[] = [];
    const container = render(
      <DateField
        label="Due date"
        defaultValue=""
        onChange={(event) => raw.push(event.target.value)}
        onDateChange={(date) => dates.push(date)}
      />,
    );
    const input = container.querySelector('input') as HTMLInputElement;
    typeInto(input, '2027-03-31');
    typeInto(input, '');
    expect(dates).toEqual(['2027-03-31', null]);
    // The plain onChange still sees every change.
    expect(raw).toEqual(['2027-03-31', '']);
  });
});

describe('a form error', () => {
  type Field = 'title' | 'cost';
  const onTitle: FormError<Field> = { field: 'title', message: 'The task needs a title.' };
  const general: FormError<Field> = { message: 'The plan was deleted meanwhile.' };

  it('shows in its field only', () => {
    expect(errorOn(onTitle, 'title')).toBe('The task needs a title.');
    expect(errorOn(onTitle, 'cost')).toBeUndefined();
    expect(formErrorOf(onTitle)).toBe('');
  });

  it('about no field shows for the form', () => {
    expect(errorOn(general, 'title')).toBeUndefined();
    expect(formErrorOf(general)).toBe('The plan was deleted meanwhile.');
    expect(formErrorOf<Field>(null)).toBe('');
    expect(errorOn<Field>(null, 'title')).toBeUndefined();
  });
});
