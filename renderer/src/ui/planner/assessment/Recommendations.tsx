import type { CatalogEntry } from '../../../core/content/model';
import { LEVEL_NAMES } from '../../../core/planner/assessment/dimensions';
import { recommendFor } from '../../../core/planner/assessment/recommend';
import type { AssessmentAnswers } from '../../../core/planner/schema';
import { useCatalog } from '../../content/useContent';
import { routeHref } from '../../../core/routing/hashRoutes';
import { AddToPlan } from '../AddToPlan';

/** Guide steps and case studies for the weakest dimensions, each with "Add to plan". */
export function Recommendations({ answers }: { answers: AssessmentAnswers }) {
  const catalog = useCatalog();
  if (catalog.status === 'loading') return <p role="status">Loading recommendations…</p>;
  if (catalog.status === 'error') {
    return (
      <p role="alert">
        The library could not be loaded, so there are no recommendations: {catalog.message}
      </p>
    );
  }
  const groups = recommendFor(answers, catalog.value.entries);
  if (groups.length === 0) {
    return <p>Every dimension is at level 5. Share what you have learned with your neighbours.</p>;
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
            {group.label}{' '}
            <span className="planner-muted">
              (level {group.level}: {LEVEL_NAMES[group.level]})
            </span>
          </h3>
          <RecommendationList title="Guide steps" entries={group.guideSteps} />
          <RecommendationList title="Case studies" entries={group.caseStudies} />
        </section>
      ))}
    </div>
  );
}

function RecommendationList({ title, entries }: { title: string; entries: CatalogEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul className="recommendations__list">
        {entries.map((entry) => (
          <li key={entry.id} className="recommendations__item">
            <div>
              <a href={routeHref('doc', entry.id)}>{entry.title}</a>
              <p className="planner-muted recommendations__summary">{entry.summary}</p>
            </div>
            <AddToPlan doc={{ id: entry.id, title: entry.title, summary: entry.summary }} />
          </li>
        ))}
      </ul>
    </>
  );
}
