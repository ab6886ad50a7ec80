import lunr from 'lunr';
import { analyzeQuery, foldWord, tokenize, type QueryWord } from './analyzer';
import { expandFuzzy, expandPrefix } from './expandTerms';
import { isEmptyQuery, parseQuery, type ParsedQuery } from './parseQuery';
import type { SearchField } from './searchFields';
import type { Position } from './snippet';

/** One document found by a search. */
export interface SearchHit {
  id: string;
  score: number;
  /** True when the document matched only through typo tolerance (ranked after exact hits). */
  viaTypo: boolean;
  /** Where the matched words are, per indexed field, as `[start, length]` offsets. */
  positions: Partial<Record<SearchField, Position[]>>;
}

export interface SearchOutcome {
  query: ParsedQuery;
  hits: SearchHit[];
}

/** The indexed text of each document, by field: needed for phrase checks and snippets. */
export type FieldTexts = ReadonlyMap<string, Readonly<Record<SearchField, string>>>;

/** Exact and prefix matching finding fewer documents than this brings in typo tolerance. */
const FEW_RESULTS = 3;

interface WordMatches {
  /** Document id to score and positions for this one word. */
  byDoc: Map<string, { score: number; positions: Partial<Record<SearchField, Position[]>> }>;
  viaTypo: Set<string>;
}

/**
 * Searches a prebuilt lunr index. Every word of the query must match (exactly, as a prefix while
 * it is being typed, or within a small edit distance when exact matching finds too little);
 * quoted phrases must appear in order; `-word` leaves documents out. Queries are built with
 * `index.query()`, never with lunr's query-string parser, so no input can throw.
 */
export class SearchEngine {
  private readonly foldedFieldsCache = new Map<string, string[][]>();

  constructor(
    private readonly index: lunr.Index,
    private readonly texts: FieldTexts,
  ) {}

  /** Runs a search. Total: returns no hits rather than throwing, whatever the input. */
  search(input: string): SearchOutcome {
    const query = parseQuery(input);
    if (isEmptyQuery(query)) return { query, hits: [] };
    try {
      return { query, hits: this.run(query) };
    } catch {
      // lunr has surprised people before (see perf-anchors §1b); a search box must not crash.
      return { query, hits: [] };
    }
  }

  private run(query: ParsedQuery): SearchHit[] {
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
      perWord = wanted.map(({ word, prefix }) => this.matchWord(word, prefix, true));
      candidates = intersect(perWord.map((m) => m.byDoc));
    }

    const excluded = new Set(
      query.excluded
        .flatMap((raw) => analyzeQuery(raw))
        .flatMap((word) => [...this.matchWord(word, false, false).byDoc.keys()]),
    );
    const hits: SearchHit[] = [];
    for (const id of candidates) {
      if (excluded.has(id)) continue;
      if (!query.phrases.every((phrase) => this.containsPhrase(id, phrase))) continue;
      const hit: SearchHit = { id, score: 0, viaTypo: false, positions: {} };
      for (const matches of perWord) {
        const entry = matches.byDoc.get(id);
        if (!entry) continue;
        hit.score += entry.score;
        hit.viaTypo ||= matches.viaTypo.has(id);
        mergePositions(hit.positions, entry.positions);
      }
      hits.push(hit);
    }
    return hits.sort(
      (a, b) =>
        Number(a.viaTypo) - Number(b.viaTypo) || b.score - a.score || (a.id < b.id ? -1 : 1),
    );
  }

  /** Documents matching one word: exactly, by capped prefix, and (if allowed) by capped typo. */
  private matchWord(word: QueryWord, prefix: boolean, allowTypos: boolean): WordMatches {
    const exact = word.term === null ? [] : [word.term];
    const prefixTerms = prefix ? expandPrefix(this.index, word.folded) : [];
    const typoTerms = allowTypos ? expandFuzzy(this.index, word.folded) : [];
    const run = (terms: string[], boost: number) =>
      terms.length === 0
        ? []
        : this.index.query((q) => {
            for (const term of terms)
              q.term(term, { usePipeline: false, boost, presence: lunr.Query.presence.OPTIONAL });
          });

    const byDoc: WordMatches['byDoc'] = new Map();
    const viaTypo = new Set<string>();
    const add = (results: lunr.Index.Result[], typo: boolean) => {
      for (const result of results) {
        const existing = byDoc.get(result.ref);
        if (existing) {
          existing.score = Math.max(existing.score, result.score);
          mergePositions(existing.positions, positionsOf(result));
          continue;
        }
        byDoc.set(result.ref, { score: result.score, positions: positionsOf(result) });
        if (typo) viaTypo.add(result.ref);
      }
    };
    add(run(exact, 10), false);
    add(
      run(
        prefixTerms.filter((t) => !exact.includes(t)),
        2,
      ),
      false,
    );
    add(
      run(
        typoTerms.filter((t) => !exact.includes(t)),
        1,
      ),
      true,
    );
    return { byDoc, viaTypo };
  }

  private containsPhrase(id: string, phrase: string[]): boolean {
    const target = phrase.map(foldWord).filter((w) => w !== '');
    if (target.length === 0) return true;
    // Field by field, so a phrase never spans the end of a title and the start of the body.
    return this.foldedFields(id).some((words) => {
      outer: for (let i = 0; i + target.length <= words.length; i++) {
        for (let j = 0; j < target.length; j++) if (words[i + j] !== target[j]) continue outer;
        return true;
      }
      return false;
    });
  }

  private foldedFields(id: string): string[][] {
    let fields = this.foldedFieldsCache.get(id);
    if (!fields) {
      const texts = this.texts.get(id);
      fields = texts
        ? [texts.title, texts.summary, ...texts.headings.split('\n'), texts.body].map((text) =>
            tokenize(text).map((token) => foldWord(token.toString())),
          )
        : [];
      this.foldedFieldsCache.set(id, fields);
    }
    return fields;
  }
}

function intersect<T>(maps: Map<string, T>[]): Set<string> {
  const [first, ...rest] = maps;
  if (!first) return new Set();
  return new Set([...first.keys()].filter((id) => rest.every((m) => m.has(id))));
}

function positionsOf(result: lunr.Index.Result): Partial<Record<SearchField, Position[]>> {
  const out: Partial<Record<SearchField, Position[]>> = {};
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

function mergePositions(
  into: Partial<Record<SearchField, Position[]>>,
  from: Partial<Record<SearchField, Position[]>>,
): void {
  for (const [field, positions] of Object.entries(from) as [SearchField, Position[]][]) {
    const list = (into[field] ??= []);
    for (const p of positions) if (!list.some((q) => q[0] === p[0] && q[1] === p[1])) list.push(p);
  }
}
