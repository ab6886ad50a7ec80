// @vitest-environment jsdom
/**
 * The reader's annotate dialog, used as a reader uses it: opened from a button, the meaning
 * chosen, a note and tags written, saved through the real annotations session (real operations,
 * real store over in-memory storage) or cancelled with Escape or the Cancel button, with focus
 * back where it was. What the annotation limits refuse is shown as an alert and nothing is saved.
 */
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createAnnotation,
  meaningOf,
  noteOf,
  quoteOf,
  tagsOf,
  authorOf,
  type Meaning,
} from '../../../renderer/src/core/annotations';
import type { DocId } from '../../../renderer/src/core/content/ids';
import {
  annotationsSessionFor,
  type AnnotationsSession,
} from '../../../renderer/src/ui/annotations/annotationsSession';
import {
  AnnotateDialog,
  parseTags,
  type AnnotateValues,
} from '../../../renderer/src/ui/annotations/reader/AnnotateDialog';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import {
  accessibleDescription,
  click,
  getByRole,
  press,
  queryAllByRole,
  render,
  settle,
  typeInto,
  unmountAll,
} from '../support/dom';
import { installModalDialog } from '../support/modalDialog';

beforeAll(installModalDialog);
afterEach(unmountAll);

const TEXT = 'The council approved the records plan in spring, after two readings.';
const PASSAGE = { start: 4, end: 37 };
const DOC = 'case-study-cobourg' as DocId;

/** What the annotations store wrote (this machine's member id is written once, on first use). */
function annotationWrites(storage: MemoryStorage) {
  return storage.writeLog.filter((write) => write.key.startsWith('annotations'));
}

async function openSession(): Promise<{ session: AnnotationsSession; storage: MemoryStorage }> {
  const storage = new MemoryStorage();
  return { session: await annotationsSessionFor(storage), storage };
}

interface ReaderProps {
  session: AnnotationsSession;
  askForName?: boolean;
  initialMeaning?: Meaning;
  /** Every set of values the dialog handed over, saved or not. */
  offered?: AnnotateValues[];
}

/**
 * The part of the reader around the dialog, as ReaderAnnotations wires it: a button opens it,
 * Save applies `createAnnotation` to the session and closes it unless refused.
 */
function Reader({
  session,
  askForName = false,
  initialMeaning = 'important',
  offered,
}: ReaderProps) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Annotate
      </button>
      <p role="status">{message}</p>
      {open && (
        <AnnotateDialog
          title="Annotate the selected text"
          quote={TEXT.slice(PASSAGE.start, PASSAGE.end)}
          initial={{ meaning: initialMeaning, note: '', tags: [] }}
          askForName={askForName}
          fallbackFocus={() => undefined}
          onSave={(values) => {
            offered?.push(values);
            const saved = session.apply((db) =>
              createAnnotation(db, {
                docId: DOC,
                text: TEXT,
                ...PASSAGE,
                meaning: values.meaning,
                note: values.note,
                tags: values.tags,
                author: values.authorName ?? 'Ada Lovelace',
                clock: session.clock,
              }),
            );
            if (!saved.ok) return saved.refusal;
            setMessage('Highlight saved.');
            setOpen(false);
            return null;
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

async function openDialog(): Promise<HTMLDialogElement> {
  await click(getByRole(document.body, 'button', { name: 'Annotate' }));
  return getByRole<HTMLDialogElement>(document.body, 'dialog', {
    name: 'Annotate the selected text',
  });
}

const field = <E extends HTMLElement>(dialog: HTMLElement, role: string, name: string | RegExp) =>
  getByRole<E>(dialog, role, { name });

describe('opening', () => {
  it('shows a modal dialog named by its title, with the passage, and focus in the note', async () => {
    const { session } = await openSession();
    render(<Reader session={session} />);
    const dialog = await openDialog();
    expect(dialog.open).toBe(true);
    expect(getByRole(dialog, 'blockquote').textContent).toBe('council approved the records plan');
    const note = field<HTMLTextAreaElement>(dialog, 'textbox', 'Note (optional)');
    expect(document.activeElement).toBe(note);
    expect(accessibleDescription(note)).toMatch(/^Plain text\./);
    const tags = field(dialog, 'textbox', 'Tags (optional)');
    expect(accessibleDescription(tags)).toBe(
      'Separate tags with commas, for example: budget, broadband.',
    );
  });

  it('offers the four meanings as one radio group, the initial one chosen', async () => {
    const { session } = await openSession();
    render(<Reader session={session} initialMeaning="question" />);
    const dialog = await openDialog();
    const group = field(dialog, 'group', 'Meaning');
    const radios = queryAllByRole<HTMLInputElement>(group, 'radio');
    expect(radios.map((radio) => radio.labels?.[0]?.textContent)).toEqual([
      'Important',
      'Question',
      'Idea for us',
      'Concern',
    ]);
    // One named group, so arrow keys move between them and a screen reader says "2 of 4".
    const names = new Set(radios.map((radio) => radio.name));
    expect(names.size).toBe(1);
    expect(names.has('')).toBe(false);
    expect(radios.filter((radio) => radio.checked).map((radio) => radio.value)).toEqual([
      'question',
    ]);
  });

  it('asks for a name only when Settings has none', async () => {
    const { session } = await openSession();
    render(<Reader session={session} />);
    expect(queryAllByRole(await openDialog(), 'textbox', { name: 'Your name' })).toEqual([]);
    unmountAll();
    render(<Reader session={session} askForName />);
    const name = field(await openDialog(), 'textbox', 'Your name');
    expect(accessibleDescription(name)).toMatch(/Leave it blank to sign as “Anonymous”\.$/);
  });
});

describe('saving', () => {
  it('saves the chosen meaning, note and tags, closes, and returns focus to the opener', async () => {
    const { session, storage } = await openSession();
    const offered: AnnotateValues[] = [];
    render(<Reader session={session} askForName offered={offered} />);
    const dialog = await openDialog();
    await click(field(dialog, 'radio', 'Idea for us'));
    await typeInto(field(dialog, 'textbox', 'Note (optional)'), 'Ask the clerk\nabout the budget');
    await typeInto(field(dialog, 'textbox', 'Tags (optional)'), 'budget, Broadband ,, staff');
    await typeInto(field(dialog, 'textbox', 'Your name'), '  Grace Hopper ');
    await click(field(dialog, 'button', 'Save'));

    expect(offered).toEqual([
      {
        meaning: 'idea',
        note: 'Ask the clerk\nabout the budget',
        tags: ['budget', 'Broadband', 'staff'],
        authorName: 'Grace Hopper',
      },
    ]);
    expect(dialog.isConnected).toBe(false);
    expect(queryAllByRole(document.body, 'dialog')).toEqual([]);
    expect(document.activeElement).toBe(getByRole(document.body, 'button', { name: 'Annotate' }));
    expect(getByRole(document.body, 'status').textContent).toBe('Highlight saved.');

    const [saved, ...others] = session.getSnapshot().db.annotations;
    expect(others).toEqual([]);
    if (!saved) throw new Error('nothing saved');
    expect(quoteOf(saved)).toBe('council approved the records plan');
    expect(meaningOf(saved)).toBe('idea');
    expect(noteOf(saved)).toBe('Ask the clerk\nabout the budget');
    expect(tagsOf(saved)).toEqual(['budget', 'Broadband', 'staff']);
    expect(authorOf(saved)).toBe('Grace Hopper');
    await settle(session.whenSaved());
    // One small write: the annotation's change appended to the store's log.
    const written = annotationWrites(storage);
    expect(written.map((w) => w.key)).toEqual(['annotations-log-1']);
    expect(written[0]?.text).toContain('Ask the clerk');
  });

  it('hands over no name when Settings already has one', async () => {
    const { session } = await openSession();
    const offered: AnnotateValues[] = [];
    render(<Reader session={session} offered={offered} />);
    await click(field(await openDialog(), 'button', 'Save'));
    expect(offered).toEqual([{ meaning: 'important', note: '', tags: [], authorName: null }]);
    expect(authorOf(session.getSnapshot().db.annotations[0] as never)).toBe('Ada Lovelace');
  });

  it('shows what the limits refuse as an alert, keeps the dialog and what was typed', async () => {
    const { session, storage } = await openSession();
    render(<Reader session={session} />);
    const dialog = await openDialog();
    const tags = field<HTMLInputElement>(dialog, 'textbox', 'Tags (optional)');
    const longTag = 'x'.repeat(61);
    await typeInto(tags, `budget, ${longTag}`);
    expect(queryAllByRole(dialog, 'alert')).toEqual([]);
    await click(field(dialog, 'button', 'Save'));

    const alert = getByRole(dialog, 'alert');
    expect(alert.querySelector('.callout__title')?.textContent).toBe(
      'The annotation was not saved',
    );
    expect(alert.querySelectorAll('li').length).toBeGreaterThan(0);
    expect(alert.textContent).toMatch(/60/);
    expect(dialog.open).toBe(true);
    expect(tags.value).toBe(`budget, ${longTag}`);
    expect(session.getSnapshot().db.annotations).toEqual([]);
    await settle(session.whenSaved());
    expect(annotationWrites(storage)).toEqual([]);

    // Fixing the tag and saving again works, and the alert goes with the dialog.
    await typeInto(tags, 'budget');
    await click(field(dialog, 'button', 'Save'));
    expect(dialog.isConnected).toBe(false);
    expect(tagsOf(session.getSnapshot().db.annotations[0] as never)).toEqual(['budget']);
  });
});

describe('editing', () => {
  it('opens with the highlight’s meaning, note and tags, and hands back the changes', async () => {
    const offered: AnnotateValues[] = [];
    render(
      <AnnotateDialog
        title="Edit the highlight"
        quote={TEXT.slice(PASSAGE.start, PASSAGE.end)}
        initial={{ meaning: 'concern', note: 'Ask the clerk', tags: ['budget', 'staff'] }}
        askForName={false}
        fallbackFocus={() => undefined}
        onSave={(values) => {
          offered.push(values);
          return null;
        }}
        onClose={() => undefined}
      />,
    );
    const dialog = getByRole(document.body, 'dialog', { name: 'Edit the highlight' });
    expect(field<HTMLInputElement>(dialog, 'radio', 'Concern').checked).toBe(true);
    expect(field<HTMLTextAreaElement>(dialog, 'textbox', 'Note (optional)').value).toBe(
      'Ask the clerk',
    );
    const tags = field<HTMLInputElement>(dialog, 'textbox', 'Tags (optional)');
    expect(tags.value).toBe('budget, staff');
    await typeInto(tags, 'budget');
    await click(field(dialog, 'radio', 'Question'));
    await click(field(dialog, 'button', 'Save'));
    expect(offered).toEqual([
      { meaning: 'question', note: 'Ask the clerk', tags: ['budget'], authorName: null },
    ]);
  });
});

describe('cancelling', () => {
  it('Escape closes without saving and puts focus back on the opener', async () => {
    const { session } = await openSession();
    render(<Reader session={session} />);
    const dialog = await openDialog();
    await typeInto(field(dialog, 'textbox', 'Note (optional)'), 'Half a thought');
    await press('Escape');
    expect(dialog.isConnected).toBe(false);
    expect(document.activeElement).toBe(getByRole(document.body, 'button', { name: 'Annotate' }));
    expect(session.getSnapshot().db.annotations).toEqual([]);
  });

  it('Cancel does the same', async () => {
    const { session } = await openSession();
    render(<Reader session={session} />);
    const dialog = await openDialog();
    await click(field(dialog, 'radio', 'Concern'));
    await click(field(dialog, 'button', 'Cancel'));
    expect(dialog.isConnected).toBe(false);
    expect(document.activeElement).toBe(getByRole(document.body, 'button', { name: 'Annotate' }));
    expect(session.getSnapshot().db.annotations).toEqual([]);
  });

  it('opens afresh each time: what was typed before Cancel is gone', async () => {
    const { session } = await openSession();
    render(<Reader session={session} />);
    await typeInto(field(await openDialog(), 'textbox', 'Note (optional)'), 'Draft');
    await press('Escape');
    const again = await openDialog();
    expect(field<HTMLTextAreaElement>(again, 'textbox', 'Note (optional)').value).toBe('');
  });
});

describe('parseTags', () => {
  it('splits on commas, trims, and drops blanks', () => {
    expect(parseTags(' budget, Broadband ,, staff ,')).toEqual(['budget', 'Broadband', 'staff']);
    expect(parseTags('   ')).toEqual([]);
  });
});
