import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { DocId } from '../../../core/content/ids';
import type { DocType } from '../../../core/content/types';
import { DocumentSelect } from '../../common/DocumentSelect';
import { useCatalog } from '../../content/useContent';
import { routeHref } from '../../../core/routing/hashRoutes';

export interface DocLinksProps {
  linked: readonly DocId[];
  onChange: (next: DocId[]) => void;
  /** The field's visible name, e.g. "Linked documents". */
  label: string;
}

const LINKABLE: readonly DocType[] = [
  'recommendation',
  'guide-step',
  'case-study',
  'key-issue',
  'opportunity',
  // Own documents and those of content packs (issue 15): a township's own policy is as much a
  // reason for a task as a case study.
  'local-document',
];

/** Documents linked to a plan or task: each opens in the Reader; more are picked from the library. */
export function DocLinks({ linked, onChange, label }: DocLinksProps) {
  const { t } = useTranslation('plan');
  const id = useId();
  const catalog = useCatalog();
  const [choice, setChoice] = useState('');
  const entries = catalog.status === 'ready' ? catalog.value.entries : [];
  // A link to a document no longer in the library (its content pack removed) is kept, and says so.
  const titleOf = (docId: string) =>
    entries.find((e) => e.id === docId)?.title ??
    (catalog.status === 'ready' ? t('docLinks.missing', { id: docId }) : docId);

  return (
    <fieldset className="doc-links">
      <legend>{label}</legend>
      {linked.length === 0 ? (
        <p className="planner-muted">{t('docLinks.none')}</p>
      ) : (
        <ul className="doc-links__list">
          {linked.map((docId) => (
            <li key={docId}>
              <a href={routeHref('doc', docId)}>{titleOf(docId)}</a>{' '}
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => onChange(linked.filter((d) => d !== docId))}
              >
                <Trans
                  t={t}
                  i18nKey="docLinks.remove"
                  values={{ title: titleOf(docId) }}
                  components={{ sr: <span className="ontario-show-for-sr" /> }}
                />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="doc-links__add">
        <DocumentSelect
          id={`${id}-pick`}
          label={t('docLinks.pick')}
          entries={entries}
          types={LINKABLE}
          chosen={linked}
          value={choice}
          onChange={setChoice}
        />
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={choice === ''}
          onClick={() => {
            onChange([...linked, choice as DocId]);
            setChoice('');
          }}
        >
          {t('docLinks.link')}
        </button>
      </div>
    </fieldset>
  );
}
