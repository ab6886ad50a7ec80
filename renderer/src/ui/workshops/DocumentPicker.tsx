import { useState } from 'react';
import type { CatalogFile } from '../../core/content/model';
import type { DocId } from '../../core/content/ids';
import { USER_LIMITS } from '../../core/workshops/schema';
import { routeHref } from '../shell/routes';
import type { DocumentsById } from './workshopModel';

export interface DocumentPickerProps {
  idPrefix: string;
  blockTitle: string;
  linked: readonly DocId[];
  catalog: CatalogFile;
  documents: DocumentsById;
  /** Applies a new list; returns what went wrong, or null. */
  onChange: (next: DocId[]) => string | null;
}

/** Names of document types, for the groups of the picker. */
const TYPE_GROUPS: ReadonlyArray<{ type: string; label: string }> = [
  { type: 'about', label: 'About' },
  { type: 'recommendation', label: 'Recommendations' },
  { type: 'key-issue', label: 'Key issues' },
  { type: 'opportunity', label: 'Opportunities' },
  { type: 'guide-step', label: 'How-to guide' },
  { type: 'case-study', label: 'Case studies' },
  { type: 'glossary', label: 'Glossary' },
];

/** The documents a block presents: links to them, Remove, and a picker over the catalog. */
export function DocumentPicker({
  idPrefix,
  blockTitle,
  linked,
  catalog,
  documents,
  onChange,
}: DocumentPickerProps) {
  const [choice, setChoice] = useState('');
  const [error, setError] = useState('');
  const full = linked.length >= USER_LIMITS.documents;

  const add = () => {
    const entry = catalog.entries.find((e) => e.id === choice);
    if (!entry) {
      setError('Choose a document to add.');
      return;
    }
    setError(onChange([...linked, entry.id]) ?? '');
    setChoice('');
  };

  return (
    <div className="ws-docs">
      <h4 id={`${idPrefix}-docs`}>Linked documents</h4>
      {linked.length === 0 ? (
        <p>No documents yet: slides come from the documents you link here.</p>
      ) : (
        <ul aria-labelledby={`${idPrefix}-docs`} className="ws-docs__list">
          {linked.map((docId) => {
            const title = documents.get(docId)?.title ?? `Missing document (${docId})`;
            return (
              <li key={docId}>
                <a href={routeHref('doc', docId)}>{title}</a>{' '}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={`Remove ${title} from ${blockTitle}`}
                  onClick={() => setError(onChange(linked.filter((d) => d !== docId)) ?? '')}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="ws-field ws-field--inline">
        <label htmlFor={`${idPrefix}-pick`}>Add a document</label>
        <select
          id={`${idPrefix}-pick`}
          className="ontario-input ws-select"
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
          disabled={full}
        >
          <option value="">Choose a document…</option>
          {TYPE_GROUPS.map((group) => (
            <optgroup key={group.type} label={group.label}>
              {catalog.entries
                .filter((e) => e.type === group.type && !linked.includes(e.id))
                .map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.title}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={add}
          disabled={full}
        >
          Add document
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
