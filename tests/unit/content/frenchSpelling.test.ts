import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isKnown,
  loadFrenchSpeller,
  parseWordList,
  wordsOf,
  type Speller,
} from '../../../build/content/spelling';
import { runContentPipeline } from '../../../build/content/pipeline';
import { formatIssue } from '../../../renderer/src/core/content/issues';
import { frenchLibrary, type FrenchLibrary } from './frenchFixture';

// The real French dictionary (dictionary-fr through nspell), loaded once: it takes seconds.
let speller: Speller;
let library: FrenchLibrary;
beforeAll(async () => {
  speller = await loadFrenchSpeller(parseWordList('# names\nRhyzome\ninfonuagique\n'));
  library = await frenchLibrary();
}, 60_000);
afterAll(async () => {
  await library.dispose();
});

describe('French words', () => {
  it('knows French words, elisions and hyphenated compounds', () => {
    for (const word of [
      'municipalité',
      'Municipalités',
      "l'équipement",
      'l’équipement',
      "qu'elle",
      'Sud-Ouest',
      'peut-être',
    ])
      expect(isKnown(word, speller), word).toBe(true);
  });

  it('flags misspellings', () => {
    for (const word of ['municipalitée', 'équippement', "l'équippement", 'gouvernment'])
      expect(isKnown(word, speller), word).toBe(false);
  });

  it('takes the project word list, also capitalised', () => {
    expect(isKnown('Rhyzome', speller)).toBe(true);
    expect(isKnown('Infonuagique', speller)).toBe(true);
    expect(isKnown('Rhyzom', speller)).toBe(false);
  });

  it('skips English spans, code, addresses and anything holding a digit', () => {
    expect(
      wordsOf(
        'Le [digital maturity]{lang=en} du `npm run` sur ontario.ca/page, https://example.org/x et COVID-19 en 2019.',
      ).map((w) => w.word),
    ).toEqual(['Le', 'du', 'sur', 'et', 'en']);
  });

  it('skips addresses at the start of a piece of text, after opening marks, or after a label', () => {
    expect(
      wordsOf(
        'Voir (ontario.ca), « www.amo.on.ca » et courriel:info@amo.on.ca ou voir:https://x.org/a puis ontario.canada.',
      ).map((w) => w.word),
    ).toEqual(['Voir', 'et', 'ou', 'puis', 'ontario', 'canada']);
  });

  it('reads long runs of dots and at signs in time in proportion to their length', () => {
    // These took seconds with a pattern tried at every position (a.×20,000: 7 to 9 s; a@×2,000:
    // 28 s); vitest's timeout is the guard.
    const dots = 'a.'.repeat(20_000);
    expect(wordsOf(dots).map((w) => w.word)).toEqual(Array<string>(20_000).fill('a'));
    expect(wordsOf(`${dots}ca`)).toEqual([]);
    expect(wordsOf('a@'.repeat(2_000)).length).toBe(2_000);
    expect(wordsOf(`${'a'.repeat(40_000)}@b.c`)).toEqual([]);
    expect(wordsOf('('.repeat(20_000) + 'mot').map((w) => w.word)).toEqual(['mot']);
  });

  it('marks a small word between two capitalised words as part of a name', () => {
    const words = wordsOf('Le canton de Lake of Bays et la ville de Blue Sky Net.');
    expect(words.find((w) => w.word === 'of')?.inName).toBe(true);
    expect(words.find((w) => w.word === 'et')?.inName).toBe(false);
  });
});

const FRENCH_VOCABULARY = `topics:
  broadband: Large bande et connectivité cellulaire
  e-permitting: Permis en ligne et services du bâtiment
  cybersecurity: Cybersécurité
  governance-strategy: Gouvernance et stratégie
  records-management: Documents et processus numériques
regions:
  north: Nord de l'Ontario
  south-west: Sud-Ouest de l'Ontario
  east: Est de l'Ontario
tiers:
  lower-tier: Municipalité de palier inférieur
  single-tier: Municipalité à palier unique
  upper-tier: Municipalité de palier supérieur
`;

describe('spelling issues of French versions', () => {
  it('reports each unknown word of a field once, at its line, through content/fr/words.txt', async () => {
    // One French version, in French, beside a French vocabulary and a word list.
    for (const relativePath of library.englishPaths)
      if (!relativePath.startsWith('case-studies/case-fixture-northtown'))
        await library.remove(`fr/${relativePath}`);
    await library.write('fr/vocabulary.yml', FRENCH_VOCABULARY);
    await library.write('fr/words.txt', '# Names\nTestistan\n');
    const fr = 'fr/case-studies/case-fixture-northtown.md';
    const text = (await library.read(fr))
      .replace(
        'title: A northern town moves permits online',
        'title: Une ville du nord met ses permis en ligne',
      )
      .replace(
        /^summary: .*$/m,
        'summary: Une ville de 3\u00A0000 habitants a mis ses permis en ligne. Le personnel les suivre dans un même endroit.',
      )
      .replace(
        /\n---\n[\s\S]*$/,
        [
          '\n---\n',
          'Northtown craignait les attaques par rançongiciel; elle a choisi un service hébergé.',
          '',
          '## Résultats',
          '',
          'Les permis sont délivrés plus vite à Northtown (Testistan), mais la municipalitée attend',
          'le [hosted service]{lang=en}, et la municipalitée aussi.',
          '',
        ].join('\n'),
      );
    await library.write(fr, text);
    const result = await runContentPipeline({
      contentDir: library.dir,
      outDir: null,
      spellCheck: true,
    });
    expect(
      result.issues.map((issue) => formatIssue(issue).split(`${library.dir}/`).join('')),
    ).toEqual([
      "fr/case-studies/case-fixture-northtown.md:30: body: 'municipalitée' is not in the French dictionary; fix its spelling, or, if it is a name, an acronym or an accepted term, add it to content/fr/words.txt (one word a line)",
    ]);
    expect(result.french?.spellCheckMs).toBeGreaterThan(0);
    // Without the word list, the name it holds is reported too.
    await library.remove('fr/words.txt');
    const without = await runContentPipeline({
      contentDir: library.dir,
      outDir: null,
      spellCheck: true,
    });
    expect(
      without.issues.map((issue) => `${issue.line}: ${issue.field}: ${issue.message.slice(0, 15)}`),
    ).toEqual(["30: body: 'Testistan' is ", "30: body: 'municipalitée'"]);
  });
});
