import { asDocId } from '../../../renderer/src/core/content/ids';
import { foldWord, wordSpans } from '../../../renderer/src/core/search/analyzer';
import type { SearchableDocument } from '../../../renderer/src/core/search/searchFields';
import type { BenchCorpus } from './corpus';
import { pick, randomInt, seededRandom, WeightedSampler, type Random } from './random';

/**
 * Synthetic corpora that follow the real one: each generated document copies the metadata and
 * the field lengths (in words) of a real document drawn at random, and fills its title, summary,
 * headings and body with words drawn from the unigram distribution of that field in the real
 * corpus. So word frequencies, document lengths, heading counts and the mix of document types
 * all match the real corpus.
 *
 * One addition: vocabulary growth. Sampling 5M words from a 41k-word corpus would reuse its ~5k
 * distinct words forever, which makes prefix and typo expansion unrealistically cheap. Real text
 * keeps adding words (Heaps' law, V = K·n^β), so once the generated text is longer than the real
 * body text, each body word is, with probability dV/dn = K·β·n^(β−1), a new word made from the
 * head of one real word and the tail of another. K and β are fitted on the real corpus itself.
 */

/** Words of a text, as typed (case and accents kept; the analyzer folds them later). */
function wordsOf(text: string): string[] {
  return wordSpans(text).map((span) => span.word);
}

function countWords(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Heaps' law V = K·n^β fitted by least squares on log V vs log n along the real body text. */
export interface HeapsLaw {
  k: number;
  beta: number;
  /** Body words in the real corpus: growth starts after this many generated words. */
  realTokens: number;
}

/** Fits Heaps' law on the folded body words of a corpus, in document order. */
export function fitHeaps(docs: readonly SearchableDocument[]): HeapsLaw {
  const seen = new Set<string>();
  const points: Array<[number, number]> = [];
  let n = 0;
  for (const doc of docs)
    for (const word of wordsOf(doc.plainText)) {
      seen.add(foldWord(word));
      n += 1;
      if (n % 500 === 0) points.push([Math.log(n), Math.log(seen.size)]);
    }
  if (points.length < 2) return { k: 0, beta: 0, realTokens: n };
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  const beta = covariance / variance;
  return { k: Math.exp(meanY - beta * meanX), beta, realTokens: n };
}

/** Per-field word models of the real corpus. */
interface Model {
  title: WeightedSampler<string>;
  summary: WeightedSampler<string>;
  heading: WeightedSampler<string>;
  body: WeightedSampler<string>;
  /** Lengths (in words) of every real heading. */
  headingLengths: number[];
  /** Real lowercase words of 4+ letters, the parts new words are made of. */
  parts: string[];
  known: Set<string>;
  heaps: HeapsLaw;
}

function buildModel(docs: readonly SearchableDocument[]): Model {
  const body = countWords(docs.map((doc) => doc.plainText));
  const parts = [...body.keys()]
    .map((word) => word.toLowerCase())
    .filter((word) => /^\p{Ll}{4,}$/u.test(word));
  return {
    title: new WeightedSampler(countWords(docs.map((doc) => doc.title))),
    summary: new WeightedSampler(countWords(docs.map((doc) => doc.summary))),
    heading: new WeightedSampler(
      countWords(docs.flatMap((doc) => doc.headings.map((heading) => heading.text))),
    ),
    body: new WeightedSampler(body),
    headingLengths: docs.flatMap((doc) => doc.headings.map((h) => wordsOf(h.text).length)),
    parts,
    known: new Set(parts),
    heaps: fitHeaps(docs),
  };
}

/** A plausible new word: the head of one real word joined to the tail of another. */
function newWord(model: Model, random: Random): string {
  for (;;) {
    const head = pick(random, model.parts);
    const tail = pick(random, model.parts);
    const word =
      head.slice(0, 3 + randomInt(random, head.length - 2)) +
      tail.slice(1 + randomInt(random, tail.length - 2));
    if (!model.known.has(word)) {
      model.known.add(word);
      return word;
    }
  }
}

function sampleWords(sampler: WeightedSampler<string>, count: number, random: Random): string {
  return Array.from({ length: count }, () => sampler.sample(random)).join(' ');
}

function slugOf(text: string): string {
  return wordsOf(text).join('-').toLowerCase();
}

/**
 * Generates `count` documents that follow `real` (see the file comment). `seed` fixes the output.
 * Returns the corpus and the number of distinct new words it introduced.
 */
export function generateCorpus(
  real: BenchCorpus,
  count: number,
  name: string,
  seed: number,
): { corpus: BenchCorpus; newWords: number; heaps: HeapsLaw } {
  const random = seededRandom(seed);
  const model = buildModel(real.docs);
  const { k, beta, realTokens } = model.heaps;
  let generatedTokens = 0;
  let newWords = 0;
  const bodyWord = (): string => {
    generatedTokens += 1;
    if (generatedTokens > realTokens && beta > 0) {
      const growth = k * beta * generatedTokens ** (beta - 1);
      if (random() < growth) {
        newWords += 1;
        return newWord(model, random);
      }
    }
    return model.body.sample(random);
  };

  const docs: SearchableDocument[] = [];
  const width = String(count).length;
  for (let i = 0; i < count; i++) {
    const template = pick(random, real.docs);
    const headings = template.headings.map((heading) => {
      const text = sampleWords(
        model.heading,
        Math.max(1, pick(random, model.headingLengths)),
        random,
      );
      return { level: heading.level, text, slug: slugOf(text) };
    });
    // The real plain text contains its headings as lines; so does the generated one.
    const bodyLength = wordsOf(template.plainText).length;
    const perSection = Math.ceil(bodyLength / (headings.length + 1));
    const lines: string[] = [];
    for (let section = 0, written = 0; written < bodyLength; section++) {
      if (section > 0 && headings[section - 1]) lines.push(headings[section - 1]?.text ?? '');
      const words = Math.min(perSection, bodyLength - written);
      lines.push(Array.from({ length: words }, bodyWord).join(' '));
      written += words;
    }
    const doc: SearchableDocument = {
      id: asDocId(`gen-${String(i).padStart(width, '0')}`),
      type: template.type,
      title: sampleWords(model.title, Math.max(1, wordsOf(template.title).length), random),
      summary: sampleWords(model.summary, Math.max(1, wordsOf(template.summary).length), random),
      topics: [...template.topics],
      headings,
      plainText: lines.join('\n'),
    };
    if (template.municipality) doc.municipality = { ...template.municipality };
    if (template.term !== undefined) doc.term = template.term;
    if (template.aliases !== undefined) doc.aliases = [...template.aliases];
    docs.push(doc);
  }
  return {
    corpus: {
      name,
      origin: `generated from the real corpus (seed ${seed})`,
      vocabulary: real.vocabulary,
      docs,
    },
    newWords,
    heaps: model.heaps,
  };
}
