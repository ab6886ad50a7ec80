import { useTranslation } from 'react-i18next';
import type { OwnSource } from '../../core/ownDocuments/schema';
import { TextField } from '../common/fields/TextField';

export interface SourcesFieldProps {
  value: readonly OwnSource[];
  onChange: (sources: OwnSource[]) => void;
  error?: string;
}

/** "Sources (optional)": a title and a web address each, added and removed one at a time. */
export function SourcesField({ value, onChange, error }: SourcesFieldProps) {
  const { t } = useTranslation('own');
  const change = (index: number, patch: Partial<OwnSource>) =>
    onChange(value.map((source, i) => (i === index ? { ...source, ...patch } : source)));
  return (
    <fieldset className="own-sources">
      <legend>{t('editor.sources')}</legend>
      <p className="hint">{t('editor.sourcesHint')}</p>
      {error ? <p className="field-error">{error}</p> : null}
      {value.map((source, index) => {
        const number = index + 1;
        return (
          // Sources have no ids of their own; their place is what the fields are labelled by.
          <div key={index} className="own-source">
            <TextField
              label={t('editor.sourceTitle', { number })}
              value={source.title}
              onChange={(event) => change(index, { title: event.target.value })}
            />
            <TextField
              label={t('editor.sourceUrl', { number })}
              type="url"
              value={source.url}
              onChange={(event) => change(index, { url: event.target.value })}
            />
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              {t('editor.removeSource', { number })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...value, { title: '', url: '' }])}
      >
        {t('editor.addSource')}
      </button>
    </fieldset>
  );
}
