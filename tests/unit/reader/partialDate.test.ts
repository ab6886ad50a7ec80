import { describe, expect, it } from 'vitest';
import { formatPartialDate } from '../../../renderer/src/ui/reader/labels';

describe('partial dates', () => {
  it('writes only the parts a date has', () => {
    expect(formatPartialDate('2023-09')).toBe('September 2023');
    expect(formatPartialDate('2017-08-14')).toBe('14 August 2017');
    expect(formatPartialDate('2024-01-05')).toBe('5 January 2024');
    expect(formatPartialDate('2019-12')).toBe('December 2019');
  });

  it('leaves a year alone, and shows a date it cannot read as it is', () => {
    expect(formatPartialDate('2023')).toBe('2023');
    expect(formatPartialDate('2023-13')).toBe('2023-13');
    expect(formatPartialDate('2023-00-10')).toBe('2023-00-10');
  });
});
