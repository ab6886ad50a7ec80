import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runContentPipeline, type PipelineResult } from '../../../build/content/pipeline';
import { formatIssue } from '../../../renderer/src/core/content/issues';
import { VALID_DIR } from './helpers';

/**
 * A workshop for the fixture library (it has none): two blocks, one with questions, so the
 * in-step rules on blocks and questions have something to compare.
 */
export const ROOM_WORKSHOP = [
  '---',
  'id: workshop-fixture-room',
  'type: workshop',
  'title: A room workshop',
  'summary: Two short sentences. About 2 blocks.',
  'audience: Council',
  'durationMinutes: 30',
  'topics: [broadband]',
  'updated: 2026-11-26',
  'blocks:',
  '  - title: Welcome',
  '    minutes: 10',
  '    purpose: People know why they are here.',
  '    facilitatorNotes: Keep it to 5 minutes.',
  '    activity: Introduce yourself.',
  '    documents: [guide-1-fixture-start]',
  '  - title: Priorities',
  '    minutes: 20',
  '    purpose: People choose what comes first.',
  '    facilitatorNotes: Let council talk.',
  '    activity: Vote.',
  '    documents: [key-issue-fixture-connectivity]',
  '    questions:',
  '      - id: first',
  '        kind: dot-vote',
  '        prompt: What first?',
  '        options: [Permits, Records]',
  '        dots: 2',
  '---',
  'An introduction for the trainer.',
  '',
].join('\n');

/**
 * Makes a content folder on a temp dir: the valid fixture library plus a workshop, and under
 * `fr/` a "French version" of every document (the English file with `lang: fr` added and its
 * thousands grouped the French way) and a French vocabulary. The copies are in step by construction, so each test breaks one rule.
 */
export async function frenchLibrary(): Promise<FrenchLibrary> {
  const root = await mkdtemp(path.join(tmpdir(), 'onmuni-french-'));
  const dir = path.join(root, 'content');
  await cp(VALID_DIR, dir, { recursive: true });
  await mkdir(path.join(dir, 'workshops'), { recursive: true });
  await writeFile(path.join(dir, 'workshops/workshop-fixture-room.md'), ROOM_WORKSHOP);
  const english = (await readdir(dir, { recursive: true }))
    .map((p) => p.split(path.sep).join('/'))
    .filter((p) => p.endsWith('.md') && p.includes('/'));
  for (const relativePath of english) {
    const text = await readFile(path.join(dir, relativePath), 'utf8');
    await mkdir(path.dirname(path.join(dir, 'fr', relativePath)), { recursive: true });
    await writeFile(
      path.join(dir, 'fr', relativePath),
      // Figures written the French way, as a translation writes them ("3,000" is 3 in French).
      text.replace(/^(type: .*)$/m, '$1\nlang: fr').replace(/(\d),(\d{3})/g, '$1\u00A0$2'),
    );
  }
  const vocabulary = await readFile(path.join(dir, 'vocabulary.yml'), 'utf8');
  await writeFile(
    path.join(dir, 'fr/vocabulary.yml'),
    vocabulary.replace('north: Northern Ontario', 'north: Nord de l’Ontario'),
  );
  return new FrenchLibrary(root, dir, english);
}

/** A temp content folder with French versions, and ways to edit and check it. */
export class FrenchLibrary {
  constructor(
    private readonly root: string,
    /** The content folder. */
    readonly dir: string,
    /** The English documents' paths, relative to the content folder. */
    readonly englishPaths: readonly string[],
  ) {}

  /** Reads a file of the content folder (`fr/...` for a French version). */
  read(relativePath: string): Promise<string> {
    return readFile(path.join(this.dir, relativePath), 'utf8');
  }

  /** Replaces text in a file, failing loudly when it is absent. */
  async edit(relativePath: string, from: string | RegExp, to: string): Promise<void> {
    const text = await this.read(relativePath);
    const changed = text.replace(from, to);
    if (changed === text)
      throw new Error(`fixture edit: ${String(from)} not found in ${relativePath}`);
    await writeFile(path.join(this.dir, relativePath), changed);
  }

  write(relativePath: string, text: string): Promise<void> {
    return writeFile(path.join(this.dir, relativePath), text);
  }

  remove(relativePath: string): Promise<void> {
    return rm(path.join(this.dir, relativePath));
  }

  /** Runs the pipeline without writing (and without the spell check). */
  run(): Promise<PipelineResult> {
    return runContentPipeline({ contentDir: this.dir, outDir: null });
  }

  /** The issues of a run, as content:check prints them, with the folder left out. */
  async issues(): Promise<string[]> {
    const result = await this.run();
    return result.issues.map((issue) => formatIssue(issue).split(`${this.dir}/`).join(''));
  }

  dispose(): Promise<void> {
    return rm(this.root, { recursive: true, force: true });
  }
}
