import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogFile } from '../../../core/content/model';
import type { DocId } from '../../../core/content/ids';
import { DOC_TYPES, type DocType } from '../../../core/content/types';
import { USER_LIMITS } from '../../../core/workshops/schema';
import { DocumentSelect } from '../../common/DocumentSelect';
import { routeHref } from '../../../core/routing/hashRoutes';
import type { DocumentsById } from '../../../core/workshops/workshopModel';

export interface DocumentPickerProps {
  idPrefix: string;
  blockTitle: string;
  linked: readonly DocId[];
  catalog: CatalogFile;
  documents: DocumentsById;
  /** Applies a new list; returns what went wrong, or null. */
  onChange: (next: DocId[]) => string | null;
}

/** Every type a block can present: all but workshops themselves, in library order. */
const PICKABLE: readonly DocType[] = DOC_TYPES.filter((type) => type !== 'workshop');

/** The documents a block presents: links to them, Remove, and a picker over the catalog. */
export function DocumentPicker({
  idPrefix,
  blockTitle,
  linked,
  catalog,
  documents,
  onChange,
}: DocumentPickerProps) {
  const { t } = useTranslation('workshops');
  const [choice, setChoice] = useState('');
  const [error, setError] = useState('');
  const full = linked.length >= USER_LIMITS.documents;

  const add = () => {
    const entry = catalog.entries.find((e) => e.id === choice);
    if (!entry) {
      setError(t('documents.chooseFirst'));
      return;
    }
    setError(onChange([...linked, entry.id]) ?? '');
    setChoice('');
  };

  return (
    <div className="ws-docs">
      <h4 id={`${idPrefix}-docs`}>{t('documents.heading')}</h4>
      {linked.length === 0 ? (
        <p>{t('documents.none')}</p>
      ) : (
        <ul aria-labelledby={`${idPrefix}-docs`} className="ws-docs__list">
          {linked.map((docId) => {
            const title = documents.get(docId)?.title ?? t('documents.missing', { id: docId });
            return (
              <li key={docId}>
                <a href={routeHref('doc', docId)}>{title}</a>{' '}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('documents.removeFrom', { document: title, block: blockTitle })}
                  onClick={() => setError(onChange(linked.filter((d) => d !== docId)) ?? '')}
                >
                  {t('documents.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="ws-field ws-field--inline">
        <DocumentSelect
          id={`${idPrefix}-pick`}
          label={t('documents.add')}
          entries={catalog.entries}
          types={PICKABLE}
          chosen={linked}
          value={choice}
          onChange={setChoice}
          className="ws-select"
          disabled={full}
        />
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={add}
          disabled={full}
        >
          {t('documents.addButton')}
        </button>
      </div>
      {error && (
        <p role="alert" className="ws-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
