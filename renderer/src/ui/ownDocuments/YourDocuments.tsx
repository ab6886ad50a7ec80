import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnDocument } from '../../core/ownDocuments/schema';
import { OWN_DOCUMENTS_PACK_ID } from '../../core/packs/packStorage';
import { packDocumentId } from '../../core/packs/packDocuments';
import { routeHref } from '../../core/routing/hashRoutes';
import { compareText, formatDate } from '../common/i18n/format';
import { ExportPackForm } from './ExportPackForm';
import { useOwnDocuments } from './useOwnDocuments';
import { useBundledContext } from './useBundledContext';
import { draftOf } from './ownDrafts';
import { useOwnLibraryProblem } from './useOwnLibraryProblem';
import type { OwnDocumentsSession } from './ownDocumentsSession';
import { ShareOwnDocument } from './ShareOwnDocument';
import './ownDocuments.css';

/**
 * The Library's "Your documents" section: a button "New document", the documents the user wrote
 * (read from their store, so one the library could not build still shows here for its writer to
 * fix, and when the whole collection could not be built an alert says why), each with links to
 * read and edit it, and selection checkboxes to export some as a content pack. Takes no props: it
 * reads the own-documents store of this window's host.
 */
export function YourDocuments() {
  const { t } = useTranslation('own');
  const id = useId();
  const state = useOwnDocuments();
  const context = useBundledContext();
  const notInLibrary = useOwnLibraryProblem();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState('');

  const documents =
    state.status === 'ready'
      ? [...state.snapshot.db.documents].sort((a, b) => compareText(a.title, b.title))
      : [];
  const chosen = documents.filter((doc) => selected.has(doc.id));

  const toggle = (docId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(docId);
    else next.delete(docId);
    setSelected(next);
    setNotice('');
  };

  const openExport = () => {
    if (chosen.length === 0) {
      setNotice(t('export.noneSelected'));
      return;
    }
    setNotice('');
    setExporting(true);
  };

  return (
    <section aria-labelledby={id} className="library-section your-documents">
      <h2 id={id} className="library-section__title">
        {t('list.title')}
      </h2>
      <p>{t('list.intro')}</p>
      <div className="your-documents__actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            window.location.hash = routeHref('own', 'new');
          }}
        >
          {t('list.new')}
        </button>
        {documents.length > 0 && (
          <button type="button" className="button button--secondary" onClick={openExport}>
            {t('export.open')}
          </button>
        )}
      </div>
      {notice && (
        <p role="alert" className="field-error">
          {notice}
        </p>
      )}
      {/* While the store loads (a few milliseconds, from this computer) nothing is said: a
          status here would be announced with, and mistaken for, the Library's own count. */}
      {state.status === 'error' && (
        <p role="alert" className="callout callout--warning">
          {t('list.loadFailed', { reason: state.message })}
        </p>
      )}
      {/* The collection could not be built: the documents are listed here (from the store) but
          are missing from the Library's lists and search, and the writer is told why. (When the
          store itself cannot be read, the alert above says so already.) */}
      {state.status !== 'error' && notInLibrary && (
        <p role="alert" className="callout callout--warning">
          {notInLibrary}
        </p>
      )}
      {state.status === 'ready' && documents.length === 0 && <p>{t('list.empty')}</p>}
      {documents.length > 0 && (
        <ul className="your-documents__list">
          {documents.map((doc) => (
            <DocumentRow
              key={doc.id}
              doc={doc}
              selected={selected.has(doc.id)}
              onSelect={(on) => toggle(doc.id, on)}
              session={state.status === 'ready' ? state.session : null}
            />
          ))}
        </ul>
      )}
      {exporting && chosen.length > 0 && context.status === 'ready' && (
        <ExportPackForm
          documents={chosen}
          vocabulary={context.value.vocabulary}
          onClose={() => setExporting(false)}
        />
      )}
    </section>
  );
}

interface DocumentRowProps {
  doc: OwnDocument;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  session: OwnDocumentsSession | null;
}

function DocumentRow({ doc, selected, onSelect, session }: DocumentRowProps) {
  const { t } = useTranslation('own');
  const titleId = useId();
  return (
    <li className="your-documents__item">
      <input
        type="checkbox"
        checked={selected}
        aria-label={t('list.select', { title: doc.title })}
        onChange={(event) => onSelect(event.target.checked)}
      />
      <span className="your-documents__title" id={titleId}>
        {doc.title}
      </span>
      <span className="your-documents__updated">
        {t('list.updated', { date: formatDate(doc.updated) })}
      </span>
      {/* A draft left in the editor (kept for this window): say so where the writer looks. */}
      {draftOf(doc.id) && <span className="your-documents__draft">{t('list.unsaved')}</span>}
      <a
        href={routeHref('doc', packDocumentId(OWN_DOCUMENTS_PACK_ID, doc.id))}
        aria-label={t('list.readLabel', { title: doc.title })}
      >
        {t('list.read')}
      </a>
      <a href={routeHref('own', doc.id)} aria-label={t('list.editLabel', { title: doc.title })}>
        {t('list.edit')}
      </a>
      {session && <ShareOwnDocument doc={doc} session={session} describedBy={titleId} />}
    </li>
  );
}
