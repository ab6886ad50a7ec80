import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentDocument } from '../../core/content/model';
import type { Vocabulary } from '../../core/content/vocabulary';
import { ReaderAnnotations } from '../annotations/reader/ReaderAnnotations';
import type { CollectionInfo, LibraryDocuments } from '../content/contentData';
import { typeLabel } from '../content/contentLabels';
import { ContentText, useLangMark } from '../content/ContentText';
import { bodyLanguageOf, contentLanguageOf } from '../content/languageOverlay';
import { stripEnglishSpans } from '../../core/markdown/englishSpanText';
import { useHost } from '../common/HostContext';
import { Page } from '../common/Page';
import { Announcer, useAnnouncement } from '../common/Announcer';
import { PrintActions } from '../common/PrintActions';
import { DocumentFacts } from './DocumentFacts';
import { DocumentOrigin } from './DocumentOrigin';
import { DocumentLinks } from './DocumentLinks';
import { GlossaryTooltip } from './GlossaryTooltip';
import { formatPartialDate } from './labels';
import { AddToPlan } from '../planner/AddToPlan';
import { renderDocumentBody } from './renderDocument';
import { neighboursOf } from './sequence';
import { SequenceNav } from './SequenceNav';
import { SourcesList } from './SourcesList';
import { TableOfContents } from './TableOfContents';
import { useCurrentSection } from './useCurrentSection';
import { useGlossaryTooltip, type Definition } from './useGlossaryTooltip';
import { useLinkHandling } from './useLinkHandling';
import { useReadingPosition } from './useReadingPosition';
import { useSectionScroll } from './useSectionScroll';

export interface DocumentViewProps {
  doc: ContentDocument;
  store: LibraryDocuments;
  vocabulary: Vocabulary;
  /** The section the route asks for (`?section=<slug>`), or null. */
  section: string | null;
  /** The content pack or own documents the document belongs to; none for the bundled library. */
  collection?: CollectionInfo | undefined;
}

/** Documents a municipality can act on, which offer "Add to plan" (issue: every recommendation, guide step and case study). */
const PLANNABLE_TYPES: ReadonlySet<string> = new Set([
  'recommendation',
  'guide-step',
  'case-study',
]);

/** One document: header, table of contents, the rendered body, sources and links onward. */
export function DocumentView({ doc, store, vocabulary, section, collection }: DocumentViewProps) {
  const { t } = useTranslation('reader');
  const host = useHost();
  const container = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const { message, announce } = useAnnouncement();
  const outcome = renderDocumentBody(doc, store.glossaryFor(doc.id));
  const headings = useMemo(() => (outcome.ok ? outcome.rendered.headings : []), [outcome]);
  const ready = outcome.ok;
  // Decided once, on opening: a later section link must not bring the saved position back.
  const [restoreOnOpen] = useState(section === null);

  const goToSection = useSectionScroll(body, section, ready, announce);
  const current = useCurrentSection(body, headings, ready);
  useReadingPosition(host.storage, doc.id, ready, restoreOnOpen);
  const onLinkClick = useLinkHandling(host, goToSection);
  // English shown in the French interface is marked so (WCAG 3.1.2): a document with no French
  // version, or the English body of a French version made with `bodyFrom: en`.
  const mark = useLangMark();
  const docLang = mark(contentLanguageOf(doc));
  const bodyLanguage = bodyLanguageOf(doc);
  const bodyLang = mark(bodyLanguage);
  const definitionFor = useCallback(
    (termId: string): Definition | null => {
      const entry = store.byId.get(termId);
      if (entry?.type !== 'glossary') return null;
      return { term: entry.term, definition: entry.summary, lang: mark(contentLanguageOf(entry)) };
    },
    [store, mark],
  );
  const tooltip = useGlossaryTooltip(container, body, ready, definitionFor, announce);
  const annotated = useMemo(
    () => ({ id: doc.id, title: doc.title, language: bodyLanguageOf(doc) }),
    [doc],
  );
  const neighbours = useMemo(() => neighboursOf(doc, store.byId.values()), [doc, store]);

  return (
    <div className="reader" ref={container} onClick={onLinkClick} onAuxClick={onLinkClick}>
      <header className="reader__header">
        <p className="reader__type">{typeLabel(doc.type, 'one')}</p>
        <DocumentOrigin id={doc.id} collection={collection} />
        <Page title={stripEnglishSpans(doc.title)} lang={docLang}>
          <p className="lead reader__summary" lang={docLang}>
            <ContentText text={doc.summary} />
          </p>
          <DocumentFacts doc={doc} vocabulary={vocabulary} />
          <p className="reader__updated">
            {t('updated', { date: formatPartialDate(doc.updated) })}
          </p>
          <div className="reader__actions">
            <PrintActions
              suggestedName={`${doc.id}.pdf`}
              className="reader-actions"
              printClassName="button button--secondary"
              statusClassName="reader-actions__status"
            />
            {PLANNABLE_TYPES.has(doc.type) && (
              <AddToPlan
                doc={{ id: doc.id, title: doc.title, summary: doc.summary }}
                size="regular"
              />
            )}
          </div>
        </Page>
      </header>
      <div className="reader__aside">
        <div className="reader__aside-inner">
          <TableOfContents
            docId={doc.id}
            headings={headings}
            lang={bodyLang}
            current={current}
            onGo={goToSection}
          />
          {/* The annotations margin (its own feature): it only reads the sanitised body. */}
          <ReaderAnnotations article={body} doc={annotated} ready={ready} />
        </div>
      </div>
      <article className="reader__article" aria-label={stripEnglishSpans(doc.title)}>
        {bodyLanguage !== contentLanguageOf(doc) && (
          <p className="callout reader__body-language">{t('bodyInEnglish')}</p>
        )}
        {outcome.ok ? (
          <div
            ref={body}
            lang={bodyLang}
            className="reader-body"
            // The only HTML inserted as is: the output of the Markdown pipeline, whose last step
            // is DOMPurify with the strict configuration. Nothing edits it after sanitising.
            dangerouslySetInnerHTML={{ __html: outcome.rendered.html }}
          />
        ) : (
          <div className="callout callout--warning" role="alert">
            <p className="callout__title">{t('cannotShow')}</p>
            <p>{outcome.message}</p>
          </div>
        )}
        <SourcesList sources={doc.sources} />
        <DocumentLinks title={t('related')} id="related" ids={doc.related} byId={store.byId} />
        <DocumentLinks
          title={t('backlinks')}
          id="backlinks"
          ids={doc.backlinks}
          byId={store.byId}
        />
        <SequenceNav neighbours={neighbours} />
      </article>
      <GlossaryTooltip
        shown={tooltip.shown}
        onPointerEnter={tooltip.keepOpen}
        onPointerLeave={tooltip.hideSoon}
      />
      <Announcer message={message} />
    </div>
  );
}
