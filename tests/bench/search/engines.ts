import { Index as FlexIndex } from 'flexsearch';
import lunr from 'lunr';
import MiniSearch, { type Options as MiniSearchOptions } from 'minisearch';
import { fuzzyDistanceFor } from '../../../renderer/src/core/search/expandTerms';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import { ByteReader, ByteWriter } from '../../../renderer/src/core/search/layout/bytes';
import { FRAGMENT_KINDS, type FragmentKind } from '../../../renderer/src/core/search/layout/format';
import { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import {
  SEARCH_FIELDS,
  searchFields,
  type SearchField,
} from '../../../renderer/src/core/search/searchFields';
import type { BenchCorpus } from './corpus';
import type { QueryKind } from './queries';

/**
 * A loaded index that answers queries; returns the number of hits (kept so work is not elided).
 * A Promise when the engine must first load part of its index: that wait is part of the query.
 */
export type Searcher = ((kind: QueryKind, query: string) => number | Promise<number>) & {
  /** Forgets what the engine remembers between queries, before each pass over the queries. */
  reset?: () => void;
};

/** One engine under test: how it builds, serializes and loads an index over a corpus. */
export interface EngineAdapter {
  /** Short name used on the command line and in the table. */
  name: EngineName;
  label: string;
  /** How it is configured and what it cannot do, printed under the table. */
  notes: string;
  build(corpus: BenchCorpus): unknown;
  serialize(built: unknown): string | Uint8Array;
  /** From the serialized index to something that can search: parse, load, set up. */
  load(serialized: string | Uint8Array, corpus: BenchCorpus): Searcher | Promise<Searcher>;
}

export const ENGINE_NAMES = ['ours', 'lunr', 'minisearch', 'flexsearch'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

type FieldRecord = Record<SearchField, string> & { id: string };

/** Every engine indexes exactly the text our index does, field by field. */
function records(corpus: BenchCorpus): FieldRecord[] {
  return corpus.docs.map((doc) => ({ id: doc.id, ...searchFields(doc, corpus.vocabulary) }));
}

const FIELD_NAMES = SEARCH_FIELDS.map((field) => field.name);
const BOOSTS = Object.fromEntries(SEARCH_FIELDS.map((field) => [field.name, field.boost]));

/** Words of a query without lunr/MiniSearch syntax: quotes dropped, split on spaces. */
function plainWords(query: string): string[] {
  return query
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
}

const ours: EngineAdapter = {
  name: 'ours',
  label: 'ours',
  notes:
    'buildSegment + SearchEngine (AND; typo expansion when < 3 hits; phrases by word positions). Typeahead queries run as typed (the last word a prefix); the other kinds as finished queries (`complete: true`, as after Enter), like the other engines. Serialized = the three fragments (core, positions, lexicon) end to end; loading decodes the core, and the positions and lexicon are decoded when the first phrase or typo query needs them, inside search-ready.',
  build: (corpus) => buildSegment(corpus.docs, corpus.vocabulary),
  serialize(built) {
    const fragments = built as ReturnType<typeof buildSegment>;
    const out = new ByteWriter();
    for (const kind of FRAGMENT_KINDS) out.raw(fragments[kind]);
    return out.finish();
  },
  async load(serialized) {
    const input = new ByteReader(serialized as Uint8Array, 'bench index');
    const fragments = Object.fromEntries(FRAGMENT_KINDS.map((kind) => [kind, input.raw()]));
    const source = (kind: FragmentKind) => Promise.resolve(fragments[kind] as Uint8Array);
    let engine = await SearchEngine.open([source]);
    const segments = engine.segments;
    const search = (kind: QueryKind, query: string) => {
      const options = { complete: kind !== 'typeahead' };
      const outcome = engine.search(query, options);
      if (outcome.pending.length === 0) return outcome.hits.length;
      return engine.searchWhenReady(query, options).then((ready) => ready.hits.length);
    };
    // A fresh engine over the same segments: the words remembered from the previous pass
    // (the engine keeps the last 64 between keystrokes) would make repeated passes unfairly fast.
    return Object.assign(search, { reset: () => (engine = new SearchEngine(segments, [source])) });
  },
};

/** Escapes lunr query syntax so a typed word is always a plain term. */
function escapeLunr(word: string): string {
  return word.replace(/[\\:^~*+-]/g, '\\$&');
}

/** The lunr query string for each kind, as a typical lunr integration writes it. */
export function lunrQueryString(kind: QueryKind, query: string): string {
  const words = plainWords(query).map((word) => ({ word, escaped: escapeLunr(word) }));
  switch (kind) {
    case 'typeahead':
      // docusaurus-lunr-search: every token exact (boost 10) OR as a trailing wildcard.
      return words.map(({ escaped }) => `${escaped}^10 ${escaped}*`).join(' ');
    case 'typo':
      return words
        .map(({ word, escaped }) => `${escaped}~${Math.max(1, fuzzyDistanceFor(word))}`)
        .join(' ');
    case 'single':
      return words.map(({ escaped }) => escaped).join(' ');
    default:
      // multi and phrase: every word required (lunr has no phrases). Stop words are left out:
      // the pipeline drops them, and a required term that vanishes would match nothing.
      return words
        .filter(({ word }) => lunr.stopWordFilter(new lunr.Token(word.toLowerCase(), {})))
        .map(({ escaped }) => `+${escaped}`)
        .join(' ');
  }
}

const plainLunr: EngineAdapter = {
  name: 'lunr',
  label: 'lunr',
  notes:
    'lunr 2.3.9 out of the box (default tokenizer and pipeline: trimmer, stop words, stemmer; no accent folding; no term positions), same fields and boosts. idx.search(string): typeahead = "w^10 w*" per word (docusaurus-lunr-search), typo = "w~1" (~2 for 9+ letters), multi/phrase = "+w +w" (no phrase support), single = "w".',
  build(corpus) {
    const docs = records(corpus);
    return lunr(function () {
      this.ref('id');
      for (const field of SEARCH_FIELDS) this.field(field.name, { boost: field.boost });
      for (const doc of docs) this.add(doc);
    });
  },
  serialize: (built) => JSON.stringify(built),
  load(serialized) {
    const index = lunr.Index.load(JSON.parse(serialized as string) as object);
    return (kind, query) => {
      const text = lunrQueryString(kind, query);
      if (text.trim() === '') return 0;
      try {
        return index.search(text).length;
      } catch {
        return 0;
      }
    };
  },
};

const miniSearchOptions: MiniSearchOptions<FieldRecord> = {
  fields: FIELD_NAMES,
  idField: 'id',
  searchOptions: { boost: BOOSTS, combineWith: 'AND' },
};

const miniSearch: EngineAdapter = {
  name: 'minisearch',
  label: 'MiniSearch',
  notes:
    'MiniSearch 7.2 (default tokenizer, lowercase only: no stemming, no accent folding), same fields and boosts, AND. typeahead = {prefix: true, fuzzy: 0.2} (every word), typo = {fuzzy: 0.2}, phrase = AND of the words (no phrase support). Search-ready = MiniSearch.loadJSON (parse included).',
  build(corpus) {
    const index = new MiniSearch<FieldRecord>(miniSearchOptions);
    index.addAll(records(corpus));
    return index;
  },
  serialize: (built) => JSON.stringify(built),
  load(serialized) {
    const index = MiniSearch.loadJSON<FieldRecord>(serialized as string, miniSearchOptions);
    return (kind, query) => {
      const text = plainWords(query).join(' ');
      if (kind === 'typeahead') return index.search(text, { prefix: true, fuzzy: 0.2 }).length;
      if (kind === 'typo') return index.search(text, { fuzzy: 0.2 }).length;
      return index.search(text).length;
    };
  },
};

/** FlexSearch results are capped; this is the cap used. */
const FLEX_LIMIT = 100;
const flexOptions = { tokenize: 'forward' } as const;

const flexSearch: EngineAdapter = {
  name: 'flexsearch',
  label: 'FlexSearch',
  notes: `FlexSearch 0.8 simple Index, tokenize "forward" (prefix matching built into the index), default encoder, over all fields joined (an Index has no fields, so no boosts), AND, results capped at ${FLEX_LIMIT}. No edit-distance typo tolerance (typo queries run as plain queries and mostly find nothing) and no phrases (AND of the words). Serialized = export() chunks as one JSON object.`,
  build(corpus) {
    const index = new FlexIndex(flexOptions);
    corpus.docs.forEach((doc, i) => {
      const fields = searchFields(doc, corpus.vocabulary);
      index.add(i, FIELD_NAMES.map((name) => fields[name]).join('\n'));
    });
    return index;
  },
  serialize(built) {
    const chunks: Record<string, string> = {};
    // Synchronous in 0.8 for an in-memory Index: every chunk arrives before export returns.
    void (built as FlexIndex).export((key: string, data: string) => {
      chunks[key] = data;
    });
    return JSON.stringify(chunks);
  },
  load(serialized, corpus) {
    const index = new FlexIndex(flexOptions);
    for (const [key, data] of Object.entries(
      JSON.parse(serialized as string) as Record<string, string>,
    ))
      index.import(key, data);
    const ids = corpus.docs.map((doc) => doc.id);
    return (_kind, query) => {
      const found = index.search(plainWords(query).join(' '), { limit: FLEX_LIMIT });
      return found.filter((i) => ids[Number(i)] !== undefined).length;
    };
  },
};

/** The engines, in table order. */
export const ENGINES: Readonly<Record<EngineName, EngineAdapter>> = {
  ours,
  lunr: plainLunr,
  minisearch: miniSearch,
  flexsearch: flexSearch,
};
