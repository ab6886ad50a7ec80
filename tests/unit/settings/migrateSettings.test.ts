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
const v1 = (fields: Partial<Settings>): Settings => ({ ...DEFAULTS, ...fields });

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
    stored: { version: 1, theme: 'dark', textSize: 125, authorName: 'Ada Lovelace' },
    expected: v1({ theme: 'dark', textSize: 125, authorName: 'Ada Lovelace' }),
    issues: [],
  },
  // Migrations
  {
    name: 'an unversioned (v0) document keeps its values',
    stored: { theme: 'light', textSize: 150, authorName: 'Sam' },
    expected: v1({ theme: 'light', textSize: 150, authorName: 'Sam' }),
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
    name: 'an explicit version 0 document',
    stored: { version: 0, theme: 'dark' },
    expected: v1({ theme: 'dark' }),
    issues: [],
    migratedFrom: 0,
  },
  // Bad values reset alone, with a report
  {
    name: 'an unknown theme',
    stored: { version: 1, theme: 'purple', textSize: 112, authorName: 'Jo' },
    expected: v1({ textSize: 112, authorName: 'Jo' }),
    issues: [/^theme: .*found "purple".*reset to "system"/],
  },
  {
    name: 'a text size that is not offered',
    stored: { version: 1, theme: 'dark', textSize: 113, authorName: '' },
    expected: v1({ theme: 'dark' }),
    issues: [/^textSize: .*found 113.*reset to 100/],
  },
  {
    name: 'a text size stored as a string',
    stored: { version: 1, theme: 'dark', textSize: '125', authorName: '' },
    expected: v1({ theme: 'dark' }),
    issues: [/^textSize: /],
  },
  {
    name: 'an author name that is far too long',
    stored: { version: 1, theme: 'light', textSize: 100, authorName: 'x'.repeat(81) },
    expected: v1({ theme: 'light' }),
    issues: [/^authorName: .*reset to ""/],
  },
  {
    name: 'a current document with a field missing',
    stored: { version: 1, theme: 'dark', textSize: 100 },
    expected: v1({ theme: 'dark' }),
    issues: [/^authorName: missing; set to ""/],
  },
  {
    name: 'an unknown field',
    stored: { version: 1, theme: 'dark', textSize: 100, authorName: '', colour: 'red' },
    expected: v1({ theme: 'dark' }),
    issues: [/^colour: not a known setting; dropped/],
  },
  {
    name: 'a version that is not a number',
    stored: { version: 'two', theme: 'dark' },
    expected: v1({ theme: 'dark' }),
    issues: [/^version: expected a whole number, found "two"/],
    migratedFrom: 0,
  },
  {
    name: 'a document from a newer version keeps what it can',
    stored: { version: 7, theme: 'dark', textSize: 150, authorName: 'Lee', layout: 'grid' },
    expected: v1({ theme: 'dark', textSize: 150, authorName: 'Lee' }),
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
