/**
 * Amounts typed into the planner's money fields (a task's cost, a plan's budget), read the way the
 * interface language writes them: `1,234.50` in English, `1 234,50 $` in French. Input that could
 * mean two amounts is refused rather than guessed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_CENTS,
  centsToDecimal,
  decimalMarkOf,
  formatCents,
  parseDollarsToCents,
} from '../../../renderer/src/core/planner/money';

describe('parseDollarsToCents in English (en-CA)', () => {
  it.each([
    ['1234', 123_400],
    ['1,234.5', 123_450],
    ['$1 234.56', 123_456],
    ['$1,500.5', 150_050],
    ['  25,000.50 ', 2_500_050],
    ['0.05', 5],
    ['20,000', 2_000_000],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseDollarsToCents(text, 'en-CA')).toBe(cents);
  });

  it.each(['12 dollars', '1.234', '-5', '12,50 $', '', '1.2.3', '$'])('refuses %j', (text) => {
    expect(parseDollarsToCents(text, 'en-CA')).toBeNull();
  });
});

describe('parseDollarsToCents in French (fr-CA)', () => {
  it.each([
    ['1234', 123_400],
    ['1 234,50', 123_450],
    ['1\u00a0234,50', 123_450],
    ['1\u202f234,50', 123_450],
    ['12,50 $', 1_250],
    ['12,5\u00a0$', 1_250],
    ['1 234 567,89 $', 123_456_789],
    ['$1 234', 123_400],
    ['25 000,50', 2_500_050],
    ['0,05', 5],
    // A number pad types a point: two decimals after it cannot be a thousands mark.
    ['1234.50', 123_450],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseDollarsToCents(text, 'fr-CA')).toBe(cents);
  });

  it.each([
    // 1.234 dollars, or one thousand two hundred thirty-four written the English way?
    ['1,234', 'three decimals after a decimal comma'],
    ['1.234', 'three decimals after a point'],
    ['1,234.50', 'English grouping'],
    ['1.234,50', 'a point between groups'],
    ['1 23', 'a group that is not three digits'],
    ['12 3456,00', 'a group that is not three digits'],
    ['1234,', 'a comma with no cents'],
    ['12 dollars', 'words'],
    ['-5', 'a negative amount'],
    ['', 'nothing'],
  ])('refuses %j (%s)', (text) => {
    expect(parseDollarsToCents(text, 'fr-CA')).toBeNull();
  });

  it('reads back every amount French Intl writes, and every amount a money field shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CENTS }), (cents) => {
        expect(parseDollarsToCents(formatCents(cents, 'fr-CA'), 'fr-CA')).toBe(cents);
        expect(parseDollarsToCents(centsToDecimal(cents, ','), 'fr-CA')).toBe(cents);
        expect(parseDollarsToCents(centsToDecimal(cents), 'en-CA')).toBe(cents);
      }),
    );
  });

  it('refuses more than the largest amount in either language', () => {
    expect(parseDollarsToCents('1 000 000 000,01', 'fr-CA')).toBeNull();
    expect(parseDollarsToCents('1,000,000,000.01', 'en-CA')).toBeNull();
    expect(parseDollarsToCents('1 000 000 000,00', 'fr-CA')).toBe(MAX_CENTS);
  });
});

describe('centsToDecimal and decimalMarkOf', () => {
  it('writes cents with the decimal mark it is given, without separators', () => {
    expect(centsToDecimal(123_456)).toBe('1234.56');
    expect(centsToDecimal(123_456, ',')).toBe('1234,56');
    expect(centsToDecimal(5, ',')).toBe('0,05');
  });

  it('takes the decimal mark from Intl', () => {
    expect(decimalMarkOf('en-CA')).toBe('.');
    expect(decimalMarkOf('fr-CA')).toBe(',');
  });
});
