/**
 * The French catalogue against the English one (issue 18): for every namespace registered in
 * locales/fr/index.ts, and for the desktop shell's electron/main/i18n/fr.json, the same keys (with
 * French's extra plural form), the same interpolations, nestings and <Trans> tags in each message,
 * nothing empty, and nothing left in English. tsc already refuses a French file that lacks a key;
 * this test also catches extra keys (tsc does not check an imported JSON file's excess keys) and
 * everything inside the strings.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import shellEn from '../../../electron/main/i18n/en.json';
import shellFr from '../../../electron/main/i18n/fr.json';
import { en } from '../../../renderer/src/locales/en';
import { fr } from '../../../renderer/src/locales/fr';

/** Every leaf of a catalogue, as `dotted.path -> value`. */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  if (typeof value !== 'object' || value === null) return new Map([[path, value]]);
  return new Map(
    Object.entries(value).flatMap(([key, child]) => [
      ...leaves(child, path ? `${path}.${key}` : key),
    ]),
  );
}

/**
 * The keys a French file must have for the English keys: each English key, and beside every
 * plural family (`x_one` with `x_other`) also `x_many`, French's form for 1 000 000 and such
 * (CLDR; i18next asks for it through Intl.PluralRules). Each is paired with the English key whose
 * placeholders it must keep (`x_many` keeps those of `x_other`).
 */
function expectedFrenchKeys(english: Map<string, unknown>): Map<string, string> {
  const wanted = new Map<string, string>();
  for (const key of english.keys()) {
    wanted.set(key, key);
    const plural = /^(.*)_one$/.exec(key);
    if (plural && english.has(`${plural[1]}_other`))
      wanted.set(`${plural[1]}_many`, `${plural[1]}_other`);
  }
  return wanted;
}

/** What a message must keep whatever the language: placeholders, nestings and tags. */
function fixedParts(message: string) {
  const all = (pattern: RegExp) => [...message.matchAll(pattern)].map((m) => m[1] ?? '').sort();
  return {
    interpolations: [...new Set(all(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g))],
    nestings: all(/\$t\(([^)]*)\)/g),
    tags: all(/(<\/?[\w]+\s*\/?>)/g),
  };
}

/**
 * Words spelled and meant the same in English and French, which a French message may therefore
 * share with the English one: labels such as "Annotations", "Notes", "Version", "Phase",
 * "Population" (every one of them is the usual French word, checked against the Office québécois
 * de la langue française's usage), units (min, h), and the proper nouns the toolkit never
 * translates. Any other message equal to its English one was left untranslated.
 */
const SAME_IN_BOTH = new Set(
  [
    ...['actions', 'annotations', 'date', 'dates', 'dimension', 'document', 'documents'],
    ...['important', 'note', 'notes', 'option', 'options', 'participant', 'participants'],
    ...['phase', 'phases', 'plan', 'plans', 'population', 'question', 'questions'],
    ...['signature', 'source', 'sources', 'standard', 'total', 'type', 'version', 'versions'],
    ...['vote', 'votes', 'minutes', 'min', 'h'],
    // The desktop shell's macOS items, whose French names are these.
    ...['services', 'zoom'],
    // Proper nouns.
    ...['onmuni', 'toolkit', 'amo'],
  ].map((word) => word.toLowerCase()),
);

/** The words of a message, without its placeholders and tags. */
function words(message: string): string[] {
  return message
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/<\/?[\w]+\s*\/?>/g, ' ')
    .replace(/\$t\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
}

/** Everything wrong with a French catalogue file against its English one, one line each. */
function problems(english: unknown, french: unknown): string[] {
  const englishLeaves = leaves(english);
  const frenchLeaves = leaves(french);
  const wanted = expectedFrenchKeys(englishLeaves);
  const found: string[] = [];
  for (const [key, englishKey] of wanted) {
    const value = frenchLeaves.get(key);
    const source = englishLeaves.get(englishKey);
    if (value === undefined) {
      found.push(`${key}: missing`);
      continue;
    }
    if (typeof value !== 'string' || typeof source !== 'string') {
      found.push(`${key}: not a string`);
      continue;
    }
    if (value.trim() === '') found.push(`${key}: empty`);
    const [mine, theirs] = [fixedParts(value), fixedParts(source)];
    for (const part of ['interpolations', 'nestings', 'tags'] as const) {
      if (mine[part].join(' ') !== theirs[part].join(' '))
        found.push(`${key}: ${part} ${mine[part].join(' ')} ≠ English ${theirs[part].join(' ')}`);
    }
    if (value === source && words(value).some((word) => !SAME_IN_BOTH.has(word)))
      found.push(`${key}: still in English (“${value}”)`);
  }
  for (const key of frenchLeaves.keys())
    if (!wanted.has(key)) found.push(`${key}: not in the English catalogue`);
  return found;
}

describe('the French catalogue', () => {
  const registered = Object.keys(fr) as (keyof typeof en)[];

  it.each(registered)('%s has the English keys, placeholders and tags, all in French', (ns) => {
    expect(problems(en[ns], fr[ns])).toEqual([]);
  });

  it('registers every French namespace file it has', () => {
    const files = readdirSync(join(__dirname, '../../../renderer/src/locales/fr'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.replace(/\.json$/, ''));
    expect([...registered].sort()).toEqual(files.sort());
  });
});

describe("the desktop shell's French catalogue", () => {
  it('has the English keys, placeholders and tags, all in French', () => {
    expect(problems(shellEn, shellFr)).toEqual([]);
  });
});

describe('the parity check itself', () => {
  const english = {
    title: 'Plans',
    found_one: '{{shown}} plan found',
    found_other: '{{shown}} plans found',
    link: 'Read <a>the guide</a> {{when}}.',
  };
  const french = {
    title: 'Plans',
    found_one: '{{shown}} plan trouvé',
    found_many: '{{shown}} de plans trouvés',
    found_other: '{{shown}} plans trouvés',
    link: 'Lisez <a>le guide</a> {{when}}.',
  };

  it('accepts a faithful translation, with the many form and a word both languages share', () => {
    expect(problems(english, french)).toEqual([]);
  });

  it('names each kind of fault', () => {
    const withoutMany: Partial<typeof french> = { ...french };
    delete withoutMany.found_many;
    expect(
      problems(english, {
        ...withoutMany,
        title: ' ',
        found_one: '{{count}} plan trouvé',
        link: 'Read <a>the guide</a> {{when}}.',
        extra: 'En trop',
      }),
    ).toEqual([
      'title: empty',
      'found_one: interpolations count ≠ English shown',
      'found_many: missing',
      'link: still in English (“Read <a>the guide</a> {{when}}.”)',
      'extra: not in the English catalogue',
    ]);
    expect(problems(english, { ...french, link: 'Lisez <b>le guide</b>.' })).toEqual([
      'link: interpolations  ≠ English when',
      'link: tags </b> <b> ≠ English </a> <a>',
    ]);
  });
});
