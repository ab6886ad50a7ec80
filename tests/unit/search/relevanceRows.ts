/**
 * The relevance suite: what a CAO or clerk would type into the search field, and the documents
 * they would expect among the first three results. Expectations were chosen by what the reader
 * wants, not by what the engine happened to return; rows the engine gets wrong are marked with
 * `knownIssue` and run as expected failures, so fixing the engine turns them red until the mark
 * is removed.
 */
export interface RelevanceRow {
  query: string;
  /** Each of these must be in the top 3. */
  top3: string[];
  /** None of these may appear anywhere in the results (exclusions). */
  absent?: string[];
  /** True when every hit must come from typo tolerance (and be labelled so in the UI). */
  typo?: boolean;
  /** The first document must rank above the second. */
  above?: [string, string];
  /** A misspelling: its top 3 must be those of this, the word spelt right. */
  sameAs?: string;
  /** Why the engine fails this row today; the row then runs as an expected failure. */
  knownIssue?: string;
}

export const RELEVANCE_ROWS: RelevanceRow[] = [
  // Names of places and programs
  { query: 'Middlesex Centre', top3: ['case-middlesex-centre-e-permitting'] },
  {
    query: 'Middlesex',
    top3: [
      'case-middlesex-centre-e-permitting',
      'case-north-middlesex-e-permitting',
      'case-middlesex-county-digital-top-ten',
    ],
  },
  { query: 'Stratford', top3: ['case-stratford-rhyzome-smart-city'] },
  { query: 'Toronto', top3: ['case-toronto-311'] },
  { query: 'Lake of Bays', top3: ['case-lake-of-bays-e-permitting'] },
  { query: 'Tillsonburg', top3: ['case-tillsonburg-virtual-council'] },
  { query: 'Rhyzome', top3: ['case-stratford-rhyzome-smart-city'] },
  { query: 'eSCRIBE', top3: ['case-north-huron-paperless-agendas'] },
  // Acronyms and numbers
  { query: '311', top3: ['glossary-311', 'case-toronto-311'] },
  { query: 'FIR', top3: ['glossary-fir'] },
  { query: 'AODA', top3: ['glossary-aoda'] },
  { query: 'MFIPPA', top3: ['glossary-mfippa'] },
  { query: 'GIS', top3: ['glossary-gis', 'opportunity-shared-gis'] },
  // Topics
  { query: 'permits', top3: ['glossary-e-permitting', 'opportunity-e-permitting'] },
  { query: 'building permits', top3: ['opportunity-e-permitting'] },
  { query: 'e-permitting', top3: ['glossary-e-permitting', 'opportunity-e-permitting'] },
  {
    query: 'broadband',
    top3: ['recommendation-5-broadband-and-cellular', 'opportunity-broadband-partnerships'],
  },
  { query: 'cellular', top3: ['recommendation-5-broadband-and-cellular'] },
  { query: 'online voting', top3: ['opportunity-online-voting', 'case-markham-online-voting'] },
  { query: 'internet voting', top3: ['glossary-internet-voting'] },
  {
    query: 'paperless agendas',
    top3: ['case-north-huron-paperless-agendas', 'opportunity-paperless-council'],
  },
  {
    query: 'electronic meetings',
    top3: ['glossary-electronic-meetings', 'opportunity-paperless-council'],
  },
  { query: 'virtual council', top3: ['case-tillsonburg-virtual-council'] },
  {
    query: 'online engagement',
    top3: ['opportunity-public-engagement-tools', 'case-amherstburg-talk-the-burg'],
  },
  { query: 'ride-hailing', top3: ['case-innisfil-ride-hailing-transit'] },
  { query: 'iPads', top3: ['case-whitewater-region-paperless-council'] },
  { query: 'privacy', top3: ['glossary-mfippa'] },
  { query: 'accessibility', top3: ['glossary-aoda'] },
  { query: 'roadmap', top3: ['guide-4-priorities-and-roadmap'] },
  { query: 'reporting burden', top3: ['key-issue-reporting-burden'] },
  { query: 'digital readiness', top3: ['guide-1-assess-readiness'] },
  { query: 'ransomware', top3: ['glossary-ransomware', 'opportunity-cybersecurity-readiness'] },
  {
    query: 'funding',
    top3: ['guide-5-funding-and-partners', 'recommendation-2-funding-and-people'],
  },
  {
    query: 'shared services',
    top3: ['opportunity-shared-services', 'glossary-shared-services'],
  },
  // Prefixes, as typed
  { query: 'cyber', top3: ['opportunity-cybersecurity-readiness'] },
  { query: 'ranso', top3: ['glossary-ransomware'] },
  { query: 'broadb', top3: ['recommendation-5-broadband-and-cellular'] },
  { query: 'Strat', top3: ['case-stratford-rhyzome-smart-city'] },
  { query: 'paperles', top3: ['opportunity-paperless-council'] },
  // Typos
  {
    query: 'brodband',
    top3: ['recommendation-5-broadband-and-cellular', 'opportunity-broadband-partnerships'],
    typo: true,
  },
  { query: 'ransomwere', top3: ['glossary-ransomware'], typo: true },
  { query: 'Markam', top3: ['case-markham-online-voting'], typo: true },
  { query: 'procurment', top3: ['glossary-procurement-by-law', 'guide-6-procure-and-contract'] },
  { query: 'Tillsonberg', top3: ['case-tillsonburg-virtual-council'], typo: true },
  {
    query: 'Sudbery',
    top3: ['case-greater-sudbury-open-data'],
    typo: true,
  },
  // Accents and French
  { query: 'rançongiciel', top3: ['glossary-ransomware'] },
  { query: 'rancongiciel', top3: ['glossary-ransomware'] },
  { query: 'RANÇONGICIEL', top3: ['glossary-ransomware'] },
  { query: 'Quebec', top3: ['glossary-misa'] },
  { query: 'québec', top3: ['glossary-misa'] },
  // Phrases
  {
    query: '"open data"',
    top3: ['glossary-open-data', 'opportunity-open-data', 'case-greater-sudbury-open-data'],
  },
  { query: '"council mandate"', top3: ['guide-2-council-mandate-and-governance'] },
  { query: '"small releases"', top3: ['guide-7-deliver-in-small-releases'] },
  // Exclusions
  {
    query: 'broadband -eorn',
    top3: ['glossary-broadband-50-10', 'case-blue-sky-net-northern-broadband'],
    absent: ['case-eorn-eastern-broadband', 'glossary-eorn'],
  },
  {
    query: 'e-permitting -middlesex',
    top3: ['case-lake-of-bays-e-permitting', 'case-south-huron-online-permits'],
    absent: ['case-middlesex-centre-e-permitting', 'case-north-middlesex-e-permitting'],
  },
  {
    query: 'paperless -york',
    top3: ['case-whitewater-region-paperless-council'],
    absent: ['case-york-region-paperless-meetings'],
  },
  // Words as the tokenizer cuts them: digit grouping, decimals, decomposed accents
  { query: '17,262', top3: ['case-middlesex-centre-e-permitting'] },
  { query: '2.0', top3: ['glossary-wcag'] },
  { query: 'ranc\u0327ongiciel', top3: ['glossary-ransomware'] },
  { query: 'Que\u0301bec', top3: ['glossary-misa'] },
  // Compound spellings: with or without the hyphen
  { query: 'wifi', top3: ['case-stratford-rhyzome-smart-city'] },
  { query: 'Wi-Fi', top3: ['case-stratford-rhyzome-smart-city'] },
  { query: 'epermitting', top3: ['glossary-e-permitting', 'opportunity-e-permitting'] },
  { query: 'ridehailing', top3: ['case-innisfil-ride-hailing-transit'] },
  // A typo in a long word, far from its stem ("municip")
  { query: 'municipalites', top3: [], sameAs: 'municipalities', typo: true },
  // A whole word in the title beats a prefix that happens to equal a title word's stem
  {
    query: 'shared serv',
    top3: ['opportunity-shared-services'],
    above: ['opportunity-shared-services', 'case-middlesex-centre-e-permitting'],
  },
];
