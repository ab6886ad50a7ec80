import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANNOTATION_LIMITS,
  MEANINGS,
  UNNAMED_AUTHOR,
  type Meaning,
} from '../../../core/annotations';
import { AUTHOR_NAME_MAX } from '../../../core/settings/settingsSchema';
import { useModalDialog } from '../../common/useModalDialog';
import { shortQuote } from '../../../core/annotations/shortQuote';

/** What the dialog returns on Save. */
export interface AnnotateValues {
  meaning: Meaning;
  note: string;
  tags: string[];
  /** A name typed in the dialog when none was set in Settings ('' for Anonymous). */
  authorName: string | null;
}

export interface AnnotateDialogProps {
  title: string;
  quote: string;
  initial: { meaning: Meaning; note: string; tags: readonly string[] };
  /** True when Settings has no name yet: the dialog asks for one (or Anonymous). */
  askForName: boolean;
  /** Where focus goes on closing when the control that opened the dialog has gone. */
  fallbackFocus: () => void;
  /** Saves; returns problems to show (nothing is saved then), or null when saved. */
  onSave: (values: AnnotateValues) => string[] | null;
  onClose: () => void;
}

/** Splits "budget, Broadband ,, staff" into tags; blank ones go. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/**
 * The annotate and edit dialog: meaning (radio group), note (plain text), tags (comma-separated)
 * and, the first time, the author's name. A modal <dialog>, open while it is mounted: focus stays
 * inside, Escape cancels, and focus goes back to where it was when the dialog closes (or, when
 * that control has gone with the selection, to `fallbackFocus`).
 */
export function AnnotateDialog({
  title,
  quote,
  initial,
  askForName,
  fallbackFocus,
  onSave,
  onClose,
}: AnnotateDialogProps) {
  const { t } = useTranslation('annotations');
  const id = useId();
  const { dialogRef } = useModalDialog({ initiallyOpen: true, fallbackFocus });
  const noteField = useRef<HTMLTextAreaElement>(null);
  const [meaning, setMeaning] = useState<Meaning>(initial.meaning);
  const [note, setNote] = useState(initial.note);
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<string[]>([]);

  // The meaning comes first in the form, but most people open the dialog to write a note.
  useEffect(() => noteField.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = onSave({
      meaning,
      note,
      tags: parseTags(tags),
      authorName: askForName ? name.trim() : null,
    });
    if (result) setProblems(result);
  };

  return (
    <dialog
      ref={dialogRef}
      className="anno-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="anno-dialog__title">
          {title}
        </h2>
        <blockquote className="anno-quote">{shortQuote(quote)}</blockquote>
        <fieldset className="anno-dialog__group">
          <legend className="ontario-fieldset__legend">{t('dialog.meaning')}</legend>
          <div className="choices choices--inline">
            {MEANINGS.map((value) => (
              <div className="choice" key={value}>
                <input
                  type="radio"
                  id={`${id}-${value}`}
                  name={`${id}-meaning`}
                  value={value}
                  checked={meaning === value}
                  onChange={() => setMeaning(value)}
                />
                <label htmlFor={`${id}-${value}`}>
                  <span className={`anno-meaning anno-meaning--${value}`}>
                    <span className="anno-meaning__swatch" aria-hidden="true" />
                    {t(`meaning.${value}`)}
                  </span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="anno-dialog__group">
          <label className="ontario-label" htmlFor={`${id}-note`}>
            {t('dialog.note')}
          </label>
          <p className="hint" id={`${id}-note-hint`}>
            {t('dialog.noteHint')}
          </p>
          <textarea
            ref={noteField}
            id={`${id}-note`}
            className="ontario-input anno-dialog__note"
            rows={4}
            maxLength={ANNOTATION_LIMITS.note}
            value={note}
            aria-describedby={`${id}-note-hint`}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <div className="anno-dialog__group">
          <label className="ontario-label" htmlFor={`${id}-tags`}>
            {t('dialog.tags')}
          </label>
          <p className="hint" id={`${id}-tags-hint`}>
            {t('dialog.tagsHint')}
          </p>
          <input
            id={`${id}-tags`}
            className="ontario-input"
            type="text"
            value={tags}
            aria-describedby={`${id}-tags-hint`}
            onChange={(event) => setTags(event.target.value)}
          />
        </div>
        {askForName ? (
          <div className="anno-dialog__group">
            <label className="ontario-label" htmlFor={`${id}-name`}>
              {t('dialog.name')}
            </label>
            <p className="hint" id={`${id}-name-hint`}>
              {/* The name core signs with, so the hint names what will be stored. */}
              {t('dialog.nameHint', { anonymous: UNNAMED_AUTHOR })}
            </p>
            <input
              id={`${id}-name`}
              className="ontario-input"
              type="text"
              autoComplete="name"
              maxLength={AUTHOR_NAME_MAX}
              value={name}
              aria-describedby={`${id}-name-hint`}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
        ) : null}
        {problems.length > 0 ? (
          <div className="callout callout--warning anno-dialog__problems" role="alert">
            <p className="callout__title">{t('errors.notSaved')}</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="anno-actions">
          <button type="submit" className="button">
            {t('dialog.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
