import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addStickyNote, removeStickyNote } from '../../../core/workshops/sessionOperations';
import type { WorkshopSession } from '../../../core/workshops/schema';
import type { Presentation } from './usePresentation';

export interface NoteCaptureProps {
  presentation: Presentation;
  /** The block running now: a note is tied to it. */
  blockIndex: number;
}

/** Sticky notes: what the trainer hears from the room, typed in as it comes. */
export function NoteCapture({ presentation, blockIndex }: NoteCaptureProps) {
  const { t } = useTranslation('workshops');
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const notes: WorkshopSession['notes'] = presentation.recorded?.notes ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError(t('notes.empty'));
      return;
    }
    const problem = presentation.record(
      (db, sessionId) => addStickyNote(db, sessionId, text, blockIndex).db,
    );
    setError(problem ?? '');
    if (!problem) setText('');
  };

  return (
    <section aria-labelledby={`${id}-h`} className="capture-part">
      <h3 id={`${id}-h`}>{t('notes.heading')}</h3>
      <form onSubmit={submit} noValidate className="capture-form">
        <div className="ws-field">
          <label htmlFor={`${id}-text`}>{t('notes.label')}</label>
          <textarea
            id={`${id}-text`}
            className="ontario-input"
            rows={2}
            value={text}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        {error && (
          <p id={`${id}-error`} role="alert" className="ws-field__error">
            {error}
          </p>
        )}
        <button type="submit" className="button button--small">
          {t('notes.add')}
        </button>
      </form>
      {notes.length > 0 && (
        <ul className="capture-list">
          {notes.map((note) => (
            <li key={note.id}>
              {note.text}{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('notes.removeNamed', { text: note.text })}
                onClick={() =>
                  setError(
                    presentation.record((db, sessionId) =>
                      removeStickyNote(db, sessionId, note.id),
                    ) ?? '',
                  )
                }
              >
                {t('notes.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
