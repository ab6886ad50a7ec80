import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vocabulary } from '../../core/content/vocabulary';
import { compareText } from '../common/i18n/format';

export interface TopicsFieldProps {
  vocabulary: Vocabulary;
  value: readonly string[];
  onChange: (topics: string[]) => void;
  error?: string;
}

/** "Topics": a checkbox for each topic of the controlled vocabulary, in alphabetical order. */
export function TopicsField({ vocabulary, value, onChange, error }: TopicsFieldProps) {
  const { t } = useTranslation('own');
  const id = useId();
  const topics = Object.entries(vocabulary.topics).sort(([, a], [, b]) => compareText(a, b));
  const toggle = (topic: string, checked: boolean) =>
    // Kept in vocabulary order (as the bundled library lists topics), whatever the click order.
    onChange(
      Object.keys(vocabulary.topics).filter((candidate) =>
        candidate === topic ? checked : value.includes(candidate),
      ),
    );
  return (
    <fieldset
      className="own-topics"
      aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
    >
      <legend>{t('editor.topics')}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t('editor.topicsHint')}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <ul className="own-topics__list">
        {topics.map(([topic, label]) => (
          <li key={topic}>
            <label className="own-check">
              <input
                type="checkbox"
                checked={value.includes(topic)}
                aria-invalid={error ? true : undefined}
                onChange={(event) => toggle(topic, event.target.checked)}
              />{' '}
              {label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
