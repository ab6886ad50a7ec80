import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, MATURITY_LEVELS } from '../../../core/planner/assessment/dimensions';
import {
  dimensionLabel,
  dimensionQuestion,
  levelDescription,
  levelName,
} from '../../planner/plannerLabels';
import { formatNumber } from '../../common/i18n/format';

/**
 * The digital maturity self-assessment on paper: each of the eight dimensions with its five
 * levels described, and a tick box per level. On screen the boxes are real checkboxes, labelled
 * for screen readers; printed, they are boxes to tick by hand.
 */
export function MaturityWorksheet() {
  const { t } = useTranslation('workshops');
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="handout__section handout__worksheet">
      <h2 id={`${id}-h`}>{t('worksheet.heading')}</h2>
      <p>{t('worksheet.intro')}</p>
      {DIMENSIONS.map((dimension, d) => (
        <fieldset key={dimension.id} className="worksheet-dim">
          <legend>
            <span className="worksheet-dim__name">
              {t('worksheet.dimension', {
                number: formatNumber(d + 1),
                label: dimensionLabel(dimension.id),
              })}
            </span>{' '}
            <span className="worksheet-dim__question">{dimensionQuestion(dimension.id)}</span>
          </legend>
          <ul className="worksheet-levels">
            {MATURITY_LEVELS.map((level) => {
              const inputId = `${id}-${dimension.id}-${level}`;
              return (
                <li key={level} className="worksheet-level">
                  <input id={inputId} type="checkbox" className="worksheet-level__box" />
                  <label htmlFor={inputId}>
                    <strong>
                      {t('worksheet.level', {
                        level: formatNumber(level),
                        name: levelName(level),
                      })}
                    </strong>{' '}
                    {levelDescription(dimension.id, level)}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </section>
  );
}
