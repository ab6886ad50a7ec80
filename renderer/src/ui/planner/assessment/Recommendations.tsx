import { useTranslation } from 'react-i18next';
import type { CatalogEntry } from '../../../core/content/model';
import { recommendFor } from '../../../core/planner/assessment/recommend';
import type { AssessmentAnswers } from '../../../core/planner/schema';
import { useCatalog } from '../../content/useContent';
import { routeHref } from '../../../core/routing/hashRoutes';
import { compareText } from '../../common/i18n/format';
import { ContentText, useLangMark } from '../../content/ContentText';
import { contentLanguageOf } from '../../content/languageOverlay';
import { AddToPlan } from '../AddToPlan';
import { dimensionLabel, levelName } from '../plannerLabels';

/** Guide steps and case studies for the weakest dimensions, each with "Add to plan". */
export function Recommendations({ answers }: { answers: AssessmentAnswers }) {
  const { t } = useTranslation('planner');
  const catalog = useCatalog();
  if (catalog.status === 'loading') return <p role="status">{t('recommendations.loading')}</p>;
  if (catalog.status === 'error') {
    return <p role="alert">{t('recommendations.failed', { reason: catalog.message })}</p>;
  }
  const groups = recommendFor(answers, catalog.value.entries, { compareTitles: compareText });
  if (groups.length === 0) {
    return <p>{t('recommendations.allLeading')}</p>;
  }
  return (
    <div className="recommendations">
      {groups.map((group) => (
        <section
          key={group.dimension}
          className="recommendations__group"
          aria-labelledby={`rec-${group.dimension}`}
        >
          <h3 id={`rec-${group.dimension}`}>
            {dimensionLabel(group.dimension)}{' '}
            <span className="planner-muted">
              {t('recommendations.level', { level: group.level, name: levelName(group.level) })}
            </span>
          </h3>
          <RecommendationList title={t('recommendations.guideSteps')} entries={group.guideSteps} />
          <RecommendationList
            title={t('recommendations.caseStudies')}
            entries={group.caseStudies}
          />
        </section>
      ))}
    </div>
  );
}

function RecommendationList({ title, entries }: { title: string; entries: CatalogEntry[] }) {
  const mark = useLangMark();
  if (entries.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul className="recommendations__list">
        {entries.map((entry) => (
          <li key={entry.id} className="recommendations__item">
            {/* Content: its English parts (a pack's entry, a quotation) carry their `lang`. */}
            <div lang={mark(contentLanguageOf(entry))}>
              <a href={routeHref('doc', entry.id)}>
                <ContentText text={entry.title} />
              </a>
              <p className="planner-muted recommendations__summary">
                <ContentText text={entry.summary} />
              </p>
            </div>
            <AddToPlan doc={{ id: entry.id, title: entry.title, summary: entry.summary }} />
          </li>
        ))}
      </ul>
    </>
  );
}
