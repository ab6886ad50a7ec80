import { frenchElisionLength } from '../../renderer/src/core/common/frenchElision';
import type { ContentIssue } from '../../renderer/src/core/content/issues';
import { translatedFields } from '../../renderer/src/core/content/inStep';
import { markdownParts } from '../../renderer/src/core/content/markdownParts';
import type { ParsedDocument } from '../../renderer/src/core/content/parseFile';
import type { Vocabulary } from '../../renderer/src/core/content/vocabulary';

/** Where the project word list lives, relative to the content folder. */
export const WORD_LIST_PATH = 'fr/words.txt';

/** Tells whether a word is spelled right. */
export interface Speller {
  correct(word: string): boolean;
}

/**
 * The French speller: nspell with dictionary-fr (Hunspell's French dictionary from
 * Grammalecte), plus the project's word list. Parsing the dictionary takes about five seconds,
 * so it is done once per process (and only by a run that checks spelling).
 */
export async function loadFrenchSpeller(projectWords: readonly string[]): Promise<Speller> {
  const spell = await (frenchDictionary ??= parseFrenchDictionary());
  const listed = new Set(projectWords);
  // A listed word also stands capitalised, as at the start of a sentence.
  const isListed = (word: string) =>
    listed.has(word) || listed.has(word.charAt(0).toLowerCase() + word.slice(1));
  return { correct: (word) => isListed(word) || spell.correct(word) };
}

let frenchDictionary: Promise<Speller> | undefined;

async function parseFrenchDictionary(): Promise<Speller> {
  const [{ default: nspell }, { default: dictionary }] = await Promise.all([
    import('nspell'),
    import('dictionary-fr'),
  ]);
  return nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
}

/** The words of `words.txt`: one a line; blank lines and lines starting with `#` are skipped. */
export function parseWordList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

const POSSESSIVE = /^(.+)'s$/;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
/**
 * Addresses are not words: a bare URL or e-mail left in text (links' targets are not text). Text
 * is cut at white space first and each piece tested from its start (after at most three opening
 * marks, « (ontario.ca) »), so the test costs time in proportion to the piece: an unanchored
 * pattern retried at every position took seconds on `a.a.a.…`.
 */
const ADDRESS_PIECE =
  /^[^\w\s]{0,3}(?:\S*?https?:\/\/|www\.|[^\s@]+@[^\s@]+\.[^\s@]|[\w-]+(?:\.[\w-]+)*\.(?:ca|com|org|net|gov|info)(?![\w-]))/;

/** The text without the white-space-separated pieces that are addresses. */
function withoutAddresses(text: string): string {
  return text
    .split(/\s+/)
    .filter((piece) => !ADDRESS_PIECE.test(piece))
    .join(' ');
}

/**
 * True when the speller knows the word as written, or each part of it: after an elision
 * (« l'équipement »), before an English possessive in a name (« Ontario's ») or between hyphens
 * (« Sud-Ouest »), which the dictionary does not list in every combination.
 */
export function isKnown(word: string, speller: Speller): boolean {
  const straight = word.replace(/’/g, "'");
  if (speller.correct(straight) || speller.correct(word)) return true;
  const elided = frenchElisionLength(straight);
  if (elided > 0) return isKnown(straight.slice(elided), speller);
  const possessive = POSSESSIVE.exec(straight);
  if (possessive?.[1] !== undefined) return isKnown(possessive[1], speller);
  if (straight.includes('-')) return straight.split('-').every((part) => isKnown(part, speller));
  return false;
}

/**
 * What the English library says, for telling names from misspellings in French text: a French
 * version names the same municipalities, programs and organisations, often in English ("Blue
 * Sky Net", "Lake of Bays").
 */
export interface EnglishWords {
  /** Capitalised words of the English library (names, acronyms) as written. */
  names: ReadonlySet<string>;
  /** Every word of the English library in lower case, for the small words inside names. */
  words: ReadonlySet<string>;
}

/** The words of the English library: its documents' front matter and bodies, and its labels. */
export function englishWordsOf(
  documents: readonly ParsedDocument[],
  vocabulary: Vocabulary,
): EnglishWords {
  const names = new Set<string>();
  const words = new Set<string>();
  const texts = [
    ...documents.flatMap((doc) => [JSON.stringify(doc.frontMatter), doc.body]),
    JSON.stringify(vocabulary),
  ];
  for (const text of texts)
    for (const [word] of text.matchAll(WORD)) {
      words.add(word.toLowerCase());
      if (isCapitalised(word)) names.add(word);
    }
  return { names, words };
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * The speller, also taking as written a capitalised word the English library spells the same
 * way (a name, not a misspelling), and an English small word between two capitalised words
 * ("of" in « canton de Lake of Bays »).
 */
function withEnglishNames(speller: Speller, english: EnglishWords): (found: FoundWord) => boolean {
  const names: Speller = {
    correct: (word) => speller.correct(word) || (isCapitalised(word) && english.names.has(word)),
  };
  return (found) =>
    isKnown(found.word, names) || (found.inName && english.words.has(found.word.toLowerCase()));
}

/** A word of French text to check. */
export interface FoundWord {
  word: string;
  /** Line (1-based) of the block the word is in. */
  line: number;
  /** The words on either side are capitalised: the word may be part of a name. */
  inName: boolean;
}

/**
 * The words of some French Markdown to check, with the line (1-based) of the block each is in:
 * prose only, without English spans, code, addresses and anything holding a digit (a figure, a
 * name such as « COVID-19 », « MS365 » or « km² »).
 */
export function wordsOf(markdown: string): FoundWord[] {
  const found: FoundWord[] = [];
  for (const part of markdownParts(markdown)) {
    if (part.english || part.code) continue;
    const words = [...withoutAddresses(part.text).matchAll(WORD)].map((m) => m[0]);
    words.forEach((word, i) => {
      if (/\p{N}/u.test(word)) return;
      const inName = isCapitalised(words[i - 1] ?? '') && isCapitalised(words[i + 1] ?? '');
      found.push({ word, line: part.line, inName });
    });
  }
  return found;
}

/**
 * Spelling issues of French versions: every translated field and the body (not a `bodyFrom: en`
 * one, which is English), one issue per unknown word per field, at the line it is on. A glossary
 * alias that is one of the English version's names for the term is English by design and is not
 * checked.
 */
export function spellingIssues(
  documents: readonly ParsedDocument[],
  english: ReadonlyMap<string, ParsedDocument>,
  englishWords: EnglishWords,
  speller: Speller,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const known = memo(withEnglishNames(speller, englishWords));
  for (const doc of documents) {
    const englishTerms = englishTermsOf(english.get(doc.frontMatter.id));
    const lines = doc.file.text.replace(/\r\n?/g, '\n').split('\n');
    const fields: Array<[string, string, number]> = translatedFields(doc.frontMatter)
      .filter(([path, , text]) => path[0] !== 'aliases' || !englishTerms.has(text.toLowerCase()))
      .map(([path, field, text]) => [field, text, doc.lineOf(path)]);
    if (doc.bodyFrom === null) fields.push(['body', doc.body, doc.bodyStartLine]);
    for (const [field, text, firstLine] of fields) {
      const reported = new Set<string>();
      for (const found of wordsOf(text)) {
        if (reported.has(found.word) || known(found)) continue;
        reported.add(found.word);
        // A body part knows its line; a YAML field's text may be folded over several lines.
        const from = field === 'body' ? firstLine + found.line - 1 : firstLine;
        issues.push({
          file: doc.file.displayPath,
          line: lineWith(lines, found.word, from),
          field,
          message: unknownWordMessage(found.word),
        });
      }
    }
  }
  return issues;
}

/** A glossary entry's English term and aliases, in lower case. */
function englishTermsOf(english: ParsedDocument | undefined): Set<string> {
  const fm = english?.frontMatter;
  if (fm?.type !== 'glossary') return new Set();
  return new Set([fm.term, ...fm.aliases].map((name) => name.toLowerCase()));
}

/** Spelling issues of the French vocabulary's labels (`content/fr/vocabulary.yml`). */
export function vocabularySpellingIssues(
  vocabulary: Vocabulary,
  file: { displayPath: string; text: string },
  englishWords: EnglishWords,
  speller: Speller,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const known = memo(withEnglishNames(speller, englishWords));
  const lines = file.text.split('\n');
  for (const list of ['topics', 'regions', 'tiers'] as const)
    for (const [id, label] of Object.entries(vocabulary[list]))
      for (const found of wordsOf(label)) {
        if (known(found)) continue;
        const line = lines.findIndex((l) => l.trim().startsWith(`${id}:`)) + 1;
        issues.push({
          file: file.displayPath,
          line: Math.max(1, line),
          field: `${list}.${id}`,
          message: unknownWordMessage(found.word),
        });
      }
  return issues;
}

function unknownWordMessage(word: string): string {
  return `'${word}' is not in the French dictionary; fix its spelling, or, if it is a name, an acronym or an accepted term, add it to content/${WORD_LIST_PATH} (one word a line)`;
}

function memo(known: (found: FoundWord) => boolean): (found: FoundWord) => boolean {
  const cache = new Map<string, boolean>();
  return (found) => {
    const key = `${found.inName ? 1 : 0}${found.word}`;
    let result = cache.get(key);
    if (result === undefined) {
      result = known(found);
      cache.set(key, result);
    }
    return result;
  };
}

/** The first line from `from` (1-based, looking 200 lines ahead) holding the word whole. */
function lineWith(lines: readonly string[], word: string, from: number): number {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
  for (let line = from; line <= Math.min(lines.length, from + 200); line++)
    if (pattern.test(lines[line - 1] ?? '')) return line;
  return from;
}
