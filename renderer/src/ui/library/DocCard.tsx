import type { CatalogEntry } from '../../core/content/model';
import { TYPE_LABELS } from '../../core/content/types';
import type { Vocabulary } from '../../core/content/vocabulary';
import { routeHref } from '../../core/routing/hashRoutes';

const NUMBER = new Intl.NumberFormat('en-CA');

/** "Lower-tier municipality · South-western Ontario · Population 17,262 (2016 census)". */
export function municipalityFacts(
  municipality: NonNullable<CatalogEntry['municipality']>,
  vocabulary: Vocabulary,
): string {
  const population =
    municipality.population === undefined
      ? 'Population not given in our sources'
      : `Population ${NUMBER.format(municipality.population)}${
          municipality.censusYear === undefined ? '' : ` (${municipality.censusYear} census)`
        }`;
  return [
    vocabulary.tiers[municipality.tier] ?? municipality.tier,
    vocabulary.regions[municipality.region] ?? municipality.region,
    population,
  ].join(' · ');
}

export interface DocCardProps {
  entry: CatalogEntry;
  vocabulary: Vocabulary;
}

/** One document in the library: title link, type, summary, and a case study's municipality. */
export function DocCard({ entry, vocabulary }: DocCardProps) {
  const topics = entry.topics.map((topic) => vocabulary.topics[topic] ?? topic).join(', ');
  return (
    <article className="doc-card">
      <h3 className="doc-card__title">
        <a href={routeHref('doc', entry.id)}>{entry.title}</a>
      </h3>
      <p className="doc-card__meta">
        <span className="doc-card__type">{TYPE_LABELS[entry.type].one}</span>
        {entry.municipality && <> · {entry.municipality.name}</>}
        {entry.years && <> · {entry.years}</>}
      </p>
      <p className="doc-card__summary">{entry.summary}</p>
      {entry.municipality && (
        <p className="doc-card__facts">{municipalityFacts(entry.municipality, vocabulary)}</p>
      )}
      {topics !== '' && <p className="doc-card__topics">Topics: {topics}</p>}
    </article>
  );
}
