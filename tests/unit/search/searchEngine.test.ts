import { describe, expect, it } from 'vitest';
import { englishAnalyzer } from '../../../renderer/src/core/search/analyzer';
import { matchPositions } from '../../../renderer/src/core/search/highlight';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import type { SegmentFragments } from '../../../renderer/src/core/search/layout/format';
import { Segment } from '../../../renderer/src/core/search/layout/segment';
import { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import {
  searchFields,
  type SearchableDocument,
} from '../../../renderer/src/core/search/searchFields';
import type { Vocabulary } from '../../../renderer/src/core/content/vocabulary';

const vocabulary = {
  topics: {
    broadband: 'Broadband',
    'e-permitting': 'E-permitting',
    cybersecurity: 'Cybersecurity',
  },
  regions: { north: 'Northern Ontario', 'south-west': 'South-western Ontario' },
  tiers: { 'lower-tier': 'Lower-tier municipality' },
} as unknown as Vocabulary;

function doc(
  id: string,
  title: string,
  body: string,
  extra: Partial<SearchableDocument> = {},
): SearchableDocument {
  return {
    id,
    type: 'case-study',
    title,
    summary: '',
    topics: [],
    headings: [],
    plainText: body,
    ...extra,
  } as SearchableDocument;
}

const docs = [
  doc(
    'permits',
    'Building permits go online',
    'The township moved building permits to an online portal.',
    {
      topics: ['e-permitting'],
    },
  ),
  doc(
    'broadband',
    'Rural broadband partnership',
    'Counties pooled money to build a fibre broadband network.',
    {
      topics: ['broadband'],
    },
  ),
  doc('reseau', 'Le réseau régional', 'Un réseau de fibre pour les collectivités du Nord.'),
  doc(
    'ransom',
    'Ransomware readiness',
    'Plan for ransomware before it strikes: offline backups matter.',
    {
      term: 'Ransomware',
      aliases: ['rançongiciel'],
    },
  ),
  doc(
    'records',
    'Digital records',
    'Digital records and workflows replace paper files. Records retention applies.',
  ),
  doc(
    'paper',
    'Paperless council',
    'Records of council go digital; the digital agenda saves paper.',
  ),
  doc('middlesex', 'Shared building service', 'A township serves its neighbours.', {
    municipality: { name: 'Middlesex Centre', region: 'south-west' },
  } as Partial<SearchableDocument>),
  doc('wifi', 'City-wide Wi-Fi', 'Free Wi-Fi in every park and library.'),
  doc('epermit', 'County goes online', 'The county adopted epermitting last year.'),
  doc('census', 'Township profile', 'Home to 17,262 people, with 2.5 clerks per office.'),
  doc('tiers', 'Upper and lower tiers', 'Eleven municipalities share one county government.'),
  doc(
    'serves',
    'A township serves its neighbours',
    'Its building department became a shared service.',
    {
      summary: 'One department serves four townships.',
    },
  ),
  doc('services', 'Opportunity: Shared online services', 'Pooling work across townships.'),
];

const fragments = buildSegment(docs, vocabulary);

/** A segment with every fragment attached, decoded from copies of the bytes. */
function segmentOf(bytes: SegmentFragments): Segment {
  const segment = new Segment(bytes.core.slice());
  segment.attach('positions', bytes.positions.slice());
  segment.attach('lexicon', bytes.lexicon.slice());
  return segment;
}

const engine = new SearchEngine([segmentOf(fragments)]);
const ids = (input: string) => engine.search(input).hits.map((h) => h.id);

describe('SearchEngine', () => {
  it.each([
    ['permits', 'permits'],
    ['permit', 'permits'],
    ['perm', 'permits'],
    ['brodband', 'broadband'],
    ['reseau', 'reseau'],
    ['réseau', 'reseau'],
    ['rancongiciel', 'ransom'],
    ['rançongiciel', 'ransom'],
    ['Middlesex', 'middlesex'],
  ])('%s finds %s first', (input, expected) => {
    expect(ids(input)[0]).toBe(expected);
  });

  it.each([
    ['17,262', 'census'],
    ['2.5', 'census'],
    ['re\u0301seau', 'reseau'], // e + combining acute, as some keyboards type it
    ['wifi', 'wifi'],
    ['Wi-Fi', 'wifi'],
    ['citywide', 'wifi'],
    ['e-permitting', 'epermit'],
    ['epermitting', 'epermit'],
  ])('%j finds %s', (input, expected) => {
    expect(ids(input)).toContain(expected);
    expect(ids(`${input} `)).toContain(expected);
  });

  it('forgives a typo in a long word that is far from its stem', () => {
    const outcome = engine.search('municipalites ');
    expect(outcome.hits.map((h) => h.id)).toEqual(['tiers']);
    expect(outcome.hits[0]?.viaTypo).toBe(true);
  });

  it('ranks a title holding every word, the last as typed so far, above a stem match', () => {
    const order = ids('shared serv');
    expect(order.indexOf('services')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('services')).toBeLessThan(order.indexOf('serves'));
  });

  it('reports a failure instead of finding nothing when the index is damaged', () => {
    // Postings are read only by queries: a core whose postings are garbage opens, then fails.
    const damaged = segmentOf(fragments);
    damaged.gaps.fill(0xff);
    const outcome = new SearchEngine([damaged]).search('broadband');
    expect(outcome.hits).toEqual([]);
    expect(outcome.failure?.message).toMatch(/search index is (damaged|truncated)/);
    expect(engine.search('broadband').failure).toBeNull();
  });

  it('requires every word', () => {
    expect(ids('digital records ')).toEqual(expect.arrayContaining(['records', 'paper']));
    expect(ids('digital council ')).toEqual(['paper']);
  });

  it('matches quoted phrases in order only', () => {
    expect(ids('"digital records"')).toEqual(['records']);
    expect(ids('"records digital"')).toEqual([]);
  });

  it('leaves out excluded words', () => {
    expect(ids('digital -council')).toEqual(['records']);
  });

  it('ranks typo matches after exact ones and flags them', () => {
    const outcome = engine.search('brodband');
    expect(outcome.hits[0]?.viaTypo).toBe(true);
    expect(engine.search('broadband').hits[0]?.viaTypo).toBe(false);
  });

  it('reports term positions in the indexed text for highlighting', () => {
    const outcome = engine.search('portal ');
    expect(outcome.hits[0]?.id).toBe('permits');
    const texts = searchFields(docs[0] as SearchableDocument, vocabulary);
    const positions = matchPositions(texts, outcome.terms, englishAnalyzer);
    expect(Object.keys(positions)).toEqual(['body']);
    expect(
      positions.body?.map(([start, length]) => texts.body.slice(start, start + length)),
    ).toEqual(['portal']);

    const compound = engine.search('wifi');
    const wifi = searchFields(docs.find((d) => d.id === 'wifi') as SearchableDocument, vocabulary);
    const marked = matchPositions(wifi, compound.terms, englishAnalyzer);
    expect(marked.title?.map(([start, length]) => wifi.title.slice(start, start + length))).toEqual(
      ['Wi-Fi'],
    );
  });

  const oddInputs = [
    ':',
    '^',
    '~',
    '*',
    '"',
    'title:permits',
    'permits^10',
    'perm~2',
    '+*',
    '-',
    '"unclosed',
    'x'.repeat(10_000),
    '\u0000\u202e',
    '🙂',
  ];
  it.each(
    oddInputs.map((input) => [
      input.length > 40 ? `${input.slice(0, 8)}… (${input.length} characters)` : input,
      input,
    ]),
  )('never throws on %j', (_label, input) => {
    expect(() => engine.search(input)).not.toThrow();
    expect(Array.isArray(engine.search(input).hits)).toBe(true);
  });
});
