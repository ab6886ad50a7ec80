import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../../build/content/commands';
import { runContentPipeline } from '../../../build/content/pipeline';
import {
  dataFileName,
  parseCatalogFile,
  parseDocumentStoreFile,
} from '../../../renderer/src/core/content/dataFiles';
import { compareForCatalog } from '../../../renderer/src/core/content/model';
import type { FrontMatter } from '../../../renderer/src/core/content/frontMatter';
import { fragmentFileName } from '../../../renderer/src/core/search/layout/format';
import { frenchLibrary, type FrenchLibrary } from './frenchFixture';
import { CASE_STUDY, edit, issuesWith } from './helpers';

let library: FrenchLibrary;
beforeEach(async () => {
  library = await frenchLibrary();
});
afterEach(async () => {
  await library.dispose();
});

const FR_CASE = 'fr/case-studies/case-fixture-northtown.md';

describe('lang and bodyFrom in front matter', () => {
  it('requires lang: fr in a French version', async () => {
    await library.edit(FR_CASE, 'lang: fr\n', '');
    expect(await library.issues()).toEqual([
      'fr/case-studies/case-fixture-northtown.md:1: lang: is required in a French version under content/fr/; add `lang: fr` after type:',
    ]);
    await library.edit(FR_CASE, 'type: case-study', 'type: case-study\nlang: en');
    expect(await library.issues()).toEqual([
      'fr/case-studies/case-fixture-northtown.md:4: lang: must be fr in a French version under content/fr/; found "en"',
    ]);
  });

  it('refuses lang and bodyFrom in an English document', async () => {
    const text = edit(CASE_STUDY, 'type: case-study', 'type: case-study\nlang: fr\nbodyFrom: en');
    const issues = await issuesWith({ 'case-studies/case-fixture-test.md': text });
    expect(issues).toEqual([
      'content/case-studies/case-fixture-test.md:4: lang: is only for French versions under content/fr/; an English document has no lang, so remove it (or move the file to content/fr/<folder>/)',
      'content/case-studies/case-fixture-test.md:5: bodyFrom: is only for French versions under content/fr/ that show the English body; remove it',
    ]);
  });

  it('bodyFrom: en needs an empty body, and stores the English body marked bodyLang: en', async () => {
    await library.edit(FR_CASE, 'lang: fr', 'lang: fr\nbodyFrom: en');
    expect(await library.issues()).toEqual([
      'fr/case-studies/case-fixture-northtown.md:27: body: must be empty with bodyFrom: en (the English body is shown); delete the text after the closing --- or remove bodyFrom to publish a translated body',
    ]);
    const text = await library.read(FR_CASE);
    await library.write(FR_CASE, text.slice(0, text.lastIndexOf('---\n') + 4));
    const result = await library.run();
    expect(result.issues).toEqual([]);
    const french = result.french?.documents.find((d) => d.id === 'case-fixture-northtown');
    const english = result.documents.find((d) => d.id === 'case-fixture-northtown');
    expect(french).toMatchObject({
      lang: 'fr',
      bodyLang: 'en',
      body: english?.body,
      headings: english?.headings,
      plainText: english?.plainText,
    });
    expect(french).not.toHaveProperty('bodyFrom');
  });

  it('refuses another bodyFrom value', async () => {
    await library.edit(FR_CASE, 'lang: fr', 'lang: fr\nbodyFrom: fr');
    expect(await library.issues()).toEqual([
      'fr/case-studies/case-fixture-northtown.md:5: bodyFrom: must be en (the body is the English version\'s) or left out (the body is translated); found "fr"',
    ]);
  });
});

describe('French data files', () => {
  const temps: string[] = [];
  afterEach(async () => {
    await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('names each language’s files in one place', () => {
    expect([dataFileName('documents', 'en'), dataFileName('catalog', 'en')]).toEqual([
      'documents.json',
      'catalog.json',
    ]);
    expect([dataFileName('documents', 'fr'), dataFileName('catalog', 'fr')]).toEqual([
      'documents.fr.json',
      'catalog.fr.json',
    ]);
    // The search fragments follow the same rule.
    expect([fragmentFileName('core'), fragmentFileName('lexicon', 'fr')]).toEqual([
      'search-core.bin',
      'search-lexicon.fr.bin',
    ]);
  });

  it('build writes the French documents, catalog and search segment the app reads', async () => {
    await library.edit(
      'fr/guide/guide-1-fixture-start.md',
      'title: Assess where you are',
      'title: Évaluer où vous en êtes',
    );
    const out = await mkdtemp(path.join(tmpdir(), 'onmuni-french-out-'));
    temps.push(out);
    const lines: string[] = [];
    const code = await runCommand(['build', '--content', library.dir, '--out', out], {
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
    });
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^content: 11 documents \(.*\) and 11 French versions -> /);
    expect((await readdir(out)).sort()).toEqual(
      [
        ...(['en', 'fr'] as const).flatMap((language) => [
          dataFileName('documents', language),
          dataFileName('catalog', language),
          ...(['core', 'positions', 'lexicon'] as const).map((kind) =>
            fragmentFileName(kind, language),
          ),
        ]),
      ].sort(),
    );
    const catalog = parseCatalogFile(
      JSON.parse(await readFile(path.join(out, 'catalog.fr.json'), 'utf8')),
    );
    expect(catalog.vocabulary.regions.north).toBe('Nord de l’Ontario');
    expect(catalog.entries.every((entry) => entry.lang === 'fr')).toBe(true);
    const store = parseDocumentStoreFile(
      JSON.parse(await readFile(path.join(out, 'documents.fr.json'), 'utf8')),
      catalog.vocabulary,
    );
    expect(store.documents.find((d) => d.id === 'guide-1-fixture-start')).toMatchObject({
      lang: 'fr',
      title: 'Évaluer où vous en êtes',
      path: 'guide/guide-1-fixture-start.md',
    });
    const english = parseCatalogFile(
      JSON.parse(await readFile(path.join(out, 'catalog.json'), 'utf8')),
    );
    expect(english.entries.some((entry) => 'lang' in entry)).toBe(false);
  });

  it('removes the French files of an earlier build when fr/ is gone, so none is served stale', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'onmuni-french-out-'));
    temps.push(out);
    const build = () => runContentPipeline({ contentDir: library.dir, outDir: out });
    expect((await build()).issues).toEqual([]);
    expect(await readdir(out)).toContain('documents.fr.json');
    await rm(path.join(library.dir, 'fr'), { recursive: true });
    expect((await build()).issues).toEqual([]);
    expect((await readdir(out)).filter((name) => name.includes('.fr.'))).toEqual([]);
    expect(await readdir(out)).toContain('documents.json');
  });

  it('a content folder without fr/ builds the English library alone', async () => {
    await rm(path.join(library.dir, 'fr'), { recursive: true });
    const result = await runContentPipeline({ contentDir: library.dir, outDir: null });
    expect(result.issues).toEqual([]);
    expect(result.french).toBeNull();
  });

  it('stats gives the French counts', async () => {
    const lines: string[] = [];
    await runCommand(['stats', '--content', library.dir], {
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
    });
    expect(lines.join('\n')).toContain(
      'French: 11 of 11 documents have a French version (1 about, 2 recommendations, 1 key issue, 1 opportunity, 2 guide steps, 2 case studies, 1 glossary term, 1 workshop), 0 with the English body',
    );
  });

  it('the French vocabulary labels the English ids, no more and no fewer', async () => {
    await library.edit('fr/vocabulary.yml', /^ {2}north: .*\n/m, '  nord: Nord\n');
    const issues = await library.issues();
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^fr\/vocabulary\.yml:\d+: regions: lacks north of content\/vocabulary\.yml/,
        ),
        expect.stringMatching(
          /^fr\/vocabulary\.yml:\d+: regions\.nord: is not an id of content\/vocabulary\.yml/,
        ),
      ]),
    );
  });
});

describe('French library order', () => {
  it('sorts titles in fr-CA collation (French accents compared from the end)', () => {
    const doc = (title: string) =>
      ({ type: 'glossary', title, id: title }) as unknown as FrontMatter;
    const titles = ['coté', 'côte', 'cote', 'côté'];
    const sorted = (language: 'en' | 'fr') =>
      titles
        .map(doc)
        .sort((a, b) => compareForCatalog(a, b, language))
        .map((d) => d.title);
    expect(sorted('fr')).toEqual(['cote', 'côte', 'coté', 'côté']);
    expect(sorted('en')).toEqual(['cote', 'coté', 'côte', 'côté']);
  });
});
