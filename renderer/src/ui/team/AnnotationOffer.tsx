import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../common/i18n/format';
import { wordError } from '../common/i18n/wordMessage';
import type { TeamSession } from './teamSession';

/** Annotations listed in the preview; the rest are counted. */
const SHOWN = 10;

/**
 * On joining, annotations made before are shared only once the user has seen them: a preview
 * with "Share these annotations" and "Not now" (they then stay private).
 */
export function AnnotationOffer({ session }: { session: TeamSession }) {
  const { t } = useTranslation('team');
  const offered = useMemo(() => session.annotationsToOffer(), [session]);
  const [problem, setProblem] = useState('');
  const answer = (share: boolean) => {
    session.answerAnnotationOffer(share).catch((error: unknown) => setProblem(wordError(error)));
  };
  const more = offered.length - SHOWN;
  return (
    <section aria-labelledby="team-offer-heading" className="team-offer planner-card">
      <h3 id="team-offer-heading">{t('preview.heading')}</h3>
      <p>{t('preview.intro', { count: offered.length, shown: formatNumber(offered.length) })}</p>
      <ul>
        {offered.slice(0, SHOWN).map((annotation) => (
          <li key={annotation.id}>
            <q>{annotation.quote}</q>
            {annotation.note && <span className="team-muted"> {annotation.note}</span>}
          </li>
        ))}
        {more > 0 && <li>{t('preview.more', { count: more, shown: formatNumber(more) })}</li>}
      </ul>
      <p className="team-offer__actions">
        <button type="button" className="button" onClick={() => answer(true)}>
          {t('preview.share')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => answer(false)}>
          {t('preview.notNow')}
        </button>
      </p>
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
