import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  loadSearchIndex,
} from '../../../renderer/src/core/search/buildSearchIndex';
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
    } as Partial<SearchableDocument>,
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
];

const serialized = JSON.parse(JSON.stringify(buildSearchIndex(docs, vocabulary)));
const index = loadSearchIndex(serialized);
const engine = new SearchEngine(
  index,
  new Map(docs.map((d) => [d.id, searchFields(d, vocabulary)])),
);
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
    const hit = engine.search('portal ').hits[0];
    const body = searchFields(docs[0] as SearchableDocument, vocabulary).body;
    const [start, length] = hit?.positions.body?.[0] ?? [0, 0];
    expect(body.slice(start, start + length)).toBe('portal');
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
