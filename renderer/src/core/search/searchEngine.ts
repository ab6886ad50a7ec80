import { messageOf } from '../common/errorMessage';
import type { Analyzer, QueryWord } from './analyzer';
import { analyzerById } from './analyzers';
import {
  fuzzyDistanceFor,
  isExpandable,
  MAX_FUZZY_EXPANSIONS,
  maxPrefixExpansions,
  shortestFirst,
} from './expandTerms';
import type { FragmentSource, LazyFragmentKind } from './layout/format';
import { Segment } from './layout/segment';
import { isEmptyQuery, parseQuery, type ParsedQuery } from './parseQuery';
import { bestFirst, OrderScratch } from './bestFirst';
import { documentsWithPhrase, phraseTerms } from './phrases';
import { SegmentSet, type Clause, type WordMatches } from './scoring';
import { findTerm, prefixRange, shortestInRange } from './termDictionary';

/** One document found by a search. */
export interface SearchHit {
  id: string;
  score: number;
  /** True when the document matched only through typo tolerance (ranked after exact hits). */
  viaTypo: boolean;
}

/** What a search gives: the hits, what they matched, or why there are none yet. */
export interface SearchOutcome {
  query: ParsedQuery;
  hits: SearchHit[];
  /** The index terms the search matched: `matchPositions` marks them in a result's text. */
  terms: ReadonlySet<string>;
  /**
   * Index fragments this query needs that are not loaded yet (then `hits` is empty): load them
   * (`load`, or `searchWhenReady`) and search again.
   */
  pending: LazyFragmentKind[];
  /**
   * Set when the search failed (a damaged index, a bug): `hits` is then empty and the UI says
   * so, rather than showing "no results" for a search that never ran.
   */
  failure: SearchFailure | null;
}

/** Why a search could not run. */
export interface SearchFailure {
  message: string;
}

export interface SearchEngineOptions {
  /**
   * Asked when a segment's lazy fragment cannot be read or attached: true leaves the segment out
   * of the engine (a content pack's, whose files may be missing, damaged or from another build),
   * false fails the load (the bundled library's, without which search means nothing). Without it,
   * every such failure fails the load.
   */
  leaveOut?: (segment: Segment, error: unknown) => boolean;
}

/** A segment whose lazy fragment could not be read or attached, and why. */
interface FragmentFailure {
  segment: Segment;
  error: unknown;
}

export interface SearchOptions {
  /** The query is finished (submitted, or a link): its last word is not a prefix. */
  complete?: boolean;
}

/** Exact and prefix matching finding fewer documents than this brings in typo tolerance. */
const FEW_RESULTS = 3;
/** Score multiplier for a document whose title holds every word of the query. */
const TITLE_BONUS = 3;
/** Words whose matches are remembered between keystrokes ("permi", "permit", "permits "...). */
const WORD_CACHE_SIZE = 64;
/** Query words whose analysis is remembered. */
const ANALYZED_CACHE_SIZE = 512;
/** lunr's clause boosts: the word as typed, then its completions, then its near misses. */
const BOOST = { exact: 10, prefix: 2, typo: 1 } as const;

/** Thrown inside a search that needs a fragment not loaded yet; becomes `pending`. */
class FragmentNeeded extends Error {
  constructor(readonly kind: LazyFragmentKind) {
    super(`the search index ${kind} fragment is needed`);
  }
}

interface WantedWord {
  word: QueryWord;
  prefix: boolean;
}

/**
 * Searches index segments (the bundled library, later content packs too), ranked together. Every
 * word of the query must match (exactly, as a prefix while it is being typed, or within a small
 * edit distance when exact matching finds too little); quoted phrases must appear in order;
 * `-word` leaves documents out. Ranking is lunr's BM25 with our boosts (`scoring.ts`).
 *
 * One engine searches one language: its segments' analyzer (all alike, or the engine refuses
 * them) analyzes the queries. Searching several languages is `LanguageSearch`'s.
 */
export class SearchEngine {
  /** The analyzer the segments were built with, which queries are analyzed with too. */
  readonly analyzer: Analyzer;
  private readonly wordCache = new Map<string, WordMatches>();
  /** Query words already analyzed: typing re-sends the earlier words at every keystroke. */
  private readonly analyzed = new Map<string, QueryWord[]>();
  private readonly listeners = new Set<() => void>();
  /** Arrays ranking works in, reused from one search to the next. */
  private readonly rankScratch = new RankScratch();
  private loads = 0;
  /** The segments searched and their ranking statistics; rebuilt when a segment is left out. */
  private set: SegmentSet;
  /** Where each segment's lazy fragments come from, in the order of `set.segments`. */
  private sources: ReadonlyArray<FragmentSource | undefined>;
  private readonly leaveOut: SearchEngineOptions['leaveOut'];

  constructor(
    segments: readonly Segment[],
    /** Where each segment's lazy fragments come from, in the same order. */
    sources: readonly FragmentSource[] = [],
    options: SearchEngineOptions = {},
  ) {
    this.set = new SegmentSet(segments);
    this.analyzer = analyzerById(segments[0]?.analyzer ?? 'en');
    this.sources = sources;
    this.leaveOut = options.leaveOut;
  }

  /** Opens the segments whose fragments `sources` give: reads each `core`, nothing else. */
  static async open(sources: readonly FragmentSource[]): Promise<SearchEngine> {
    const segments = await Promise.all(
      sources.map(async (source) => new Segment(await source('core'))),
    );
    return new SearchEngine(segments, sources);
  }

  /** The segments searched, in ranking order of their documents' numbers. */
  get segments(): readonly Segment[] {
    return this.set.segments;
  }

  /** How many documents are searched. */
  get documentCount(): number {
    return this.set.docCount;
  }

  /** Changes each time a fragment arrives (for `useSyncExternalStore`). */
  get version(): number {
    return this.loads;
  }

  /** Calls `listener` whenever a fragment arrives; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Loads fragments into every segment that lacks them, each segment's on its own: a segment
   * whose fragment cannot be read or does not fit its core (damaged, or from another build) is
   * left out of the engine when `leaveOut` agrees, so the others are searched all the same; the
   * load rejects only for a segment that may not be left out (the bundled library's).
   */
  async load(kinds: readonly LazyFragmentKind[]): Promise<void> {
    const sources = this.sources;
    const jobs = this.set.segments.flatMap((segment, i) =>
      kinds
        .filter((kind) => !segment.has(kind))
        .map(async (kind): Promise<FragmentFailure | null> => {
          try {
            const source = sources[i];
            if (!source) throw new Error(`no source for the search index ${kind} fragment`);
            const bytes = await source(kind);
            if (!segment.has(kind)) segment.attach(kind, bytes);
            return null;
          } catch (error) {
            return { segment, error };
          }
        }),
    );
    if (jobs.length === 0) return;
    const failures = (await Promise.all(jobs)).filter((failure) => failure !== null);
    const refused = this.leaveOutFailed(failures);
    this.loads += 1;
    for (const listener of this.listeners) listener();
    if (refused) throw refused.error;
  }

  /**
   * Leaves out the segments whose fragment failed, where `leaveOut` agrees; returns the first
   * failure it did not agree to. The ranking statistics are pooled again over the segments left,
   * so the rankings are those of an engine opened without them.
   */
  private leaveOutFailed(failures: readonly FragmentFailure[]): FragmentFailure | undefined {
    const current = this.set.segments;
    const dropped = new Set<Segment>();
    let refused: FragmentFailure | undefined;
    for (const failure of failures) {
      // Already left out (by this load, or by another that finished first).
      if (dropped.has(failure.segment) || !current.includes(failure.segment)) continue;
      if (current.length > dropped.size + 1 && this.leaveOut?.(failure.segment, failure.error))
        dropped.add(failure.segment);
      else refused ??= failure;
    }
    if (dropped.size > 0) {
      const kept = current.flatMap((segment, i) => (dropped.has(segment) ? [] : [i]));
      this.set = new SegmentSet(kept.map((i) => current[i] as Segment));
      this.sources = kept.map((i) => this.sources[i]);
      // Remembered matches hold document numbers of the old set.
      this.wordCache.clear();
    }
    return refused;
  }

  /** Searches, loading whatever fragments the query turns out to need first. */
  async searchWhenReady(input: string, options: SearchOptions = {}): Promise<SearchOutcome> {
    for (;;) {
      const outcome = this.search(input, options);
      if (outcome.pending.length === 0) return outcome;
      await this.load(outcome.pending);
    }
  }

  /**
   * Runs a search over what is loaded. Total: never throws, whatever the input; a failure
   * inside the engine comes back as `failure` (with no hits) for the UI to show.
   */
  search(input: string, options: SearchOptions = {}): SearchOutcome {
    const parsed = parseQuery(input);
    const query = options.complete ? { ...parsed, lastTermIsPrefix: false } : parsed;
    const none = { query, hits: [], terms: new Set<string>(), pending: [], failure: null };
    if (isEmptyQuery(query)) return none;
    try {
      return { ...none, ...this.run(query) };
    } catch (error) {
      if (error instanceof FragmentNeeded) return { ...none, pending: [error.kind] };
      return { ...none, failure: { message: messageOf(error) } };
    }
  }

  private run(query: ParsedQuery): { hits: SearchHit[]; terms: Set<string> } {
    const lastIndex = query.terms.length - 1;
    const plainWords = query.terms.flatMap((raw, i) =>
      this.analyze(raw).map((word) => ({
        word,
        prefix: query.lastTermIsPrefix && i === lastIndex,
      })),
    );
    const phraseWords = query.phrases.flatMap((phrase) =>
      phrase.flatMap((raw) => this.analyze(raw)).map((word) => ({ word, prefix: false })),
    );
    const wanted = [...plainWords, ...phraseWords].filter(({ word }) => word.term !== null);
    if (wanted.length === 0) return { hits: [], terms: new Set() };
    if (query.phrases.length > 0 && this.set.segments.some((s) => !s.has('positions')))
      throw new FragmentNeeded('positions');

    let perWord = wanted.map(({ word, prefix }) => this.matchWord(word, prefix, false));
    let candidates = intersect(perWord);
    if (candidates.length < FEW_RESULTS) {
      // Typo tolerance only for the words that found little on their own: a correctly spelt
      // common word needs no expansion, and expanding it would cost a scoring pass for nothing.
      perWord = wanted.map(({ word, prefix }, i) => {
        const before = perWord[i] as WordMatches;
        return before.docs.length >= FEW_RESULTS ? before : this.matchWord(word, prefix, true);
      });
      candidates = intersect(perWord);
    }

    const excluded = new Set<number>();
    for (const word of query.excluded.flatMap((raw) => this.analyze(raw)))
      for (const doc of this.matchWord(word, false, false).docs) excluded.add(doc);
    let kept = excluded.size > 0 ? candidates.filter((doc) => !excluded.has(doc)) : candidates;
    for (const phrase of query.phrases) {
      const terms = phraseTerms(phrase, this.analyzer);
      // One indexed word at the start of the phrase ("services of the") constrains nothing the
      // word match has not: every candidate holds it, and stop words are not indexed.
      if (terms.length === 0 || (terms.length === 1 && terms[0]?.offset === 0)) continue;
      const matching = documentsWithPhrase(this.set, terms, kept);
      kept = kept.filter((doc) => matching.has(doc));
    }
    return {
      hits: this.rank(kept, perWord, wanted),
      terms: new Set(perWord.flatMap((m) => m.terms)),
    };
  }

  /**
   * The hits, best first: each document's score is the sum of its words' scores (tripled when
   * its title holds every word); typo-only matches come last; ties go by id.
   */
  private rank(
    docs: Int32Array,
    perWord: readonly WordMatches[],
    wanted: readonly WantedWord[],
  ): SearchHit[] {
    const count = docs.length;
    const { scores, typo, titled } = this.rankScratch.take(count);
    for (const matches of perWord) {
      // Both lists ascend, so one pass pairs them up.
      let j = 0;
      for (let i = 0; i < count; i++) {
        const doc = docs[i] as number;
        while (j < matches.docs.length && (matches.docs[j] as number) < doc) j++;
        if (matches.docs[j] !== doc) continue;
        scores[i] = (scores[i] as number) + (matches.scores[j] as number);
        if (matches.typoOnly[j] === 1) typo[i] = 1;
        titled[i] = (titled[i] as number) + (matches.inTitle[j] as number);
      }
    }
    // A word being typed also counts when its title holds any term it is a prefix of, beyond
    // the capped expansions that were scored: only then is the title looked up.
    const titles = wanted.some((word) => word.prefix) ? new TitleTest(this.set, wanted) : null;
    for (let i = 0; i < count; i++)
      if (titled[i] === perWord.length || titles?.holdsAll(docs[i] as number))
        scores[i] = (scores[i] as number) * TITLE_BONUS;
    const order = bestFirst(
      scores,
      typo,
      this.set.segments.length > 1 ? this.tieOrder(docs) : null,
      this.rankScratch.order,
    );
    const hits = new Array<SearchHit>(count);
    for (let k = 0; k < count; k++) {
      const i = order[k] as number;
      hits[k] = {
        id: this.set.docId(docs[i] as number),
        score: scores[i] as number,
        viaTypo: typo[i] === 1,
      };
    }
    return hits;
  }

  /** Hit indexes in the order of their documents' ids (documents of several segments). */
  private tieOrder(docs: Int32Array): Int32Array {
    const rank = this.set.idRank;
    return Int32Array.from(docs.keys()).sort(
      (a, b) => (rank[docs[a] as number] as number) - (rank[docs[b] as number] as number),
    );
  }

  /** `analyzeQuery`, remembered for the last few hundred words. */
  private analyze(raw: string): QueryWord[] {
    let words = this.analyzed.get(raw);
    if (!words) {
      if (this.analyzed.size >= ANALYZED_CACHE_SIZE) this.analyzed.clear();
      this.analyzed.set(raw, (words = this.analyzer.analyzeQuery(raw)));
    }
    return words;
  }

  /**
   * Documents matching one word: its exact (stemmed) term, its capped prefix expansions while it
   * is being typed, and, when allowed, its capped typo expansions, scored together as one lunr
   * query so each document is scored once. Remembered between keystrokes.
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
    const written = this.analyzer.matchWrittenWords;
    // A word typed without its accents: the terms of the words that are written so but for them.
    if (written && word.term !== null && isAscii(word.raw))
      for (const term of this.writtenTerms(word.folded, false))
        if (!exact.includes(term)) exact.push(term);
    const prefixTerms = prefix
      ? [
          ...new Set([
            ...this.expandPrefix(word.folded),
            ...(written ? this.writtenTerms(word.folded, true) : []),
          ]),
        ].filter((t) => !exact.includes(t))
      : [];
    const typoTerms = allowTypos
      ? this.typoTerms(word.folded).filter((t) => !exact.includes(t) && !prefixTerms.includes(t))
      : [];
    const clauses: Clause[] = [
      ...exact.map((term) => ({ term, boost: BOOST.exact, typo: false })),
      ...prefixTerms.map((term) => ({ term, boost: BOOST.prefix, typo: false })),
      ...typoTerms.map((term) => ({ term, boost: BOOST.typo, typo: true })),
    ];
    const matches = this.set.scoreWord(clauses);
    this.wordCache.set(key, matches);
    if (this.wordCache.size > WORD_CACHE_SIZE) {
      const oldest = this.wordCache.keys().next().value;
      if (oldest !== undefined) this.wordCache.delete(oldest);
    }
    return matches;
  }

  /** Index terms that start with `prefix`, shortest first, capped, over every segment. */
  private expandPrefix(prefix: string): string[] {
    if (!isExpandable(prefix, 2)) return [];
    const cap = maxPrefixExpansions(Array.from(prefix).length);
    const found = this.set.segments.flatMap((segment) => {
      const [start, end] = prefixRange(segment.terms, prefix);
      return shortestInRange(segment.terms, start, end, cap).map((i) => segment.terms[i] as string);
    });
    return this.set.segments.length === 1 ? found : shortestFirst([...new Set(found)], cap);
  }

  /**
   * The terms of the library's words as written (the lexicon) that are `folded`, or, for a
   * prefix, that begin with it (capped, shortest words first, as `expandPrefix`).
   */
  private writtenTerms(folded: string, prefix: boolean): string[] {
    if (prefix && !isExpandable(folded, 2)) return [];
    const cap = prefix ? maxPrefixExpansions(Array.from(folded).length) : 1;
    const found = new Set<string>();
    for (const segment of this.set.segments) {
      const lexicon = segment.lexicon;
      if (!lexicon) throw new FragmentNeeded('lexicon');
      const [start, end] = prefixRange(lexicon.words, folded);
      const picked = prefix
        ? shortestInRange(lexicon.words, start, end, cap)
        : start < end && lexicon.words[start] === folded
          ? [start]
          : [];
      for (const i of picked) found.add(segment.terms[lexicon.termIds[i] as number] as string);
    }
    return [...found];
  }

  /**
   * Index terms of the library's words within typo distance of a folded word: the words are
   * matched as written (a typo is closer to "municipalities" than to its stem "municip"), then
   * mapped to the terms they are indexed under.
   */
  private typoTerms(folded: string): string[] {
    const distance = fuzzyDistanceFor(folded);
    if (distance === 0 || !isExpandable(folded, 1)) return [];
    const termOfWord = new Map<string, string>();
    for (const segment of this.set.segments) {
      const lexicon = segment.lexicon;
      if (!lexicon) throw new FragmentNeeded('lexicon');
      for (const i of lexicon.trie.within(folded, distance)) {
        const word = lexicon.words[i] as string;
        if (!termOfWord.has(word))
          termOfWord.set(word, segment.terms[lexicon.termIds[i] as number] as string);
      }
    }
    const words = shortestFirst(
      [...termOfWord.keys()].filter((word) => word !== folded),
      MAX_FUZZY_EXPANSIONS,
    );
    return [...new Set(words.map((word) => termOfWord.get(word) as string))];
  }
}

/**
 * Whether a document's title (or glossary term and aliases) holds every word of the query, the
 * word being typed counting if a title word starts with it: someone who types "shared serv"
 * wants "Shared digital services" before a title that only has "serves". BM25 alone favours
 * short entries and long repetitive ones. Each word's term id and prefix range are looked up
 * once per segment, not once per document.
 */
class TitleTest {
  /** Per segment: for each word, [exact term id or -1, prefix range start, end]. */
  private readonly bySegment: Array<Int32Array | undefined> = [];

  constructor(
    private readonly set: SegmentSet,
    private readonly words: readonly WantedWord[],
  ) {}

  holdsAll(doc: number): boolean {
    const s = this.set.segmentOf(doc);
    const segment = this.set.segments[s] as Segment;
    const local = doc - (this.set.bases[s] as number);
    const tests = (this.bySegment[s] ??= this.testsFor(segment));
    for (let w = 0; w < this.words.length; w++) {
      const id = tests[w * 3] as number;
      if (id >= 0 && segment.titleHasTermIn(local, id, id + 1)) continue;
      const [start, end] = [tests[w * 3 + 1] as number, tests[w * 3 + 2] as number];
      if (start < end && segment.titleHasTermIn(local, start, end)) continue;
      return false;
    }
    return true;
  }

  private testsFor(segment: Segment): Int32Array {
    const tests = new Int32Array(this.words.length * 3);
    this.words.forEach(({ word, prefix }, w) => {
      tests[w * 3] = word.term === null ? -1 : findTerm(segment.terms, word.term);
      if (!prefix || word.folded.length < 2) return;
      const [start, end] = prefixRange(segment.terms, word.folded);
      tests[w * 3 + 1] = start;
      tests[w * 3 + 2] = end;
    });
    return tests;
  }
}

/**
 * Per-hit arrays for ranking, kept between searches (a search can have thousands of hits) and
 * handed out cleared, as views of `count` entries.
 */
class RankScratch {
  private room = 0;
  private scoreSpace = new Float64Array(0);
  private typoSpace = new Uint8Array(0);
  private titledSpace = new Uint8Array(0);
  readonly order = new OrderScratch();

  take(count: number): { scores: Float64Array; typo: Uint8Array; titled: Uint8Array } {
    if (count > this.room) {
      this.room = Math.max(count, this.room * 2);
      this.scoreSpace = new Float64Array(this.room);
      this.typoSpace = new Uint8Array(this.room);
      this.titledSpace = new Uint8Array(this.room);
    }
    const scores = this.scoreSpace.subarray(0, count);
    const typo = this.typoSpace.subarray(0, count);
    // How many words' own terms each document's title holds, as scoring saw them.
    const titled = this.titledSpace.subarray(0, count);
    scores.fill(0);
    typo.fill(0);
    titled.fill(0);
    return { scores, typo, titled };
  }
}

/** True for text of ASCII characters only: a word typed without accents. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Documents every word matched, ascending. */
function intersect(perWord: readonly WordMatches[]): Int32Array {
  if (perWord.length === 1) return (perWord[0] as WordMatches).docs;
  const [smallest, ...rest] = [...perWord].sort((a, b) => a.docs.length - b.docs.length);
  if (!smallest) return new Int32Array(0);
  let kept = smallest.docs;
  for (const other of rest) kept = intersectTwo(kept, other.docs);
  return kept;
}

/**
 * The numbers in both ascending lists: the shorter one walked, the longer one searched by
 * galloping from where the last match was (as cheap as a merge for lists of like length, and
 * logarithmic in the longer list when one word is rare).
 */
function intersectTwo(short: Int32Array, long: Int32Array): Int32Array {
  const out = new Int32Array(short.length);
  let count = 0;
  let from = 0;
  for (let i = 0; i < short.length && from < long.length; i++) {
    const doc = short[i] as number;
    let step = 1;
    let high = from;
    while (high < long.length && (long[high] as number) < doc) {
      from = high + 1;
      high += step;
      step *= 2;
    }
    high = Math.min(high, long.length);
    let low = from;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((long[middle] as number) < doc) low = middle + 1;
      else high = middle;
    }
    from = low;
    if (from < long.length && long[from] === doc) out[count++] = doc;
  }
  return out.subarray(0, count);
}
