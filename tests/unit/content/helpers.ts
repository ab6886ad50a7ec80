import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from '../../../renderer/src/core/content/corpus';
import { formatIssue } from '../../../renderer/src/core/content/issues';
import type { SourceFile } from '../../../renderer/src/core/content/parseFile';
import { parseVocabulary, type Vocabulary } from '../../../renderer/src/core/content/vocabulary';
import { readCorpusFiles } from '../../../build/content/readCorpus';

/** The happy-path fixture corpus: one or two documents of every type, valid. */
export const VALID_DIR = fileURLToPath(new URL('./fixtures/valid', import.meta.url));

/** The fixture corpus's vocabulary. */
export function fixtureVocabulary(): Vocabulary {
  const { vocabulary } = parseVocabulary(
    readFileSync(path.join(VALID_DIR, 'vocabulary.yml'), 'utf8'),
    'v',
  );
  if (!vocabulary) throw new Error('fixture vocabulary is invalid');
  return vocabulary;
}

/** The valid corpus's files, shown as `content/<folder>/<id>.md` like the real corpus. */
export async function validFiles(): Promise<SourceFile[]> {
  const files = await readCorpusFiles(VALID_DIR);
  return files.map((file) => ({ ...file, displayPath: `content/${file.relativePath}` }));
}

/**
 * Runs the pure corpus build over the valid corpus with some files replaced (text), added, or
 * removed (null), and returns the formatted issues.
 */
export async function issuesWith(changes: Record<string, string | null>): Promise<string[]> {
  const files = new Map((await validFiles()).map((file) => [file.relativePath, file]));
  for (const [relativePath, text] of Object.entries(changes)) {
    if (text === null) files.delete(relativePath);
    else files.set(relativePath, { relativePath, displayPath: `content/${relativePath}`, text });
  }
  return buildCorpus([...files.values()], fixtureVocabulary()).issues.map(formatIssue);
}

/**
 * A valid case study whose lines are numbered below, so each test can name the line it breaks.
 * Tests edit it with `edit()`; the numbers stay true as long as an edit keeps the line count.
 */
export const CASE_STUDY = [
  '---', // 1
  'id: case-fixture-test', // 2
  'type: case-study', // 3
  'title: A test case', // 4
  'summary: Two short sentences. About a test.', // 5
  'topics: [broadband, cybersecurity]', // 6
  'updated: 2026-11-26', // 7
  'sources:', // 8
  '  - title: A source', // 9
  '    url: https://example.org/source', // 10
  'municipality:', // 11
  '  name: Testville', // 12
  '  tier: lower-tier', // 13
  '  region: north', // 14
  '  population: 3000', // 15
  '  censusYear: 2016', // 16
  '  populationSource: https://example.org/source', // 17
  '  smallRuralNorthern: true', // 18
  "years: '2019'", // 19
  'yearsSource: https://example.org/source', // 20
  'related: [guide-1-fixture-start]', // 21
  '---', // 22
  'Body line one.', // 23
  '', // 24
  '## A heading', // 25
  '', // 26
  'Body line five.', // 27
  '',
].join('\n');

/** A valid guide step (step 3 follows the fixture corpus's steps 1 and 2). */
export const GUIDE_STEP = [
  '---', // 1
  'id: guide-3-fixture-test', // 2
  'type: guide-step', // 3
  'step: 3', // 4
  'title: A test step', // 5
  'summary: Two short sentences. About a step.', // 6
  'topics: [governance-strategy]', // 7
  'updated: 2026-11-26', // 8
  'timeRequired: 1 week', // 9
  'involved: [CAO]', // 10
  '---', // 11
  'Body.', // 12
  '',
].join('\n');

/** A valid glossary entry. */
export const GLOSSARY = [
  '---', // 1
  'id: glossary-fixture-test', // 2
  'type: glossary', // 3
  'term: Test term', // 4
  'aliases: [Another name]', // 5
  'title: Test term', // 6
  'summary: A term for tests. It means nothing.', // 7
  'topics: [cybersecurity]', // 8
  'updated: 2026-11-26', // 9
  '---', // 10
  'Body.', // 11
  '',
].join('\n');

/** A valid recommendation (number 3 follows the fixture corpus's 1 and 2). */
export const RECOMMENDATION = [
  '---', // 1
  'id: recommendation-3-fixture-test', // 2
  'type: recommendation', // 3
  'number: 3', // 4
  'title: A test recommendation', // 5
  'summary: Two short sentences. About a recommendation.', // 6
  'topics: [governance-strategy]', // 7
  'updated: 2026-11-26', // 8
  '---', // 9
  'Body.', // 10
  '',
].join('\n');

/** Replaces exactly one occurrence of `from` in `text`, failing loudly when it is absent. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture edit: ${JSON.stringify(from)} not found`);
  return text.replace(from, to);
}
