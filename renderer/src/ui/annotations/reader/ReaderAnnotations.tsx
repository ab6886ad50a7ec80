import { useEffect, useId, useMemo, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  annotationLanguageOf,
  annotationsForDocument,
  meaningOf,
  noteOf,
  quoteOf,
  tagsOf,
} from '../../../core/annotations';
import type { Language } from '../../../../../electron/shared/language';
import type { DocId } from '../../../core/content/ids';
import { useSettings } from '../../settings/SettingsContext';
import { routeHref } from '../../../core/routing/hashRoutes';
import { useHashRoute } from '../../common/routing/useHashRoute';
import { SaveStatus } from '../../common/SaveStatus';
import { UndoStatus } from '../../common/UndoStatus';
import { formatNumber } from '../../common/i18n/format';
import { saveStatusProps, UNDO_STATUS } from '../labels';
import { useAnnotations } from '../useAnnotations';
import { AnnotateDialog } from './AnnotateDialog';
import { MarginList } from './MarginList';
import { OrphanList } from './OrphanList';
import { OtherVersionNotice } from './OtherVersionNotice';
import { SelectionToolbar } from './SelectionToolbar';
import { useAnchoring } from './useAnchoring';
import { useAnnotateShortcut } from './useAnnotateShortcut';
import { useArticleSelection } from './useArticleSelection';
import { useArticleText } from './useArticleText';
import { useHighlightPainting } from './useHighlightPainting';
import { useReaderAnnotationActions } from './useReaderAnnotationActions';
import '../annotations.css';
import './readerAnnotations.css';

export interface ReaderAnnotationsProps {
  /** The element holding the document's sanitised HTML. Only read, never changed. */
  article: RefObject<HTMLElement | null>;
  /**
   * The document shown, and the language of its body: annotations belong to the version they
   * were made on, so only those made on this text are shown, and new ones are made on it.
   */
  doc: { id: DocId; title: string; language: Language };
  /** True once the sanitised body is in the page. */
  ready: boolean;
}

/**
 * Annotations in the reader: highlights painted over the article (CSS Custom Highlight API, so
 * the article's DOM is untouched), a toolbar by any selection, the Ctrl/Cmd+Shift+H shortcut and
 * an "Annotate selection" button, and the margin list of this document's highlights and orphans.
 * Follows `?annotation=<id>` in the route by scrolling to that highlight, or says why it is not
 * shown when it belongs to the document's other language's version. The document shows at
 * once; highlights are found off the main thread (useAnchoring) and appear when found.
 */
export function ReaderAnnotations({ article, doc, ready }: ReaderAnnotationsProps) {
  const { t } = useTranslation('annotations');
  const id = useId();
  const state = useAnnotations();
  const { settings } = useSettings();
  const text = useArticleText(article, ready);
  const selection = useArticleSelection(article, ready);
  const annotateButton = useRef<HTMLButtonElement>(null);
  const session = state.status === 'ready' ? state.session : null;
  const all = state.status === 'ready' ? state.snapshot.db.annotations : null;
  const mine = useMemo(
    () => (all ? annotationsForDocument(all, doc.id, doc.language) : null),
    [all, doc.id, doc.language],
  );
  const { outcome, pending, lookAgain } = useAnchoring(doc.id, text, mine);
  const actions = useReaderAnnotationActions({
    session,
    article,
    docId: doc.id,
    language: doc.language,
    text,
    selection: selection.live?.offsets ?? selection.last,
  });
  const { request, goTo } = actions;
  useHighlightPainting(
    article,
    outcome?.anchored ?? null,
    request?.kind === 'create' ? request.offsets : null,
  );
  useAnnotateShortcut(ready && request === null, () => actions.annotate());

  // `#/doc/<id>?annotation=<annotation id>` (from the Annotations page): scroll there once.
  const route = useHashRoute();
  const wanted = route.kind === 'page' ? new URLSearchParams(route.query).get('annotation') : null;
  const followed = useRef<string | null>(null);
  useEffect(() => {
    if (!outcome || wanted === null || followed.current === wanted) return;
    const target = outcome.anchored.find((item) => item.annotation.id === wanted);
    // The highlight may still be being looked for: wait for it rather than give up.
    if (!target && pending > 0) return;
    followed.current = wanted;
    // After the reader's own scroll restoring, which this must win over.
    const frame = window.requestAnimationFrame(() => {
      if (target) goTo(target, quoteOf(target.annotation));
    });
    return () => window.cancelAnimationFrame(frame);
  }, [outcome, pending, wanted, goTo]);
  // The language of the version the wanted annotation was made on, when it is not this one.
  const wantedElsewhere = useMemo(() => {
    const annotation = wanted === null ? undefined : all?.find((a) => a.id === wanted);
    if (annotation?.target.docId !== doc.id) return null;
    const language = annotationLanguageOf(annotation);
    return language === doc.language ? null : language;
  }, [all, wanted, doc.id, doc.language]);

  const count = outcome?.anchored.length ?? 0;
  // The count is shown once every highlight has been looked for (tests wait for it, too).
  const settled = outcome !== null && pending === 0;
  return (
    <section className="anno-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="anno-panel__title">
        {settled ? t('reader.titleCounted', { shown: count }) : t('reader.title')}
      </h2>
      <p className="anno-hint">{t('reader.hint')}</p>
      <OtherVersionNotice language={wantedElsewhere} />
      <button
        ref={annotateButton}
        type="button"
        className="button anno-button"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => actions.annotate()}
        disabled={!outcome}
      >
        {t('reader.annotate')}
      </button>
      <p className="anno-status" role="status">
        {actions.message}
      </p>
      <p className="anno-finding" role="status">
        {outcome && pending > 0
          ? t('reader.finding', { count: pending, shown: formatNumber(pending) })
          : ''}
      </p>
      {state.status === 'error' ? (
        <p role="alert">{t('load.failed', { message: state.message })}</p>
      ) : null}
      {state.status === 'ready' ? (
        <SaveStatus state={state.snapshot.saveState} {...saveStatusProps()} />
      ) : null}
      <UndoStatus undo={actions.undo} {...UNDO_STATUS} />
      {settled && count === 0 ? <p className="anno-empty">{t('reader.none')}</p> : null}
      {outcome && count > 0 ? (
        <MarginList
          anchored={outcome.anchored}
          onGo={(item) => goTo(item, quoteOf(item.annotation))}
          onEdit={(item) => actions.setRequest({ kind: 'edit', annotation: item.annotation })}
          onDelete={(item) => actions.remove(item.annotation)}
        />
      ) : null}
      {outcome ? (
        <OrphanList
          orphans={outcome.orphaned}
          onReattach={actions.reattach}
          onDelete={(orphanId) => {
            const orphan = outcome.orphaned.find((o) => o.annotation.id === orphanId);
            if (orphan) actions.remove(orphan.annotation);
          }}
          onLookAgain={lookAgain}
        />
      ) : null}
      <p className="anno-panel__more">
        <a href={`${routeHref('annotations')}?doc=${encodeURIComponent(doc.id)}`}>
          {t('reader.allOnDocument')}
        </a>
      </p>
      {selection.live && request === null ? (
        <SelectionToolbar
          selection={selection.live}
          onChoose={(meaning) => actions.annotate(meaning)}
        />
      ) : null}
      {request ? (
        <AnnotateDialog
          key={request.kind === 'edit' ? request.annotation.id : 'new'}
          title={request.kind === 'create' ? t('reader.createTitle') : t('reader.editTitle')}
          quote={
            request.kind === 'create'
              ? (text ?? '').slice(request.offsets.start, request.offsets.end)
              : quoteOf(request.annotation)
          }
          initial={
            request.kind === 'create'
              ? { meaning: request.meaning, note: '', tags: [] }
              : {
                  meaning: meaningOf(request.annotation),
                  note: noteOf(request.annotation),
                  tags: tagsOf(request.annotation),
                }
          }
          askForName={request.kind === 'create' && settings.authorName.trim() === ''}
          fallbackFocus={() => annotateButton.current?.focus()}
          onSave={actions.save}
          onClose={() => actions.setRequest(null)}
        />
      ) : null}
    </section>
  );
}
