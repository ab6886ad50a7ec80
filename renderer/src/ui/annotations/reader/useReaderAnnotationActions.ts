import { useCallback, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createAnnotation,
  deleteAnnotation,
  quoteOf,
  reattachAnnotation,
  restoreAnnotation,
  updateAnnotation,
  type Annotation,
  type AnnotationId,
  type Meaning,
} from '../../../core/annotations';
import type { Language } from '../../../../../electron/shared/language';
import type { DocId } from '../../../core/content/ids';
import { useSettings } from '../../settings/SettingsContext';
import type { AnnotationsSession } from '../annotationsSession';
import { shortQuote } from '../../../core/annotations/shortQuote';
import { selectionOffsets, type TextOffsets } from '../textOffsets';
import { useUndo } from '../../common/useUndo';
import type { AnnotateValues } from './AnnotateDialog';
import { scrollToPassage } from './scrollToPassage';

/** What the dialog is open for, if anything. */
export type DialogRequest =
  | { kind: 'create'; offsets: TextOffsets; meaning: Meaning }
  | { kind: 'edit'; annotation: Annotation };

/**
 * Everything the reader's annotation panel does: open the dialog for the selection, save, edit,
 * delete with undo, re-attach and jump. Every change goes through the shared session, which
 * saves it.
 */
export function useReaderAnnotationActions(options: {
  session: AnnotationsSession | null;
  article: RefObject<HTMLElement | null>;
  docId: DocId;
  /** The language of the text shown (the version new annotations belong to). */
  language: Language;
  text: string | null;
  selection: TextOffsets | null;
}) {
  const { t } = useTranslation('annotations');
  const { session, article, docId, language, text, selection } = options;
  const { settings, update } = useSettings();
  const [request, setRequest] = useState<DialogRequest | null>(null);
  const [message, setMessage] = useState('');
  const undo = useUndo(t('undoDone'));

  /**
   * The selection now: read from the document at the moment of the action (the tracked state
   * trails fast keyboard selection by a frame), else the last passage selected in the article.
   */
  const currentSelection = (): TextOffsets | null => {
    const root = article.current;
    return (root && selectionOffsets(root, document.getSelection())) ?? selection;
  };

  const annotate = (meaning: Meaning = 'important') => {
    const offsets = currentSelection();
    if (!offsets || text === null) return setMessage(t('reader.selectFirst'));
    setMessage('');
    setRequest({ kind: 'create', offsets, meaning });
  };

  const save = (values: AnnotateValues): string[] | null => {
    if (!session || !request || text === null) return null;
    if (values.authorName) update({ authorName: values.authorName });
    const author = values.authorName ?? settings.authorName;
    const { meaning, note, tags } = values;
    const saved =
      request.kind === 'create'
        ? session.apply((db) =>
            createAnnotation(db, {
              docId,
              language,
              text,
              ...request.offsets,
              meaning,
              note,
              tags,
              author,
              clock: session.clock,
            }),
          )
        : session.apply((db) =>
            updateAnnotation(db, request.annotation.id, { meaning, note, tags }, session.clock),
          );
    if (!saved.ok) return saved.refusal;
    if (request.kind === 'create') document.getSelection()?.collapseToEnd();
    setMessage(request.kind === 'create' ? t('reader.saved') : t('reader.changesSaved'));
    setRequest(null);
    return null;
  };

  const remove = (annotation: Annotation) => {
    if (!session) return;
    session.apply((db) => deleteAnnotation(db, annotation.id, session.clock));
    setMessage('');
    undo.offerUndo({
      message: t('reader.deleted', { quote: shortQuote(quoteOf(annotation), 60) }),
      undo: () => void session.apply((db) => restoreAnnotation(db, annotation, session.clock)),
    });
  };

  const reattach = (id: AnnotationId) => {
    if (!session || text === null) return;
    const offsets = currentSelection();
    if (!offsets) return setMessage(t('reader.selectFirst'));
    session.apply((db) => reattachAnnotation(db, id, { text, ...offsets }, session.clock));
    setMessage(t('reader.reattached'));
  };

  const goTo = useCallback(
    (offsets: TextOffsets, quote: string) => {
      const root = article.current;
      if (root && scrollToPassage(root, offsets)) {
        setMessage(t('reader.movedTo', { quote: shortQuote(quote, 60) }));
      }
    },
    [article, t],
  );

  return { request, setRequest, message, setMessage, undo, annotate, save, remove, reattach, goTo };
}
