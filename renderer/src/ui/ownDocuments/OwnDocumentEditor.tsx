import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnCollectionContext } from '../../core/ownDocuments/buildCollection';
import {
  deleteOwnDocument,
  ownContentOf,
  restoreOwnVersion,
  saveOwnDocument,
  sameOwnContent,
  undoOwnChange,
  type OwnChange,
} from '../../core/ownDocuments/operations';
import type { OwnContent, OwnDocument } from '../../core/ownDocuments/schema';
import { OWN_DOCUMENTS_PACK_ID } from '../../core/packs/packStorage';
import { packDocumentId } from '../../core/packs/packDocuments';
import { TextAreaField } from '../common/fields/TextAreaField';
import { TextField } from '../common/fields/TextField';
import { wordRefusal } from '../common/i18n/wordMessage';
import { SaveStatus } from '../common/SaveStatus';
import type { Undo, UndoOffer } from '../common/useUndo';
import { draftProblems, type DraftField, type DraftProblem } from './draftProblems';
import { MarkdownPreview } from './MarkdownPreview';
import { discardDraft, draftOf, keepDraft } from './ownDrafts';
import type { OwnDocumentsSession } from './ownDocumentsSession';
import { SourcesField } from './SourcesField';
import { TopicsField } from './TopicsField';
import { VersionHistory } from './VersionHistory';
import { ShareOwnDocument } from './ShareOwnDocument';

export interface OwnDocumentEditorProps {
  /** The document's id; for a new document, the id it will be saved under. */
  id: string;
  /** The stored document, or null while a new one has not been saved. */
  document: OwnDocument | null;
  session: OwnDocumentsSession;
  context: OwnCollectionContext;
  /** The page's undo (it outlives the editor when the document is deleted). */
  undo: Pick<Undo, 'offer' | 'offerUndo' | 'dismiss'>;
  /** After the first save of a new document (the page moves to its address). */
  onCreated: (id: string) => void;
  /**
   * After a change made outside the fields (restore, undo): the editor starts again from it, and
   * from the unsaved draft kept for the document, if there is one.
   */
  onReplaced: () => void;
}

const EMPTY: OwnContent = { title: '', summary: '', topics: [], body: '', sources: [] };

const contentOf = (doc: OwnDocument | null): OwnContent => (doc ? ownContentOf(doc) : EMPTY);

/** The undo offers of "Discard changes", by the id of the document whose draft they put back. */
const discardOffers = new WeakMap<UndoOffer, string>();

/**
 * The editor of one own document: its fields, a live preview of the body, Save (each save keeps
 * a version), the versions to restore, and Delete. What is typed stays a draft until saved; the
 * content rules are checked on Save, and what is wrong is shown on each field and listed together
 * in an alert, while nothing is saved.
 *
 * An unsaved draft is kept for the window (`ownDrafts`), so leaving the page, or an undo that
 * starts the editor again, never loses typing: the editor opens on the kept draft and says so,
 * with "Discard changes" (which can be undone until the next edit) beside Save. Only Restore
 * replaces the draft, and it asks first.
 */
export function OwnDocumentEditor({
  id,
  document: stored,
  session,
  context,
  undo,
  onCreated,
  onReplaced,
}: OwnDocumentEditorProps) {
  const { t } = useTranslation('own');
  const formId = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<OwnContent>(() => draftOf(id) ?? contentOf(stored));
  /** True while the draft shown is one kept from before this editor opened. */
  const [resumed, setResumed] = useState(() => draftOf(id) !== undefined);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [refusal, setRefusal] = useState('');
  const snapshot = session.getSnapshot();
  const dirty = !sameOwnContent(draft, contentOf(stored));

  // Keep the draft while it differs from what is stored; forget it once saved or undone.
  useEffect(() => {
    if (dirty) keepDraft(id, draft, stored === null);
    else discardDraft(id);
  }, [id, draft, dirty, stored]);

  const patch = (change: Partial<OwnContent>) => {
    // Typing after "Discard changes" ends the offer to undo it: that undo would put the discarded
    // draft in place of what is being typed now, and nothing typed may be lost without asking.
    // (Checked by document, not by editor: the editor starts again when the page comes back to it.)
    if (undo.offer && discardOffers.get(undo.offer) === id) undo.dismiss();
    setDraft((current) => ({ ...current, ...change }));
  };
  const problemOn = (field: DraftField) =>
    problems
      .filter((problem) => problem.field === field)
      .map((problem) => problem.message)
      .join(' ') || undefined;

  const offerUndoOf = (change: OwnChange, message: string) =>
    undo.offerUndo({
      message,
      undo: () => {
        const undone = session.apply((db) => undoOwnChange(db, change));
        onReplaced();
        return wordRefusal(undone);
      },
    });

  const save = (event: FormEvent) => {
    event.preventDefault();
    const now = new Date().toISOString();
    const ownIds = new Set(
      snapshot.db.documents.map((doc) => doc.id).filter((other) => other !== id),
    );
    const found = draftProblems(id, draft, now, { ...context, ownIds });
    setProblems(found);
    setRefusal('');
    if (found.length > 0) {
      // The list is an alert (announced); focus goes to it so the keyboard starts from there.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const applied = session.apply((db) => saveOwnDocument(db, id, draft, now));
    if (!applied.ok) {
      setRefusal(wordRefusal(applied) ?? '');
      return;
    }
    setResumed(false);
    if (applied.result.before === null) onCreated(id);
    else if (applied.result.db !== snapshot.db)
      offerUndoOf(applied.result, t('undo.saved', { title: draft.title }));
  };

  const restore = (index: number, date: string) => {
    if (dirty && !window.confirm(t('editor.confirmDiscard'))) return;
    const applied = session.apply((db) =>
      restoreOwnVersion(db, id, index, new Date().toISOString()),
    );
    setRefusal(wordRefusal(applied) ?? '');
    if (applied.ok) {
      setProblems([]);
      discardDraft(id);
      onReplaced();
      offerUndoOf(applied.result, t('undo.restored', { date }));
    }
  };

  const remove = () => {
    if (!stored || !window.confirm(t('editor.confirmDelete', { title: stored.title }))) return;
    const applied = session.apply((db) => deleteOwnDocument(db, id));
    setRefusal(wordRefusal(applied) ?? '');
    if (!applied.ok) return;
    discardDraft(id);
    offerUndoOf(applied.result, t('undo.deleted', { title: stored.title }));
  };

  /**
   * Back to what is stored; the undo puts the draft back (the editor starts again from it), until
   * the next edit of this document ends the offer (`patch`).
   */
  const discard = () => {
    const discarded = draft;
    const isNew = stored === null;
    discardDraft(id);
    setDraft(contentOf(stored));
    setResumed(false);
    setProblems([]);
    setRefusal('');
    const offer: UndoOffer = {
      message: t('undo.discarded'),
      undo: () => {
        keepDraft(id, discarded, isNew);
        onReplaced();
        return null;
      },
    };
    discardOffers.set(offer, id);
    undo.offerUndo(offer);
  };

  const fieldLabels: Record<DraftField, string> = {
    title: t('editor.title'),
    summary: t('editor.summary'),
    topics: t('editor.topics'),
    body: t('editor.body'),
    sources: t('editor.sources'),
  };

  return (
    <>
      <form id={formId} className="own-editor" noValidate onSubmit={save}>
        <p className="own-editor__intro">{t('editor.intro')}</p>
        {problems.length > 0 && (
          <div ref={summaryRef} tabIndex={-1} className="callout callout--warning" role="alert">
            <p className="callout__title">{t('editor.errorsTitle')}</p>
            <ul>
              {problems.map((problem, index) => (
                // Two problems may say the same thing on different lines; their place tells them apart.
                <li key={`${index}-${problem.message}`}>
                  {problem.field === null
                    ? problem.message
                    : t('editor.fieldProblem', {
                        field: fieldLabels[problem.field],
                        problem: problem.message,
                      })}
                </li>
              ))}
            </ul>
          </div>
        )}
        <TextField
          label={t('editor.title')}
          hint={t('editor.titleHint')}
          error={problemOn('title')}
          value={draft.title}
          onChange={(event) => patch({ title: event.target.value })}
        />
        <TextAreaField
          label={t('editor.summary')}
          hint={t('editor.summaryHint')}
          error={problemOn('summary')}
          rows={3}
          value={draft.summary}
          onChange={(event) => patch({ summary: event.target.value })}
        />
        <TopicsField
          vocabulary={context.vocabulary}
          value={draft.topics}
          error={problemOn('topics')}
          onChange={(topics) => patch({ topics })}
        />
        <div className="own-editor__body">
          <TextAreaField
            label={t('editor.body')}
            hint={t('editor.bodyHint')}
            error={problemOn('body')}
            className="own-body-field"
            controlClassName="own-body-field__input"
            rows={18}
            spellCheck
            value={draft.body}
            onChange={(event) => patch({ body: event.target.value })}
          />
          <section aria-labelledby={`${formId}-preview`} className="own-preview">
            <h2 id={`${formId}-preview`} className="own-preview__title">
              {t('editor.preview')}
            </h2>
            <MarkdownPreview
              markdown={draft.body}
              docId={packDocumentId(OWN_DOCUMENTS_PACK_ID, id)}
            />
          </section>
        </div>
        <SourcesField
          value={draft.sources}
          error={problemOn('sources')}
          onChange={(sources) => patch({ sources })}
        />
        {refusal && (
          <p className="field-error" role="alert">
            {refusal}
          </p>
        )}
        <div className="own-editor__actions">
          <button type="submit" className="button">
            {t('editor.save')}
          </button>
          {dirty && (
            <button type="button" className="button button--secondary" onClick={discard}>
              {t('editor.discard')}
            </button>
          )}
          {dirty ? (
            <p className="own-save" role="status">
              {resumed ? t('editor.unsavedKept') : t('editor.unsaved')}
            </p>
          ) : (
            <SaveStatus
              state={snapshot.saveState}
              className="own-save"
              idleText={t('editor.noChanges')}
            />
          )}
          {stored && (
            <button type="button" className="button button--secondary own-delete" onClick={remove}>
              {t('editor.delete')}
            </button>
          )}
        </div>
      </form>
      {stored && <ShareOwnDocument doc={stored} session={session} />}
      {stored && <VersionHistory versions={stored.versions} onRestore={restore} />}
    </>
  );
}
