import type { SearchableDocument } from '../../../renderer/src/core/search/searchFields';
import {
  packDocumentPath,
  writePack,
  type PackDocumentFile,
} from '../../../renderer/src/core/packs/writePack';
import type { BenchCorpus } from '../search/corpus';
import { generateCorpus } from '../search/generate';
import { pick, randomInt, seededRandom, type Random } from '../search/random';

/**
 * Content packs for the pack benchmark: `count` local documents (the type a township's own pack
 * holds most: by-laws, minutes, procedures) written by core `writePack`, so they are real
 * `.onmunipack` bytes that `readPack` accepts.
 *
 * The words come from the search benchmark's generator (`search/generate.ts`): each document
 * copies the field lengths, heading count and topics of a real document of `content/` drawn at
 * random and fills them with words drawn from the real corpus's word frequencies, so lengths vary
 * as the library's do and the topics are the bundled vocabulary's. This file turns that text into
 * Markdown a publisher would write: front matter, `##` headings, sentences, paragraphs, some
 * bullet lists, and links (`related` and `doc:`) to other documents of the pack and to the
 * bundled library, which the reader resolves and checks like any pack's.
 */

/** The day every generated document was "updated" and the pack made. */
const CREATED = '2026-12-01';
/** Field limits of the front-matter schema (frontMatter.ts): generated text is cut to fit. */
const MAX_TITLE = 120;
const MAX_SUMMARY = 500;
/** Every this many documents link to an earlier one and to a bundled document. */
const LINK_EVERY = 5;

/** Words as the generator wrote them: single spaces between words. */
function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Words joined, cut at a word boundary to at most `max` characters. */
function cut(words: readonly string[], max: number): string {
  let text = '';
  for (const word of words) {
    const next = text === '' ? word : `${text} ${word}`;
    if (next.length > max) break;
    text = next;
  }
  return text;
}

/** Words as sentences of 6 to 18 words: first letter capitalised, a full stop at the end. */
function sentences(words: readonly string[], random: Random): string[] {
  const out: string[] = [];
  for (let at = 0; at < words.length;) {
    const length = 6 + randomInt(random, 13);
    out.push(`${capitalised(words.slice(at, at + length).join(' '))}.`);
    at += length;
  }
  return out;
}

/** A section's text as Markdown blocks: paragraphs of 2 to 5 sentences, now and then a list. */
function blocks(words: readonly string[], random: Random): string[] {
  const all = sentences(words, random);
  const out: string[] = [];
  for (let at = 0; at < all.length;) {
    const length = 2 + randomInt(random, 4);
    const group = all.slice(at, at + length);
    at += length;
    out.push(
      random() < 0.15 ? group.map((sentence) => `- ${sentence}`).join('\n') : group.join(' '),
    );
  }
  return out;
}

/** A document id from a title: ASCII words, then the number that keeps it unique. */
function idFor(title: string, number: string): string {
  const ascii = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .slice(0, 5);
  return [...ascii, number].join('-');
}

/** The Markdown of one local document; `links` are ids it names in `related` and the body. */
function markdownOf(doc: SearchableDocument, id: string, links: readonly string[], random: Random) {
  // The generated plain text is the intro, then each heading's text on its own line followed by
  // its section (search/generate.ts writes it that way).
  const [intro = '', ...rest] = doc.plainText.split('\n');
  const body: string[] = blocks(wordsOf(intro), random);
  if (links.length > 0)
    body.push(`See also ${links.map((link) => `[${link}](doc:${link})`).join(' and ')}.`);
  doc.headings.forEach((heading, i) => {
    const section = rest[2 * i + 1];
    if (section === undefined) return;
    body.push(`${'#'.repeat(Math.max(2, heading.level))} ${capitalised(heading.text)}`);
    body.push(...blocks(wordsOf(section), random));
  });
  const title = capitalised(cut(wordsOf(doc.title), MAX_TITLE));
  const summary = `${capitalised(cut(wordsOf(doc.summary), MAX_SUMMARY - 1))}.`;
  const front = [
    '---',
    `id: ${id}`,
    'type: local-document',
    `title: ${JSON.stringify(title)}`,
    `summary: ${JSON.stringify(summary)}`,
    `topics: [${doc.topics.join(', ')}]`,
    `updated: ${CREATED}`,
    ...(links.length > 0 ? [`related: [${links.join(', ')}]`] : []),
    '---',
  ];
  return `${front.join('\n')}\n\n${body.join('\n\n')}\n`;
}

/**
 * The Markdown files of a pack of `count` documents; see the file comment. `bundledIds` are the
 * library's documents that some pack documents link to. The same arguments give the same files.
 */
export function packFiles(
  real: BenchCorpus,
  count: number,
  seed: number,
  bundledIds: readonly string[],
): PackDocumentFile[] {
  const random = seededRandom(seed + 1);
  const { docs } = generateCorpus(real, count, `${count}-doc pack`, seed).corpus;
  const width = String(count).length;
  const ids = docs.map((doc, i) => idFor(doc.title, String(i + 1).padStart(width, '0')));
  return docs.map((doc, i) => {
    const id = ids[i] as string;
    const links =
      i > 0 && i % LINK_EVERY === 0
        ? [ids[randomInt(random, i)] as string, pick(random, bundledIds)]
        : [];
    return {
      path: packDocumentPath('local-document', id),
      text: markdownOf(doc, id, links, random),
    };
  });
}

/** A written pack and what writing it took. */
export interface GeneratedPack {
  documents: number;
  bytes: Uint8Array;
  /** Sum of the Markdown files' sizes, bytes. */
  markdownBytes: number;
  /** `writePack` (hashes, deflate, ZIP), ms: context, not a goal. */
  writeMs: number;
}

/** Writes a pack of `count` generated documents with core `writePack`. */
export async function generatePack(
  real: BenchCorpus,
  count: number,
  seed: number,
  bundledIds: readonly string[],
): Promise<GeneratedPack> {
  const files = packFiles(real, count, seed, bundledIds);
  const started = performance.now();
  const written = await writePack(
    {
      id: `bench-${count}`,
      title: `Benchmark pack of ${count} documents`,
      version: '1.0.0',
      publisher: 'OnMuni Toolkit benchmark',
      created: CREATED,
      description: 'Generated local documents for `npm run bench -- packs`.',
    },
    files,
  );
  const writeMs = performance.now() - started;
  if (!written.ok)
    throw new Error(
      `writePack refused the ${count}-document pack: ${JSON.stringify(written.refusals.slice(0, 3))}`,
    );
  return {
    documents: count,
    bytes: written.bytes,
    markdownBytes: files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0),
    writeMs,
  };
}
