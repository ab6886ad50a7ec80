import { describe, expect, it } from 'vitest';
import { englishAnalyzer } from '../../../renderer/src/core/search/analyzer';
import { ANALYZERS, analyzerById } from '../../../renderer/src/core/search/analyzers';
import {
  frenchAnalyzer,
  frenchTermOf,
  frenchTokenSpans,
  MAX_STEMMED_WORD,
} from '../../../renderer/src/core/search/frenchAnalyzer';
import { phraseTerms } from '../../../renderer/src/core/search/phrases';
import { buildLexicon, suggestQueries } from '../../../renderer/src/core/search/suggest';

/** The indexed terms of a French text, in order. */
function terms(text: string): string[] {
  return frenchAnalyzer.indexTokens(text).flatMap((token) => frenchTermOf(token.word) ?? []);
}

describe('the French analyzer', () => {
  it('cuts elisions off, so the word after them is what is indexed and marked', () => {
    const text = "Gardez l'équipement réseau et la boîte d'outils à jour.";
    const words = frenchTokenSpans(text).map((token) => token.word);
    expect(words).toEqual([
      'Gardez',
      'équipement',
      'réseau',
      'et',
      'la',
      'boîte',
      'outils',
      'à',
      'jour',
    ]);
    const equipment = frenchTokenSpans(text)[1];
    expect(text.slice(equipment?.start, (equipment?.start ?? 0) + (equipment?.length ?? 0))).toBe(
      'équipement',
    );
    // Every elided word: l' d' j' m' n' s' t' c' qu' jusqu' lorsqu' puisqu' quoiqu' presqu',
    // curly or not (the spell check cuts the same ones: core/common/frenchElision.ts).
    expect(
      frenchTokenSpans(
        "l'avis d’outils qu'il jusqu'à lorsqu'elle puisqu'on c'est n'a presqu’entièrement",
      ).map((token) => token.word),
    ).toEqual(['avis', 'outils', 'il', 'à', 'elle', 'on', 'est', 'a', 'entièrement']);
    // Not an elision: the apostrophe stays inside the word, as the shared tokenizer keeps it.
    expect(frenchTokenSpans("aujourd'hui")[0]?.word).toBe("aujourd'hui");
  });

  it('drops French stop words as written and as typed without accents', () => {
    expect(terms('Le service est offert à la population et aux entreprises, même là.')).toEqual([
      'servic',
      'offert',
      'popul',
      'entrepris',
      'la',
    ]);
    for (const word of ['à', 'a', 'été', 'ete', 'même', 'meme', 'les', 'des', 'du'])
      expect(frenchTermOf(word), word).toBeNull();
  });

  it('stems before folding accents, so accented and unaccented words meet', () => {
    expect(frenchTermOf('équipement')).toBe('equip');
    expect(frenchTermOf('equipement')).toBe('equip');
    expect(frenchTermOf('Équipements')).toBe('equip');
    // The stemmer needs the accent: "municipalité" is municipal, "municipalite" is not (the
    // engine's written-word match covers that: searchEngine's matchWrittenWords).
    expect(frenchTermOf('municipalité')).toBe('municipal');
    expect(frenchTermOf('municipalite')).toBe('municipalit');
    expect(frenchTermOf('réseaux')).toBe('reseau');
    expect(frenchTermOf('débit')).toBe(frenchTermOf('debit'));
  });

  it('gives the plural forms one stem: municipal, municipaux, municipales', () => {
    const stems = ['municipal', 'municipaux', 'municipale', 'municipales', 'Municipaux'].map(
      frenchTermOf,
    );
    expect(new Set(stems)).toEqual(new Set(['municipal']));
  });

  it('analyzes queries with the same cuts: elision, accents, joined compounds', () => {
    const words = frenchAnalyzer.analyzeQuery("l'équipement d'outils Wi-Fi");
    expect(words.map((word) => [word.raw, word.folded, word.term])).toEqual([
      ['équipement', 'equipement', 'equip'],
      ['outils', 'outils', 'outil'],
      ['Wi-Fi', 'wifi', 'wif'],
    ]);
    expect(words[0]?.position).toEqual([2, 10]);
  });

  it('counts elided and stop words in phrases as words, as the index numbers them', () => {
    expect(phraseTerms(['large', 'bande'], frenchAnalyzer)).toEqual([
      { term: 'larg', offset: 0 },
      { term: 'band', offset: 1 },
    ]);
    expect(phraseTerms(["l'accès", 'à', 'internet'], frenchAnalyzer)).toEqual([
      { term: 'acces', offset: 0 },
      { term: 'internet', offset: 2 },
    ]);
  });

  it('suggests French words, keeping the elision typed', () => {
    const lexicon = buildLexicon(
      ["Gardez l'équipement réseau à jour", 'Les gouvernements municipaux'],
      frenchAnalyzer,
    );
    expect(lexicon.map((word) => word.folded)).toContain('equipement');
    expect(lexicon.map((word) => word.folded)).not.toContain('lequipement');
    expect(suggestQueries("l'equipemnt", lexicon, 3, frenchAnalyzer)).toEqual(["l'équipement"]);
  });

  it('folds a word longer than the stemmer takes without stemming it', () => {
    // The stemmer's time grows faster than the word: 160,000 letters took 24 s, which vitest's
    // timeout catches; the results below say the stemmer was not run.
    const hostile = 'ueiuoiyu'.repeat(20_000);
    expect(frenchTermOf(hostile)).toBe(hostile);
    const long = 'Équipements'.repeat(7);
    expect(long.length).toBeGreaterThan(MAX_STEMMED_WORD);
    expect(frenchTermOf(long)).toBe('equipements'.repeat(7));
    // At the limit the word is still stemmed.
    const atLimit = `${'a'.repeat(MAX_STEMMED_WORD - 'équipements'.length)}équipements`;
    expect(atLimit.length).toBe(MAX_STEMMED_WORD);
    expect(frenchTermOf(atLimit)).toBe(`${'a'.repeat(MAX_STEMMED_WORD - 11)}equip`);
  });

  it('is found by language and by the id segments record', () => {
    expect(ANALYZERS.fr).toBe(frenchAnalyzer);
    expect(ANALYZERS.en).toBe(englishAnalyzer);
    expect(analyzerById('fr')).toBe(frenchAnalyzer);
    expect(() => analyzerById('de')).toThrow(/analyzer this version does not know/);
  });
});
