import { describe, expect, it } from 'vitest';

import { packManifestSchema } from '../../../renderer/src/core/packs/manifest';
import { MANIFEST_FIELDS, REQUIRED_MANIFEST_KEYS } from './packFixtures';

const HASH = 'a'.repeat(64);
const VALID = {
  ...MANIFEST_FIELDS,
  files: { 'docs/case-studies/case-x.md': HASH },
};

/** The fields the schema refuses in `changes` (merged over a valid manifest). */
function refusedFields(changes: Record<string, unknown>): string[] {
  const result = packManifestSchema.safeParse({ ...VALID, ...changes });
  if (result.success) return [];
  return result.error.issues.map((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.join(',') : issue.path.join('.'),
  );
}

describe('pack.json schema', () => {
  it('accepts a manifest with and without the optional fields', () => {
    expect(packManifestSchema.safeParse(VALID).success).toBe(true);
    expect(
      packManifestSchema.safeParse({ ...VALID, description: 'Notes.', minAppVersion: '0.1.0' })
        .success,
    ).toBe(true);
  });

  it.each([
    [{ format: 'zip' }, 'format'],
    [{ formatVersion: 2 }, 'formatVersion'],
    [{ id: 'Testville' }, 'id'],
    [{ id: 'testville--notes' }, 'id'],
    [{ id: '-testville' }, 'id'],
    [{ id: 'testville_notes' }, 'id'],
    [{ id: 'a'.repeat(65) }, 'id'],
    [{ title: '  ' }, 'title'],
    [{ publisher: '' }, 'publisher'],
    [{ version: '1.2' }, 'version'],
    [{ version: 'v1.2.0' }, 'version'],
    [{ version: '01.2.0' }, 'version'],
    [{ minAppVersion: 'latest' }, 'minAppVersion'],
    [{ created: '2026-02-30' }, 'created'],
    [{ created: '2026-11-30T10:00:00Z' }, 'created'],
    [{ description: '' }, 'description'],
    [
      { files: { 'docs/case-studies/case-x.md': HASH.toUpperCase() } },
      'files.docs/case-studies/case-x.md',
    ],
    [{ files: { 'docs/case-studies/case-x.md': 'abc' } }, 'files.docs/case-studies/case-x.md'],
    [{ files: { '../x.md': HASH } }, 'files.../x.md'],
    [{ files: { 'pack.sig': HASH } }, 'files.pack.sig'],
    [{ files: { 'docs\\x.md': HASH } }, 'files.docs\\x.md'],
    [{ extra: true }, 'extra'],
  ])('refuses %j', (changes, field) => {
    expect(refusedFields(changes)).toEqual([field]);
  });

  it('accepts pre-release and build versions', () => {
    expect(refusedFields({ version: '2.0.0-rc.1+build.7' })).toEqual([]);
  });

  it('requires every field but description and minAppVersion', () => {
    for (const field of REQUIRED_MANIFEST_KEYS) {
      const rest = Object.fromEntries(Object.entries(VALID).filter(([key]) => key !== field));
      expect(packManifestSchema.safeParse(rest).success, field).toBe(false);
    }
  });
});
