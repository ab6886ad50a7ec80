import type { ReactNode } from 'react';
import type { ContentDocument } from '../../core/content/model';
import type { Vocabulary } from '../../core/content/vocabulary';
import { routeHref } from '../../core/routing/hashRoutes';
import { formatCount } from './labels';

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
  if (doc.type === 'case-study') return <MunicipalityFacts doc={doc} vocabulary={vocabulary} />;
  if (doc.type === 'guide-step') {
    return (
      <Facts>
        <Fact term="Step">{doc.step}</Fact>
        <Fact term="Time required">{doc.timeRequired}</Fact>
        <Fact term="Who is involved">{doc.involved.join(', ')}</Fact>
      </Facts>
    );
  }
  if (doc.type === 'workshop') {
    const minutes = doc.blocks.reduce((sum, block) => sum + block.minutes, 0);
    return (
      <Facts>
        <Fact term="Audience">{doc.audience}</Fact>
        <Fact term="Length">
          {minutes} minutes in {doc.blocks.length} blocks (the agenda is on the{' '}
          <a href={routeHref('workshops')}>Workshops</a> page)
        </Fact>
      </Facts>
    );
  }
  return null;
}

function MunicipalityFacts({ doc, vocabulary }: { doc: CaseStudy; vocabulary: Vocabulary }) {
  const m = doc.municipality;
  const unconfirmed = new Set(m.unconfirmed ?? []);
  const tier = vocabulary.tiers[m.tier] ?? m.tier;
  const region = vocabulary.regions[m.region] ?? m.region;
  return (
    <Facts>
      <Fact term="Municipality">{m.name}</Fact>
      <Fact term="Tier">
        {tier}
        {unconfirmed.has('tier') && <Unconfirmed />}
      </Fact>
      <Fact term="Region">
        {region}
        {unconfirmed.has('region') && <Unconfirmed />}
      </Fact>
      <Fact term="Population">
        {m.population === undefined
          ? 'Population not given in our sources'
          : `${formatCount(m.population)} (${m.censusYear ?? 'census year not given'} census)`}
      </Fact>
      {doc.years !== undefined && <Fact term="When">{doc.years}</Fact>}
    </Facts>
  );
}

/** Said in words, not only by styling, so it reaches every reader and every printout. */
function Unconfirmed() {
  return <span className="reader-unconfirmed"> (not confirmed by our sources)</span>;
}

function Facts({ children }: { children: ReactNode }) {
  return <dl className="facts reader-facts">{children}</dl>;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
