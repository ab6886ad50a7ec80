import lunr from 'lunr';
import { messageOf } from '../../../../renderer/src/core/common/errorMessage';
import {
  analyzeQuery,
  analyzeText,
  foldText,
  foldWord,
  indexTokens,
  termOf,
  wordSpans,
  type QueryWord,
} from '../../../../renderer/src/core/search/analyzer';
import {
  isEmptyQuery,
  parseQuery,
  type ParsedQuery,
} from '../../../../renderer/src/core/search/parseQuery';
import { SEARCH_FIELDS, type SearchField } from '../../../../renderer/src/core/search/searchFields';
import type { Position } from '../../../../renderer/src/core/search/snippet';
import { expandFuzzy, expandPrefix, indexTerms, wordTokenSet } from './lunrIndex';

/*
 * The search engine as it was before the compact layout (issue 14, after the known misses were
 * fixed), over a lunr.Index: the reference the new engine is checked against, query by query.
 * Test code only.
 */

/** One document found by a search. */
export interface LunrSearchHit {
  id: string;
  score: number;
  /** True when the document matched only through typo tolerance (ranked after exact hits). */
  viaTypo: boolean;
  /** Where the matched words are, per indexed field, as `[start, length]` offsets. */
  positions: Partial<Record<SearchField, Position[]>>;
}

/** What a search gives: the hits, or why it could not run. */
export interface LunrSearchOutcome {
  query: ParsedQuery;
  hits: LunrSearchHit[];
  /**
   * Set when the search failed (a damaged index, a bug): `hits` is then empty and the UI says
   * so, rather than showing "no results" for a search that never ran.
   */
  failure: { message: string } | null;
}

/** The indexed text of each document, by field: needed for phrase checks and snippets. */
export type FieldTexts = ReadonlyMap<string, Readonly<Record<SearchField, string>>>;

/** Exact and prefix matching finding fewer documents than this brings in typo tolerance. */
const FEW_RESULTS = 3;
/** Score multiplier for a document whose title holds every word of the query. */
const TITLE_BONUS = 3;
/** Words whose matches are remembered between keystrokes ("permi", "permit", "permits "...). */
const WORD_CACHE_SIZE = 64;

type FieldPositions = Partial<Record<SearchField, Position[]>>;

interface WordMatches {
  /** Document id to score and positions for this one word. */
  byDoc: Map<string, { score: number; positions: FieldPositions }>;
  /** Documents this word reached only through a typo expansion. */
  viaTypo: Set<string>;
}

/**
 * Searches a prebuilt lunr index. Every word of the query must match (exactly, as a prefix while
 * it is being typed, or within a small edit distance when exact matching finds too little);
 * quoted phrases must appear in order; `-word` leaves documents out. Queries are built with
 * `index.query()`, never with lunr's query-string parser, so no input can throw.
 */
export class LunrSearchEngine {
  private readonly wordCache = new Map<string, WordMatches>();
  private readonly foldedFieldsCache = new Map<string, string[]>();
  private readonly titleStemsCache = new Map<string, Set<string>>();
  /** The library's words as written (folded) and the term each is indexed under; built on first typo. */
  private surface: { words: lunr.TokenSet; terms: Map<string, string> } | null = null;

  constructor(
    private readonly index: lunr.Index,
    private readonly texts: FieldTexts,
  ) {}

  /**
   * Runs a search. Total: never throws, whatever the input; a failure inside the engine comes
   * back as `failure` (with no hits) for the UI to show.
   */
  search(input: string): LunrSearchOutcome {
    const query = parseQuery(input);
    if (isEmptyQuery(query)) return { query, hits: [], failure: null };
    try {
      return { query, hits: this.run(query), failure: null };
    } catch (error) {
      // lunr has surprised people before (see perf-anchors §1b); a search box must not crash,
      // and must not pretend that a search which never ran found nothing.
      return { query, hits: [], failure: { message: messageOf(error) } };
    }
  }

  private run(query: ParsedQuery): LunrSearchHit[] {
    const lastIndex = query.terms.length - 1;
    const plainWords = query.terms.flatMap((raw, i) =>
      analyzeQuery(raw).map((word) => ({
        word,
        prefix: query.lastTermIsPrefix && i === lastIndex,
      })),
    );
    const phraseWords = query.phrases.flatMap((phrase) =>
      phrase.flatMap((raw) => analyzeQuery(raw)).map((word) => ({ word, prefix: false })),
    );
    const wanted = [...plainWords, ...phraseWords].filter(({ word }) => word.term !== null);
    if (wanted.length === 0) return [];

    let perWord = wanted.map(({ word, prefix }) => this.matchWord(word, prefix, false));
    let candidates = intersect(perWord.map((m) => m.byDoc));
    if (candidates.size < FEW_RESULTS) {
      // Typo tolerance only for the words that found little on their own: a correctly spelt
      // common word needs no expansion, and expanding it would cost a scoring pass for nothing.
      perWord = wanted.map(({ word, prefix }, i) => {
        const before = perWord[i];
        return before && before.byDoc.size >= FEW_RESULTS
          ? before
          : this.matchWord(word, prefix, true);
      });
      candidates = intersect(perWord.map((m) => m.byDoc));
    }

    const excluded = new Set(
      query.excluded
        .flatMap((raw) => analyzeQuery(raw))
        .flatMap((word) => [...this.matchWord(word, false, false).byDoc.keys()]),
    );
    const phrases = query.phrases.flatMap((phrase) => phrasePattern(phrase) ?? []);
    const hits: LunrSearchHit[] = [];
    for (const id of candidates) {
      if (excluded.has(id)) continue;
      if (!phrases.every((pattern) => this.foldedFields(id).some((text) => pattern.test(text))))
        continue;
      const hit: LunrSearchHit = { id, score: 0, viaTypo: false, positions: {} };
      for (const matches of perWord) {
        const entry = matches.byDoc.get(id);
        if (!entry) continue;
        hit.score += entry.score;
        hit.viaTypo ||= matches.viaTypo.has(id);
        mergePositions(hit.positions, entry.positions);
      }
      if (this.titleHoldsAll(id, wanted)) hit.score *= TITLE_BONUS;
      hits.push(hit);
    }
    return hits.sort(
      (a, b) =>
        Number(a.viaTypo) - Number(b.viaTypo) || b.score - a.score || (a.id < b.id ? -1 : 1),
    );
  }

  /**
   * Documents matching one word: its exact (stemmed) term, its capped prefix expansions while it
   * is being typed, and, when allowed, its capped typo expansions, all in ONE lunr query so each
   * document is scored once. Remembered between keystrokes, since typing re-runs earlier words.
   */
  private matchWord(word: QueryWord, prefix: boolean, allowTypos: boolean): WordMatches {
    const key = `${word.folded}\u0000${word.term ?? ''}\u0000${prefix}\u0000${allowTypos}`;
    const cached = this.wordCache.get(key);
    if (cached) {
      // Re-inserted so the map's order stays least-recently-used first.
      this.wordCache.delete(key);
      this.wordCache.set(key, cached);
      return cached;
    }

    const exact = word.term === null ? [] : [word.term];
    const prefixTerms = prefix
      ? expandPrefix(indexTerms(this.index), word.folded).filter((t) => !exact.includes(t))
      : [];
    const typoTerms = allowTypos
      ? this.typoTerms(word.folded).filter((t) => !exact.includes(t) && !prefixTerms.includes(t))
      : [];

    const matches: WordMatches = { byDoc: new Map(), viaTypo: new Set() };
    if (exact.length + prefixTerms.length + typoTerms.length > 0) {
      const typoSet = new Set(typoTerms);
      const optional = lunr.Query.presence.OPTIONAL;
      const results = this.index.query((q) => {
        for (const t of exact) q.term(t, { usePipeline: false, boost: 10, presence: optional });
        for (const t of prefixTerms)
          q.term(t, { usePipeline: false, boost: 2, presence: optional });
        for (const t of typoTerms) q.term(t, { usePipeline: false, boost: 1, presence: optional });
      });
      for (const result of results) {
        matches.byDoc.set(result.ref, { score: result.score, positions: positionsOf(result) });
        if (Object.keys(result.matchData.metadata).every((term) => typoSet.has(term)))
          matches.viaTypo.add(result.ref);
      }
    }
    this.wordCache.set(key, matches);
    if (this.wordCache.size > WORD_CACHE_SIZE) {
      const oldest = this.wordCache.keys().next().value;
      if (oldest !== undefined) this.wordCache.delete(oldest);
    }
    return matches;
  }

  /**
   * Index terms of the library's words within typo distance of a folded word: the words are
   * matched as written, then mapped to the terms they are indexed under.
   */
  private typoTerms(folded: string): string[] {
    this.surface ??= surfaceWords(this.texts);
    const { terms } = this.surface;
    return [...new Set(expandFuzzy(this.surface.words, folded).flatMap((w) => terms.get(w) ?? []))];
  }

  /**
   * True when the title (or glossary term and aliases) holds every word of the query, the word
   * being typed counting if a title word starts with it: someone who types "shared serv" wants
   * "Shared digital services" before a title that only has "serves". BM25 alone favours short
   * entries and long repetitive ones.
   */
  private titleHoldsAll(
    id: string,
    words: readonly { word: QueryWord; prefix: boolean }[],
  ): boolean {
    let stems = this.titleStemsCache.get(id);
    if (!stems) {
      const texts = this.texts.get(id);
      stems = new Set(texts ? analyzeText(`${texts.title}\n${texts.keywords}`) : []);
      this.titleStemsCache.set(id, stems);
    }
    const titleStems = stems;
    return words.every(({ word, prefix }) => {
      if (word.term !== null && titleStems.has(word.term)) return true;
      if (!prefix || word.folded.length < 2) return false;
      for (const stem of titleStems) if (stem.startsWith(word.folded)) return true;
      return false;
    });
  }

  /** Each field of a document folded once, for phrase checks (kept per field, so a phrase never spans two). */
  private foldedFields(id: string): string[] {
    let fields = this.foldedFieldsCache.get(id);
    if (!fields) {
      const texts = this.texts.get(id);
      fields = texts
        ? [texts.title, texts.summary, ...texts.headings.split('\n'), texts.body].map(foldText)
        : [];
      this.foldedFieldsCache.set(id, fields);
    }
    return fields;
  }
}

/**
 * A quoted phrase as a pattern over folded field text: its words in order, separated by anything
 * that is not a letter or digit, each optionally followed by a possessive ('s).
 */
function phrasePattern(phrase: readonly string[]): RegExp | null {
  // A compound ("Wi-Fi") is matched by its parts, like any words with something between them.
  const words = phrase
    .flatMap((word) => wordSpans(word).map((span) => foldWord(span.word)))
    .filter((w) => w !== '');
  if (words.length === 0) return null;
  const possessive = "(?:['’]s)?";
  const body = words.map(escapeRegExp).join(`${possessive}[^\\p{L}\\p{N}]+`);
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${possessive}(?![\\p{L}\\p{N}])`, 'u');
}

/**
 * Every word the texts use, folded, mapped to the term the index holds for it (stop words left
 * out), as a TokenSet for typo matching.
 */
function surfaceWords(texts: FieldTexts): { words: lunr.TokenSet; terms: Map<string, string> } {
  const terms = new Map<string, string>();
  const seen = new Set<string>();
  for (const fields of texts.values())
    for (const field of SEARCH_FIELDS)
      for (const token of indexTokens(fields[field.name])) {
        const folded = foldWord(token.word);
        if (seen.has(folded)) continue;
        seen.add(folded);
        const term = termOf(token.word);
        if (folded !== '' && term !== null) terms.set(folded, term);
      }
  return { words: wordTokenSet([...terms.keys()].sort()), terms };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function intersect<T>(maps: Map<string, T>[]): Set<string> {
  const [first, ...rest] = maps;
  if (!first) return new Set();
  return new Set([...first.keys()].filter((id) => rest.every((m) => m.has(id))));
}

function positionsOf(result: lunr.Index.Result): FieldPositions {
  const out: FieldPositions = {};
  const metadata = result.matchData.metadata as Record<
    string,
    Record<string, { position?: Position[] }>
  >;
  for (const fields of Object.values(metadata)) {
    for (const [field, data] of Object.entries(fields)) {
      const list = (out[field as SearchField] ??= []);
      list.push(...(data.position ?? []));
    }
  }
  return out;
}

function mergePositions(into: FieldPositions, from: FieldPositions): void {
  for (const [field, positions] of Object.entries(from) as [SearchField, Position[]][]) {
    const list = (into[field] ??= []);
    const seen = new Set(list.map(([start, length]) => `${start}:${length}`));
    for (const position of positions) {
      const key = `${position[0]}:${position[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      list.push(position);
    }
  }
}
