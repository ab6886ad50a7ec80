import { describe, expect, it } from 'vitest';
import {
  DOC_TYPES,
  POPULATION_BANDS,
  populationBand,
} from '../../../renderer/src/core/content/types';
import { populationBandLabel, typeLabel } from '../../../renderer/src/ui/content/contentLabels';

describe('document type names', () => {
  it('words every type from the catalogue, for one document and for a group', () => {
    for (const type of DOC_TYPES) {
      for (const form of ['one', 'many'] as const) {
        // A missing key would come back as the key itself ("type.caseStudy.one").
        expect(typeLabel(type, form), `${type} ${form}`).not.toMatch(/^type\./);
      }
    }
    expect(typeLabel('case-study', 'one')).toBe('Case study');
    expect(typeLabel('case-study', 'many')).toBe('Case studies');
    expect(typeLabel('guide-step', 'many')).toBe('How-to guide');
  });
});

describe('population bands', () => {
  it('puts each population in the band whose limits hold it', () => {
    expect(populationBand(undefined)).toBe('unknown');
    expect(populationBand(0)).toBe('under-5k');
    expect(populationBand(4_999)).toBe('under-5k');
    expect(populationBand(5_000)).toBe('5k-25k');
    expect(populationBand(24_999)).toBe('5k-25k');
    expect(populationBand(25_000)).toBe('25k-100k');
    expect(populationBand(99_999)).toBe('25k-100k');
    expect(populationBand(100_000)).toBe('over-100k');
    expect(populationBand(2_794_356)).toBe('over-100k');
  });

  it('names the bands with their limits written as numbers', () => {
    expect(POPULATION_BANDS.map(populationBandLabel)).toEqual([
      'Under 5,000',
      '5,000 to 25,000',
      '25,000 to 100,000',
      'Over 100,000',
      'Population not known',
    ]);
  });
});
