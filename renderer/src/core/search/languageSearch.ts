import type { Language } from '../../../../electron/shared/language';
import type { LazyFragmentKind } from './layout/format';
import { parseQuery, type ParsedQuery } from './parseQuery';
import type {
  SearchEngine,
  SearchFailure,
  SearchHit,
  SearchOptions,
  SearchOutcome,
} from './searchEngine';

/**
 * Search in an interface language: one engine per language of text (each with its own analyzer
 * and segments, never ranked together), asked in order of preference. In French: the French
 * library's engine, then the English one (the English library, content packs and own documents).
 * A query in either language finds its document ("haut débit" in the French text, "broadband"
 * in the English), and each document comes once, where it matched in the preferred language if
 * it did there.
 */

/** A document found, with the language of the text that matched (its snippet's language). */
export interface LanguageHit extends SearchHit {
  lang: Language;
}

/** `SearchOutcome` over several languages. */
export interface LanguageOutcome {
  query: ParsedQuery;
  /**
   * Exact hits language by language, in order of preference and each language's own ranking,
   * then the typo-only hits the same way; a document found in an earlier language is not
   * repeated. (Typo-only hits come last so a near miss in French never hides an exact English
   * match.)
   */
  hits: LanguageHit[];
  /** The index terms matched in each language's text, for `matchPositions` with its analyzer. */
  terms: Partial<Record<Language, ReadonlySet<string>>>;
  /** Fragments some engine still needs (then `hits` is empty): `load` them and search again. */
  pending: LazyFragmentKind[];
  failure: SearchFailure | null;
}

/** One language's engine. */
export interface LanguageEngine {
  lang: Language;
  engine: SearchEngine;
}

export class LanguageSearch {
  /** @param engines In order of preference: the interface language's first. */
  constructor(readonly engines: readonly LanguageEngine[]) {}

  /** Changes each time a fragment arrives in any engine (for `useSyncExternalStore`). */
  get version(): number {
    return this.engines.reduce((sum, { engine }) => sum + engine.version, 0);
  }

  subscribe(listener: () => void): () => void {
    const unsubscribe = this.engines.map(({ engine }) => engine.subscribe(listener));
    return () => unsubscribe.forEach((stop) => stop());
  }

  /** Loads fragments into every engine that lacks them (each loads only what it lacks). */
  async load(kinds: readonly LazyFragmentKind[]): Promise<void> {
    await Promise.all(this.engines.map(({ engine }) => engine.load(kinds)));
  }

  /** Searches, loading whatever fragments the query turns out to need first. */
  async searchWhenReady(input: string, options: SearchOptions = {}): Promise<LanguageOutcome> {
    for (;;) {
      const outcome = this.search(input, options);
      if (outcome.pending.length === 0) return outcome;
      await this.load(outcome.pending);
    }
  }

  /** Runs the search in every language over what is loaded; total, like `SearchEngine.search`. */
  search(input: string, options: SearchOptions = {}): LanguageOutcome {
    const only = this.engines.length === 1 ? this.engines[0] : undefined;
    if (only) return alone(only, input, options);
    const outcomes = this.engines.map(({ lang, engine }) => ({
      lang,
      outcome: engine.search(input, options),
    }));
    const first = outcomes[0]?.outcome;
    const failure = outcomes.find(({ outcome }) => outcome.failure)?.outcome.failure ?? null;
    const pending = [...new Set(outcomes.flatMap(({ outcome }) => outcome.pending))];
    const terms: LanguageOutcome['terms'] = {};
    for (const { lang, outcome } of outcomes)
      terms[lang] = new Set([...(terms[lang] ?? []), ...outcome.terms]);
    const base = { query: first?.query ?? parseQuery(input), terms, pending, failure };
    if (failure || pending.length > 0) return { ...base, hits: [] };
    return { ...base, hits: preferred(outcomes) };
  }
}

/**
 * One language's search (English, which has one engine) on every keystroke without the merging
 * work: the engine already ranks typo-only hits last and gives each document once, so its order
 * is {@link preferred}'s; its term set is used as it is; and its hits, new objects made for this
 * search alone, are tagged with the language in place rather than copied.
 */
function alone({ lang, engine }: LanguageEngine, input: string, options: SearchOptions) {
  const outcome = engine.search(input, options);
  const hits = outcome.hits as LanguageHit[];
  for (const hit of hits) hit.lang = lang;
  return {
    query: outcome.query,
    terms: { [lang]: outcome.terms },
    pending: outcome.pending,
    failure: outcome.failure,
    hits: outcome.failure || outcome.pending.length > 0 ? [] : hits,
  } satisfies LanguageOutcome;
}

/** The hits of each language in order of preference, exact before typo-only, each id once. */
function preferred(outcomes: ReadonlyArray<{ lang: Language; outcome: SearchOutcome }>) {
  const seen = new Set<string>();
  const hits: LanguageHit[] = [];
  for (const viaTypo of [false, true])
    for (const { lang, outcome } of outcomes)
      for (const hit of outcome.hits)
        if (hit.viaTypo === viaTypo && !seen.has(hit.id)) {
          seen.add(hit.id);
          hits.push({ ...hit, lang });
        }
  return hits;
}
