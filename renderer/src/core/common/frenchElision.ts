/**
 * French elisions: the articles, pronouns and conjunctions French glues to the next word with an
 * apostrophe, straight or curly ("l'équipement", "d’outils", "qu'il", "jusqu'à", "presqu'île").
 * One rule for everything that reads French words: the search analyzer indexes the word after
 * the elision, the spell check checks it.
 */
const FRENCH_ELISION =
  /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’](?=[\p{L}\p{M}\p{N}])/iu;

/**
 * How many characters of `word` are an elided word and its apostrophe (2 for "l'équipement"),
 * 0 when it starts with none. Only before a letter or digit: "l'" alone is no elision.
 */
export function frenchElisionLength(word: string): number {
  return FRENCH_ELISION.exec(word)?.[0].length ?? 0;
}
