import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../renderer/src/core/settings/migrateSettings';
import type { Settings } from '../../../renderer/src/core/settings/settingsSchema';
import {
  SETTINGS_VERSION,
  defaultSettings,
  settingsSchema,
} from '../../../renderer/src/core/settings/settingsSchema';
import { wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';

const DEFAULTS = defaultSettings();
const current = (fields: Partial<Settings>): Settings => ({ ...DEFAULTS, ...fields });
/** The fields of a stored current document besides those a case is about. */
const V2 = { version: 2, language: null } as const;

interface Case {
  name: string;
  stored: unknown;
  expected: Settings;
  /** One regular expression per expected issue, in order. */
  issues: RegExp[];
  migratedFrom?: number;
}

const cases: Case[] = [
  // Clean documents
  {
    name: 'a valid current document',
    stored: {
      version: 2,
      theme: 'dark',
      textSize: 125,
      authorName: 'Ada Lovelace',
      language: 'fr',
    },
    expected: current({ theme: 'dark', textSize: 125, authorName: 'Ada Lovelace', language: 'fr' }),
    issues: [],
  },
  {
    name: 'a current document that follows the system language',
    stored: { ...V2, theme: 'light', textSize: 100, authorName: '' },
    expected: current({ theme: 'light' }),
    issues: [],
  },
  // Migrations
  {
    name: 'an unversioned (v0) document keeps its values',
    stored: { theme: 'light', textSize: 150, authorName: 'Sam' },
    expected: current({ theme: 'light', textSize: 150, authorName: 'Sam' }),
    issues: [],
    migratedFrom: 0,
  },
  {
    name: 'an empty v0 document gets every default, quietly',
    stored: {},
    expected: DEFAULTS,
    issues: [],
    migratedFrom: 0,
  },
  {
    name: 'a version 1 document (before languages) follows the system language',
    stored: { version: 1, theme: 'dark', textSize: 112, authorName: 'Ada' },
    expected: current({ theme: 'dark', textSize: 112, authorName: 'Ada', language: null }),
    issues: [],
    migratedFrom: 1,
  },
  {
    name: 'an explicit version 0 document',
    stored: { version: 0, theme: 'dark' },
    expected: current({ theme: 'dark' }),
    issues: [],
    migratedFrom: 0,
  },
  // Bad values reset alone, with a report
  {
    name: 'an unknown theme',
    stored: { ...V2, theme: 'purple', textSize: 112, authorName: 'Jo' },
    expected: current({ textSize: 112, authorName: 'Jo' }),
    issues: [/^theme: .*found "purple".*reset to "system"/],
  },
  {
    name: 'a text size that is not offered',
    stored: { ...V2, theme: 'dark', textSize: 113, authorName: '' },
    expected: current({ theme: 'dark' }),
    issues: [/^textSize: .*found 113.*reset to 100/],
  },
  {
    name: 'a text size stored as a string',
    stored: { ...V2, theme: 'dark', textSize: '125', authorName: '' },
    expected: current({ theme: 'dark' }),
    issues: [/^textSize: /],
  },
  {
    name: 'an author name that is far too long',
    stored: { ...V2, theme: 'light', textSize: 100, authorName: 'x'.repeat(81) },
    expected: current({ theme: 'light' }),
    issues: [/^authorName: .*reset to ""/],
  },
  {
    name: 'a language the toolkit does not speak',
    stored: { ...V2, theme: 'dark', textSize: 100, authorName: '', language: 'de' },
    expected: current({ theme: 'dark' }),
    issues: [/^language: expected en, fr or null, found "de".*reset to null/],
  },
  {
    name: 'a current document with a field missing',
    stored: { ...V2, theme: 'dark', textSize: 100 },
    expected: current({ theme: 'dark' }),
    issues: [/^authorName: missing; set to ""/],
  },
  {
    name: 'an unknown field',
    stored: { ...V2, theme: 'dark', textSize: 100, authorName: '', colour: 'red' },
    expected: current({ theme: 'dark' }),
    issues: [/^colour: not a known setting; dropped/],
  },
  {
    name: 'a version that is not a number',
    stored: { version: 'two', theme: 'dark' },
    expected: current({ theme: 'dark' }),
    issues: [/^version: expected a whole number, found "two"/],
    migratedFrom: 0,
  },
  {
    name: 'a document from a newer version keeps what it can',
    stored: { version: 7, theme: 'dark', textSize: 150, authorName: 'Lee', layout: 'grid' },
    expected: current({ theme: 'dark', textSize: 150, authorName: 'Lee' }),
    issues: [/^version: saved by a newer version .*format 7/, /^layout: not a known setting/],
  },
  // Not an object at all
  ...[null, [], 'dark', 42, true].map((stored): Case => ({
    name: `the JSON value ${JSON.stringify(stored)}`,
    stored,
    expected: DEFAULTS,
    issues: [/^\(document\): expected an object.*reset to defaults/],
  })),
];

describe('parseSettings', () => {
  it.each(cases)('$name', ({ stored, expected, issues, migratedFrom }) => {
    const result = parseSettings(stored);
    expect(result.data).toEqual(expected);
    const said = wordProblems(result.issues, 'document');
    expect(said).toHaveLength(issues.length);
    issues.forEach((pattern, i) => expect(said[i]).toMatch(pattern));
    expect(result.migratedFrom).toBe(migratedFrom);
  });

  it('always returns valid current settings, whatever JSON it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            {
              version: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.jsonValue()),
              theme: fc.oneof(fc.constantFrom('light', 'dark', 'system'), fc.jsonValue()),
              textSize: fc.oneof(fc.constantFrom(100, 112, 125, 150), fc.jsonValue()),
              authorName: fc.oneof(fc.string({ maxLength: 90 }), fc.jsonValue()),
              language: fc.oneof(fc.constantFrom('en', 'fr', null), fc.jsonValue()),
            },
            { requiredKeys: [] },
          ),
        ),
        (stored) => {
          const { data } = parseSettings(stored);
          expect(settingsSchema.parse(data)).toEqual(data);
          expect(data.version).toBe(SETTINGS_VERSION);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('returns a fresh defaults object each time (callers may mutate it)', () => {
    const a = parseSettings(null).data;
    a.authorName = 'changed';
    expect(parseSettings(null).data.authorName).toBe('');
  });
});
