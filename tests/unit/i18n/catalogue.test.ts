import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/locales/en';
import { compareText, formatDate, formatNumber } from '../../../renderer/src/ui/common/i18n/format';
import { currentLocale, i18n, t } from '../../../renderer/src/ui/common/i18n/i18n';
import { wordError, wordMessage } from '../../../renderer/src/ui/common/i18n/wordMessage';
import { messageRef } from '../../../renderer/src/core/common/messageRef';
import { ProblemError } from '../../../renderer/src/core/common/ProblemError';

/** Every leaf of a catalogue namespace, as `path: value`. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[path, value]];
  return Object.entries(value).flatMap(([key, child]) =>
    leaves(child, path ? `${path}.${key}` : key),
  );
}

describe('the English catalogue', () => {
  it('is loaded synchronously, before any screen renders', () => {
    expect(i18n.isInitialized).toBe(true);
    expect(t('app:routes.library')).toBe('Library');
  });

  it('has only non-empty strings, and no interpolation left without a name', () => {
    for (const [ns, messages] of Object.entries(en)) {
      for (const [path, value] of leaves(messages)) {
        expect(typeof value, `${ns}:${path}`).toBe('string');
        expect((value as string).trim(), `${ns}:${path}`).not.toBe('');
        expect(value as string, `${ns}:${path}`).not.toMatch(/\{\{\s*\}\}/);
      }
    }
  });

  it('pairs every plural form with the form for "other"', () => {
    for (const [ns, messages] of Object.entries(en)) {
      const keys = new Set(leaves(messages).map(([path]) => path));
      for (const key of keys) {
        const plural = /^(.*)_(zero|one|two|few|many)$/.exec(key);
        if (plural) expect(keys.has(`${plural[1]}_other`), `${ns}:${key}`).toBe(true);
      }
    }
  });

  it('names no <Trans> component after an HTML void element, which would render empty', () => {
    // react-i18next parses catalogue strings as HTML: `<link>Go</link>` becomes an empty link
    // followed by the word, because link (like br, img, input) cannot have children.
    const voidElements =
      /<\/?(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)\s*\/?>/i;
    for (const [ns, messages] of Object.entries(en)) {
      for (const [path, value] of leaves(messages)) {
        expect(value as string, `${ns}:${path}`).not.toMatch(voidElements);
      }
    }
  });

  it('interpolates without escaping, since React escapes what it renders', () => {
    expect(t('app:pageTitle', { page: 'A & B <c>', app: 'X' })).toBe('A & B <c> – X');
  });
});

describe('formatting in the interface language', () => {
  it('uses Canadian English for English', () => {
    expect(currentLocale()).toBe('en-CA');
    expect(formatNumber(1234567.5)).toBe('1,234,567.5');
    expect(formatNumber(0.25, { style: 'percent' })).toBe('25%');
  });

  it('formats dates with the options a screen asks for', () => {
    const day = '2026-12-06T12:00:00Z';
    expect(
      formatDate(day, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
    ).toBe('December 6, 2026');
    expect(formatDate(day, { dateStyle: 'short', timeZone: 'UTC' })).toBe('2026-12-06');
  });

  it('sorts accented text as the language does, not by code point', () => {
    expect(['zèbre', 'école', 'avis'].sort(compareText)).toEqual(['avis', 'école', 'zèbre']);
  });
});

describe('words for messages core names', () => {
  it('words a refusal from its key and values, and falls back to the message otherwise', () => {
    const named = new ProblemError(
      'TestError',
      messageRef('app:pageTitle', { page: 'P', app: 'A' }),
    );
    expect(named.message).toBe('app:pageTitle');
    expect(wordError(named)).toBe('P – A');
    expect(wordError(new ProblemError('TestError', 'Plain English.'))).toBe('Plain English.');
    expect(wordError('thrown text')).toBe('thrown text');
  });

  it('shows the key, not nothing, for a key missing from the catalogue', () => {
    expect(wordMessage(messageRef('app:noSuchMessage'))).toBe('noSuchMessage');
  });
});
