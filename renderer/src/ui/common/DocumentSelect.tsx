import { useTranslation } from 'react-i18next';
import type { DocId } from '../../core/content/ids';
import type { CatalogEntry } from '../../core/content/model';
import { TYPE_KEYS, type DocType } from '../../core/content/types';

export interface DocumentSelectProps {
  /** The select's id; its label points at it. */
  id: string;
  /** The visible label, which is also the select's accessible name, e.g. "Link a document". */
  label: string;
  /** The documents to choose from (the catalog's entries). */
  entries: readonly CatalogEntry[];
  /** The types offered, one group each, in this order; documents of other types are left out. */
  types: readonly DocType[];
  /** Documents already chosen: they are not offered again. */
  chosen: readonly DocId[];
  /** The chosen document's id, or '' while none is chosen. */
  value: string;
  onChange: (value: string) => void;
  /** Classes beside `ontario-input`. */
  className?: string;
  disabled?: boolean;
}

/**
 * A labelled drop-down for picking one document from the library, grouped by type under the
 * types' plural names, that leaves out what is already chosen. The caller's button adds the
 * choice: choosing alone changes nothing, so moving through the list with the keyboard is safe.
 */
export function DocumentSelect({
  id,
  label,
  entries,
  types,
  chosen,
  value,
  onChange,
  className,
  disabled,
}: DocumentSelectProps) {
  const { t } = useTranslation(['common', 'content']);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className={className === undefined ? 'ontario-input' : `ontario-input ${className}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
      >
        <option value="">{t('documentSelect.placeholder')}</option>
        {/* A type the library holds nothing of (local documents, until one is written) gets no
            empty group. */}
        {types
          .filter((type) => entries.some((entry) => entry.type === type))
          .map((type) => (
            <optgroup key={type} label={t(`content:type.${TYPE_KEYS[type]}.many`)}>
              {entries
                .filter((entry) => entry.type === type && !chosen.includes(entry.id))
                .map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entry.title}
                  </option>
                ))}
            </optgroup>
          ))}
      </select>
    </>
  );
}
