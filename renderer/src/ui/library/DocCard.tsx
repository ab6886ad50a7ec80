import { useTranslation } from 'react-i18next';
import type { CatalogEntry } from '../../core/content/model';
import type { Vocabulary } from '../../core/content/vocabulary';
import { routeHref } from '../../core/routing/hashRoutes';
import { formatNumber } from '../common/i18n/format';
import { t } from '../common/i18n/i18n';
import type { CollectionInfo } from '../content/contentData';
import { typeLabel } from '../content/contentLabels';
import { ContentText, useLangMark } from '../content/ContentText';
import { contentLanguageOf } from '../content/languageOverlay';

/** "Lower-tier municipality · South-western Ontario · Population 17,262 (2016 census)". */
export function municipalityFacts(
  municipality: NonNullable<CatalogEntry['municipality']>,
  vocabulary: Vocabulary,
): string {
  const { population, censusYear } = municipality;
  const populationText =
    population === undefined
      ? t('library:card.populationUnknown')
      : censusYear === undefined
        ? t('library:card.population', { population: formatNumber(population) })
        : t('library:card.populationCensus', {
            population: formatNumber(population),
            year: String(censusYear),
          });
  return [
    vocabulary.tiers[municipality.tier] ?? municipality.tier,
    vocabulary.regions[municipality.region] ?? municipality.region,
    populationText,
  ].join(' · ');
}

export interface DocCardProps {
  entry: CatalogEntry;
  vocabulary: Vocabulary;
  /** The content pack the document comes from; none for the bundled library's own. */
  pack?: CollectionInfo;
}

/**
 * One document in the library: title link, type, summary, a case study's municipality, and the
 * content pack it comes from, so a pack's document is never taken for the bundled library's.
 */
export function DocCard({ entry, vocabulary, pack }: DocCardProps) {
  const { t } = useTranslation('library');
  // An entry with no version in the interface's language (a content pack's, in French) is marked.
  const lang = useLangMark()(contentLanguageOf(entry));
  const topics = entry.topics.map((topic) => vocabulary.topics[topic] ?? topic).join(', ');
  return (
    <article className="doc-card">
      <h3 className="doc-card__title" lang={lang}>
        <a href={routeHref('doc', entry.id)}>
          <ContentText text={entry.title} />
        </a>
      </h3>
      <p className="doc-card__meta">
        <span className="doc-card__type">{typeLabel(entry.type, 'one')}</span>
        {entry.municipality && <> · {entry.municipality.name}</>}
        {entry.years && <> · {entry.years}</>}
      </p>
      {pack && <p className="doc-card__source">{t('card.fromPack', { title: pack.title })}</p>}
      <p className="doc-card__summary" lang={lang}>
        <ContentText text={entry.summary} />
      </p>
      {entry.municipality && (
        <p className="doc-card__facts">{municipalityFacts(entry.municipality, vocabulary)}</p>
      )}
      {topics !== '' && <p className="doc-card__topics">{t('card.topics', { topics })}</p>}
    </article>
  );
}
