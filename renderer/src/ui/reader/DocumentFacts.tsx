import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ContentDocument } from '../../core/content/model';
import type { Vocabulary } from '../../core/content/vocabulary';
import { routeHref } from '../../core/routing/hashRoutes';
import { formatNumber } from '../common/i18n/format';
import { Fact } from '../common/Fact';

type CaseStudy = Extract<ContentDocument, { type: 'case-study' }>;

/**
 * The facts shown under a document's summary: the municipality for a case study, time and people
 * for a guide step, audience and length for a workshop. Nothing for other types.
 */
export function DocumentFacts({
  doc,
  vocabulary,
}: {
  doc: ContentDocument;
  vocabulary: Vocabulary;
}) {
  const { t } = useTranslation('reader');
  if (doc.type === 'case-study') return <MunicipalityFacts doc={doc} vocabulary={vocabulary} />;
  if (doc.type === 'guide-step') {
    return (
      <Facts>
        <Fact term={t('facts.step')}>{doc.step}</Fact>
        <Fact term={t('facts.timeRequired')}>{doc.timeRequired}</Fact>
        <Fact term={t('facts.involved')}>{doc.involved.join(', ')}</Fact>
      </Facts>
    );
  }
  if (doc.type === 'workshop') {
    const minutes = doc.blocks.reduce((sum, block) => sum + block.minutes, 0);
    return (
      <Facts>
        <Fact term={t('facts.audience')}>{doc.audience}</Fact>
        <Fact term={t('facts.length')}>
          <Trans
            t={t}
            i18nKey="facts.lengthValue"
            values={{ minutes: formatNumber(minutes), blocks: formatNumber(doc.blocks.length) }}
            components={{ a: <a href={routeHref('workshops')} /> }}
          />
        </Fact>
      </Facts>
    );
  }
  return null;
}

function MunicipalityFacts({ doc, vocabulary }: { doc: CaseStudy; vocabulary: Vocabulary }) {
  const { t } = useTranslation('reader');
  const m = doc.municipality;
  const unconfirmed = new Set(m.unconfirmed ?? []);
  const tier = vocabulary.tiers[m.tier] ?? m.tier;
  const region = vocabulary.regions[m.region] ?? m.region;
  return (
    <Facts>
      <Fact term={t('facts.municipality')}>{m.name}</Fact>
      <Fact term={t('facts.tier')}>
        {tier}
        {unconfirmed.has('tier') && <Unconfirmed />}
      </Fact>
      <Fact term={t('facts.region')}>
        {region}
        {unconfirmed.has('region') && <Unconfirmed />}
      </Fact>
      <Fact term={t('facts.population')}>
        {m.population === undefined
          ? t('facts.populationUnknown')
          : m.censusYear === undefined
            ? formatNumber(m.population)
            : t('facts.populationValue', {
                population: formatNumber(m.population),
                year: String(m.censusYear),
              })}
      </Fact>
      {doc.years !== undefined && <Fact term={t('facts.when')}>{doc.years}</Fact>}
    </Facts>
  );
}

/** Said in words, not only by styling, so it reaches every reader and every printout. */
function Unconfirmed() {
  const { t } = useTranslation('reader');
  return <span className="reader-unconfirmed"> {t('facts.unconfirmed')}</span>;
}

function Facts({ children }: { children: ReactNode }) {
  return <dl className="facts reader-facts">{children}</dl>;
}
