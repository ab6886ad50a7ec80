import { describe, expect, it } from 'vitest';

import { compareSemver } from '../../../renderer/src/core/packs/semver';

describe('compareSemver', () => {
  it('orders versions as Semantic Versioning 2.0.0 section 11 does', () => {
    // The examples of the specification, in order.
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '2.0.0',
      '2.1.0',
      '2.1.1',
      '10.0.0',
    ];
    for (let i = 0; i < ordered.length; i++)
      for (let j = 0; j < ordered.length; j++)
        expect(Math.sign(compareSemver(ordered[i] ?? '', ordered[j] ?? ''))).toBe(Math.sign(i - j));
  });

  it('ignores build metadata and refuses what is not a version', () => {
    expect(compareSemver('1.2.3+build.5', '1.2.3+other')).toBe(0);
    expect(() => compareSemver('1.2', '1.2.0')).toThrow(/not a semantic version/);
  });
});
