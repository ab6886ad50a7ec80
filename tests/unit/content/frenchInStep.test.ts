import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { frenchLibrary, type FrenchLibrary } from './frenchFixture';

// The in-step check of issue 18 on real files in a temp folder: every rule fails on a French
// version that breaks it and passes on the in-step copy (or a correct translation).
let library: FrenchLibrary;
beforeEach(async () => {
  library = await frenchLibrary();
});
afterEach(async () => {
  await library.dispose();
});

const CASE = 'case-studies/case-fixture-northtown.md';
const FR_CASE = `fr/${CASE}`;
const FR_WORKSHOP = 'fr/workshops/workshop-fixture-room.md';

describe('French versions in step with the English', () => {
  it('a library whose French versions are in step has no issue and a French version each', async () => {
    const result = await library.run();
    expect(result.issues).toEqual([]);
    expect(result.french?.documents).toHaveLength(library.englishPaths.length);
    expect(result.french?.untranslated).toEqual([]);
    expect(result.french?.documents.every((d) => d.lang === 'fr' && d.bodyLang === undefined)).toBe(
      true,
    );
  });

  it('reports each English document without a French version, at the path it should have', async () => {
    await library.remove('fr/glossary/glossary-fixture-ransomware.md');
    const result = await library.run();
    expect(result.issues).toEqual([]);
    expect(result.french?.untranslated.map((i) => `${i.file}:${i.line}: ${i.field}`)).toEqual([
      `${library.dir}/fr/glossary/glossary-fixture-ransomware.md:1: file`,
    ]);
    expect(result.french?.untranslated[0]?.message).toMatch(
      /^is missing: .*glossary-fixture-ransomware\.md has no French version; copy it here, add lang: fr/,
    );
  });

  it('refuses a French version whose id has no English document', async () => {
    const text = await library.read(FR_CASE);
    await library.write(
      'fr/case-studies/case-fixture-elsewhere.md',
      text.replace('id: case-fixture-northtown', 'id: case-fixture-elsewhere'),
    );
    expect(await library.issues()).toContain(
      "fr/case-studies/case-fixture-elsewhere.md:2: id: 'case-fixture-elsewhere' has no English version (no content/case-studies/case-fixture-elsewhere.md); a French version translates an English document and keeps its id, so fix the id or remove this file",
    );
  });

  it('requires the same type as the English version', async () => {
    await library.edit('fr/about/about-fixture-toolkit.md', 'type: about', 'type: key-issue');
    const issues = await library.issues();
    expect(issues.some((i) => i.includes('type: is key-issue but the English version'))).toBe(true);
  });

  it.each([
    ['topics', 'topics: [e-permitting, cybersecurity]', 'topics: [cybersecurity, e-permitting]', 7],
    ['related', 'related: [recommendation-2-fixture-funding]', 'related: []', 15],
  ])('keeps %s exactly', async (field, from, to, line) => {
    const file =
      field === 'topics' ? FR_CASE : 'fr/recommendations/recommendation-1-fixture-maturity.md';
    await library.edit(file, from, to);
    const issues = await library.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      new RegExp(`^${file}:${line}: ${field}: must be exactly as in the English version `),
    );
  });

  it('keeps the sources: urls in order, dates and reliability; titles may differ', async () => {
    await library.edit(FR_CASE, 'title: Northtown council report', 'title: Rapport au conseil');
    expect(await library.issues()).toEqual([]);
    await library.edit(FR_CASE, 'reliability: secondary', 'reliability: vendor');
    expect(await library.issues()).toEqual([
      expect.stringMatching(
        /^fr\/case-studies\/case-fixture-northtown\.md:9: sources: must be exactly/,
      ),
    ]);
  });

  it("keeps a source's language: a French page is one in both versions", async () => {
    await library.edit(FR_CASE, 'reliability: secondary', 'reliability: secondary\n    lang: fr');
    expect(await library.issues()).toEqual([
      expect.stringMatching(
        /^fr\/case-studies\/case-fixture-northtown\.md:9: sources: must be exactly .*; found .*"lang":"fr"/,
      ),
    ]);
    await library.edit(CASE, 'reliability: secondary', 'reliability: secondary\n    lang: fr');
    expect(await library.issues()).toEqual([]);
  });

  it('keeps every municipal fact, years and yearsSource; only the reason is translated', async () => {
    await library.edit(FR_CASE, 'population: 3000', 'population: 3001');
    await library.edit(FR_CASE, "years: '2019-2021'", "years: '2019-2022'");
    const issues = await library.issues();
    expect(issues).toEqual([
      expect.stringMatching(
        /case-fixture-northtown\.md:13: municipality: must be exactly .*"population":3000/,
      ),
      expect.stringMatching(
        /case-fixture-northtown\.md:22: years: must be exactly .*"2019-2021"; found "2019-2022"/,
      ),
    ]);
  });

  it('keeps the recommendation number and the guide step', async () => {
    await library.edit('fr/guide/guide-1-fixture-start.md', 'step: 1', 'step: 3');
    await library.edit(
      'fr/recommendations/recommendation-1-fixture-maturity.md',
      'number: 1',
      'number: 4',
    );
    const issues = await library.issues();
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^fr\/guide\/guide-1-fixture-start\.md:\d+: step: must be exactly as in the English version .*: 1; found 3/,
        ),
      ]),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^fr\/recommendations\/recommendation-1-fixture-maturity\.md:\d+: number: must be exactly .*: 1; found 4/,
        ),
      ]),
    );
  });

  it('keeps the number of roles and of slide points', async () => {
    await library.edit(
      'fr/guide/guide-1-fixture-start.md',
      'involved: [CAO, Clerk]',
      'involved: [DG]',
    );
    await library.edit(
      'fr/about/about-fixture-toolkit.md',
      /^updated: .*$/m,
      '$&\nslides: [Un seul point]',
    );
    const issues = await library.issues();
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /guide-1-fixture-start\.md:\d+: involved: has 1 entry but the English version .* has 2; translate each entry, one for one/,
        ),
      ]),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /about-fixture-toolkit\.md:\d+: slides: has 1 entry but the English version .* has 0/,
        ),
      ]),
    );
  });

  it('keeps the workshop blocks: their number, minutes, documents and question shapes', async () => {
    await library.edit(FR_WORKSHOP, '    minutes: 20', '    minutes: 25');
    await library.edit(FR_WORKSHOP, 'durationMinutes: 30', 'durationMinutes: 35');
    await library.edit(FR_WORKSHOP, 'documents: [guide-1-fixture-start]', 'documents: []');
    await library.edit(
      FR_WORKSHOP,
      'options: [Permits, Records]',
      'options: [Permis, Documents, Autre]',
    );
    const issues = await library.issues();
    expect(issues).toEqual([
      expect.stringMatching(
        /workshop-fixture-room\.md:8: durationMinutes: must be exactly .*: 30; found 35/,
      ),
      expect.stringMatching(
        /workshop-fixture-room\.md:17: blocks\[0\]\.documents: must be exactly/,
      ),
      expect.stringMatching(
        /workshop-fixture-room\.md:19: blocks\[1\]\.minutes: must be exactly .*: 20; found 25/,
      ),
      expect.stringMatching(
        /workshop-fixture-room\.md:24: blocks\[1\]\.questions: must be exactly .*"options":2.*"options":3/,
      ),
    ]);
  });

  it('reports a different number of blocks once', async () => {
    const text = await library.read(FR_WORKSHOP);
    await library.write(
      FR_WORKSHOP,
      text
        .replace(/ {2}- title: Priorities[\s\S]*?dots: 2\n/, '')
        .replace('durationMinutes: 30', 'durationMinutes: 10'),
    );
    const issues = await library.issues();
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /workshop-fixture-room\.md:11: blocks: must be exactly .*"2 blocks"; found "1 block"/,
        ),
      ]),
    );
  });

  it('refuses an updated date older than the English one, and accepts a newer one', async () => {
    await library.edit(FR_CASE, 'updated: 2026-11-26', 'updated: 2026-11-25');
    expect(await library.issues()).toEqual([
      expect.stringMatching(
        /^fr\/case-studies\/case-fixture-northtown\.md:8: updated: 2026-11-25 is older than the English version's 2026-11-26 .*update the French version to match it, then set updated to that day$/,
      ),
    ]);
    await library.edit(FR_CASE, 'updated: 2026-11-25', 'updated: 2026-12-06');
    expect(await library.issues()).toEqual([]);
  });
});

describe('figures', () => {
  it('accepts the English figures written the French way', async () => {
    // "3,000" in English: a no-break space (or a narrow one) groups the thousands in French.
    await library.edit(FR_CASE, 'A town of 3\u00A0000 people', 'Une ville de 3\u00A0000 habitants');
    await library.edit(
      'fr/case-studies/case-fixture-big-city.md',
      'A city of 200\u00A0000',
      'Une ville de 200\u202F000',
    );
    expect(await library.issues()).toEqual([]);
  });

  it('refuses a figure grouped with an ordinary space, a changed one and an added one', async () => {
    await library.edit(FR_CASE, 'A town of 3\u00A0000 people', 'Une ville de 3 000 habitants');
    await library.edit(FR_CASE, 'title: A northern town', 'title: En 2020, une ville du nord');
    const issues = await library.issues();
    expect(issues).toEqual([
      expect.stringMatching(
        /case-fixture-northtown\.md:5: title: figures differ from the English version .*: 2020 is not in the English title\. Write exactly the English figures \(French style: 17 262 with a no-break space/,
      ),
      expect.stringMatching(
        /case-fixture-northtown\.md:6: summary: figures differ .*: the English summary has 3,000, missing here; 3, 000 are not in the English summary\./,
      ),
    ]);
  });

  it('compares the body, slide points and block text, and points at the paragraph of an extra figure', async () => {
    await library.edit(
      FR_CASE,
      'Permits were issued faster after the change.',
      'Les permis sont sortis 2 fois plus vite.',
    );
    await library.edit(FR_WORKSHOP, 'Keep it to 5 minutes.', 'Pas plus de cinq minutes.');
    const issues = await library.issues();
    expect(issues).toEqual([
      expect.stringMatching(
        /case-fixture-northtown\.md:30: body: figures differ .*: 2 is not in the English body/,
      ),
      expect.stringMatching(
        /workshop-fixture-room\.md:15: blocks\[0\]\.facilitatorNotes: figures differ .*the English blocks\[0\]\.facilitatorNotes has 5, missing here/,
      ),
    ]);
  });

  it('counts a figure of a quoted English span once with its translation, or alone', async () => {
    const about = 'fr/about/about-fixture-toolkit.md';
    const text = await library.read(about);
    const summary = /^summary: .*$/m.exec(text)?.[0] ?? '';
    const english = await library.read('about/about-fixture-toolkit.md');
    expect(summary).not.toBe('');
    // An English summary with a figure, quoted then translated, then quoted alone.
    await library.write(
      'about/about-fixture-toolkit.md',
      english.replace(summary, 'summary: In 2017, the town asked. Then it waited.'),
    );
    await library.write(
      about,
      text.replace(
        summary,
        "summary: 'La ville : [In 2017, the town asked.]{lang=en} (traduction : « En 2017, la ville a demandé. »). Puis elle a attendu.'",
      ),
    );
    expect(await library.issues()).toEqual([]);
    await library.edit(about, /\(traduction : .*?\)/, '');
    expect(await library.issues()).toEqual([]);
    // A quotation does not excuse a figure the English does not have.
    await library.edit(about, 'Puis elle a attendu.', 'Puis en 2018 elle a attendu.');
    expect(await library.issues()).toEqual([
      expect.stringMatching(
        /about-fixture-toolkit\.md:\d+: summary: figures differ .*2018 is not in the English summary/,
      ),
    ]);
  });
});

describe('links and English spans', () => {
  it('keeps the link targets of the body (a #section may differ)', async () => {
    const rec = 'fr/recommendations/recommendation-1-fixture-maturity.md';
    await library.edit(
      rec,
      'Read [the next recommendation](doc:recommendation-2-fixture-funding#what-it-asks).',
      'Lisez [la suivante](doc:recommendation-2-fixture-funding).',
    );
    expect(await library.issues()).toEqual([]);
    await library.edit(
      rec,
      '(doc:recommendation-2-fixture-funding)',
      '(https://example.org/ailleurs)',
    );
    expect(await library.issues()).toEqual([
      expect.stringMatching(
        /recommendation-1-fixture-maturity\.md:22: body: links differ from the English version .*: the English links to doc:recommendation-2-fixture-funding, missing here; https:\/\/example\.org\/ailleurs is not linked in the English\./,
      ),
    ]);
  });

  it('keeps the headings of the body: as many, at the same levels, in the same order', async () => {
    await library.edit(FR_CASE, '## Results', '### Results');
    expect(await library.issues()).toEqual([
      'fr/case-studies/case-fixture-northtown.md:28: body: headings differ from the English version case-studies/case-fixture-northtown.md: the English heading 1 is ## "Results", this one is ###. Translate each heading of the English body, one for one, at the same level (the reader finds a section in the other language by its place among the headings)',
    ]);
    // (A link to #results elsewhere is reported too, as having no such section: not this rule's.)
    const headingIssues = async () =>
      (await library.issues()).filter((issue) => issue.includes('headings differ'));
    // Missing: said at the end of the body.
    await library.edit(FR_CASE, '### Results', 'Results.');
    expect(await headingIssues()).toEqual([
      expect.stringMatching(
        /^fr\/case-studies\/case-fixture-northtown\.md:30: body: headings differ .*: the English heading 1 is ## "Results", missing here\./,
      ),
    ]);
    await library.edit(FR_CASE, 'Results.', '## Results\n\n## Suite');
    expect(await headingIssues()).toEqual([
      expect.stringMatching(
        /^fr\/case-studies\/case-fixture-northtown\.md:30: body: headings differ .*: this heading has no counterpart: the English has 1 heading\./,
      ),
    ]);
  });

  it('accepts an English span word for word from the English version, and refuses any other', async () => {
    await library.edit(
      FR_CASE,
      'Northtown was worried about rancongiciel attacks, so it chose a hosted service.',
      'La ville a cité [rancongiciel attacks]{lang=en} dans son rapport.',
    );
    expect(await library.issues()).toEqual([]);
    await library.edit(FR_CASE, '[rancongiciel attacks]{lang=en}', '[ransomware attacks]{lang=en}');
    expect(await library.issues()).toEqual([
      'fr/case-studies/case-fixture-northtown.md:26: body: the English span "ransomware attacks" is not word for word in the English version case-studies/case-fixture-northtown.md; a [text]{lang=en} span quotes the English exactly (same words, punctuation and quotation marks), so copy it from there',
    ]);
  });
});
