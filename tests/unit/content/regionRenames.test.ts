import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RENAMED_REGIONS, currentRegionId } from '../../../renderer/src/core/content/regionRenames';
import { parseVocabulary } from '../../../renderer/src/core/content/vocabulary';

const vocabularyPath = new URL('../../../content/vocabulary.yml', import.meta.url);
const { vocabulary } = parseVocabulary(
  readFileSync(vocabularyPath, 'utf8'),
  'content/vocabulary.yml',
);

describe('renamed regions', () => {
  it('lead to a region that content/vocabulary.yml has today', () => {
    const regions = Object.keys(vocabulary?.regions ?? {});
    expect(regions.length).toBeGreaterThan(0);
    for (const old of Object.keys(RENAMED_REGIONS)) {
      expect(regions).not.toContain(old); // an old id is never given to another region
      expect(regions).toContain(currentRegionId(old));
    }
  });

  it('map the Greater Toronto Area id to the Golden Horseshoe and leave other ids alone', () => {
    expect(currentRegionId('gta')).toBe('golden-horseshoe');
    expect(currentRegionId('golden-horseshoe')).toBe('golden-horseshoe');
    expect(currentRegionId('south-west')).toBe('south-west');
    expect(currentRegionId('no-such-region')).toBe('no-such-region');
  });
});
