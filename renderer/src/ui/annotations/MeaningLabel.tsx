import { useTranslation } from 'react-i18next';
import type { Meaning } from '../../core/annotations';

/** The meaning of a highlight as text, beside a swatch of its colour (never colour alone). */
export function MeaningLabel({ meaning }: { meaning: Meaning }) {
  const { t } = useTranslation('annotations');
  return (
    <span className={`anno-meaning anno-meaning--${meaning}`}>
      <span className="anno-meaning__swatch" aria-hidden="true" />
      {t(`meaning.${meaning}`)}
    </span>
  );
}
