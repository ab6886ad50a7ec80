import { describe, expect, it } from 'vitest';

import { formatIssue } from '../../../renderer/src/core/content/issues';
import { readPack } from '../../../renderer/src/core/packs/readPack';
import {
  BUNDLED_ID,
  CASE_DOC,
  GLOSSARY_DOC,
  LOCAL_DOC,
  OPTIONS,
  PUBLIC_KEY_HEX,
  SECRET_KEY,
  VALID_DOCS,
  buildPack,
  codesOf,
  refusalsOf,
  utf8,
} from './packFixtures';

const edit = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`fixture edit: ${from} not found`);
  return text.replace(from, to);
};

/** The formatted document issues of a refused pack. */
async function documentIssues(files: Record<string, string>): Promise<string[]> {
  const problems = await refusalsOf(await buildPack({ files }));
  return problems.map((problem) =>
    problem.kind === 'document' ? formatIssue(problem.issue) : `pack: ${problem.code}`,
  );
}

describe('readPack: a valid pack', () => {
  it('returns the manifest, the documents addressed as <packId>--<docId> and their catalog', async () => {
    const bytes = await buildPack({ files: { ...VALID_DOCS } });
    const result = await readPack(bytes, OPTIONS);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { pack } = result;
    expect(pack.manifest.id).toBe('testville-notes');
    expect(pack.manifest.version).toBe('1.2.0');
    expect(pack.signature).toEqual({ state: 'unsigned' });
    expect(pack.warnings).toEqual([]);
    expect(new TextDecoder().decode(pack.manifestBytes)).toContain('"format": "onmuni-pack"');
    expect(pack.documents.map((doc) => doc.id)).toEqual([
      'testville-notes--case-testville-portal',
      'testville-notes--council-minutes-policy',
      'testville-notes--glossary-e-form',
    ]);
    const local = pack.documents.find((doc) => doc.localId === 'council-minutes-policy');
    // Inside the pack first, then the bundled library.
    expect(local?.related).toEqual(['testville-notes--case-testville-portal', BUNDLED_ID]);
    expect(local?.backlinks).toEqual(['testville-notes--case-testville-portal']);
    expect(local?.path).toBe('docs/local-documents/council-minutes-policy.md');
    expect(local?.type).toBe('local-document');
    expect(pack.catalog.map((entry) => entry.type)).toEqual([
      'case-study',
      'glossary',
      'local-document',
    ]);
  });

  it('accepts the same pack with every entry stored rather than deflated', async () => {
    const { zipSync } = await import('fflate');
    const { packEntries } = await import('./packFixtures');
    const entries = await packEntries({ files: { ...VALID_DOCS } });
    const stored = zipSync(entries, { level: 0 });
    expect((await readPack(stored, OPTIONS)).ok).toBe(true);
  });

  it('reports a link to a document neither in the pack nor in the library as a warning', async () => {
    const files = {
      ...VALID_DOCS,
      'docs/glossary/glossary-e-form.md': edit(
        GLOSSARY_DOC,
        'An online form.',
        'See [x](doc:no-such-doc).',
      ),
    };
    const result = await readPack(await buildPack({ files }), OPTIONS);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.pack.warnings.map(formatIssue)).toEqual([
      "docs/glossary/glossary-e-form.md:10: body: link doc:no-such-doc: no document in the pack or the library has the id 'no-such-doc'",
    ]);
  });

  it('warns about a bundled id when the bundled ids are not given', async () => {
    const result = await readPack(await buildPack({ files: { ...VALID_DOCS } }), {
      vocabulary: OPTIONS.vocabulary,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.pack.warnings.map((w) => `${w.file}:${w.line}: ${w.field}`)).toEqual([
      'docs/local-documents/council-minutes-policy.md:8: related[1]',
    ]);
  });
});

describe('readPack: signatures', () => {
  it('is verified when signed by a key the user trusts', async () => {
    const bytes = await buildPack({ files: { ...VALID_DOCS }, sign: { secretKey: SECRET_KEY } });
    const result = await readPack(bytes, {
      ...OPTIONS,
      trustedKeys: [PUBLIC_KEY_HEX.toUpperCase()],
    });
    expect(result.ok && result.pack.signature).toEqual({
      state: 'verified',
      publicKey: PUBLIC_KEY_HEX,
    });
  });

  it('is not verified when the signature is valid but its key is not trusted', async () => {
    const bytes = await buildPack({ files: { ...VALID_DOCS }, sign: { secretKey: SECRET_KEY } });
    const other = '00'.repeat(32);
    const result = await readPack(bytes, { ...OPTIONS, trustedKeys: [other] });
    expect(result.ok && result.pack.signature).toEqual({
      state: 'notVerified',
      publicKey: PUBLIC_KEY_HEX,
    });
  });

  it('refuses pack.json changed after signing, even with a trusted key', async () => {
    const files = { ...VALID_DOCS };
    const original = await buildPack({ files, sign: { secretKey: SECRET_KEY } });
    // Sign the original manifest, then ship a manifest that differs in one field.
    const { packEntries } = await import('./packFixtures');
    const signedManifest = (await packEntries({ files }))['pack.json'];
    const tampered = await buildPack({
      files,
      manifest: { title: 'Testville notes (changed)' },
      sign: { secretKey: SECRET_KEY, signatureFor: signedManifest },
    });
    expect((await readPack(original, OPTIONS)).ok).toBe(true);
    expect(await codesOf(tampered, { ...OPTIONS, trustedKeys: [PUBLIC_KEY_HEX] })).toEqual([
      'signatureInvalid pack.sig',
    ]);
  });

  it('refuses a signature that does not verify, and one it cannot read', async () => {
    const files = { ...VALID_DOCS };
    const garbage = JSON.stringify({
      algorithm: 'ed25519',
      publicKey: PUBLIC_KEY_HEX,
      signature: 'ab'.repeat(64),
    });
    expect(await codesOf(await buildPack({ files, signatureBytes: utf8(garbage) }))).toEqual([
      'signatureInvalid pack.sig',
    ]);
    // A key that is not a point of the curve.
    const offCurve = JSON.stringify({
      algorithm: 'ed25519',
      publicKey: 'ff'.repeat(32),
      signature: 'ab'.repeat(64),
    });
    expect(await codesOf(await buildPack({ files, signatureBytes: utf8(offCurve) }))).toEqual([
      'signatureInvalid pack.sig',
    ]);
    for (const bad of [new Uint8Array(64).fill(7), utf8('{"algorithm":"rsa"}'), utf8('not json')])
      expect(await codesOf(await buildPack({ files, signatureBytes: bad }))).toEqual([
        'signatureMalformed pack.sig',
      ]);
  });
});

describe('readPack: documents follow the content check', () => {
  it('refuses a document that breaks a rule, saying where (file:line: field: message)', async () => {
    const files = {
      ...VALID_DOCS,
      'docs/local-documents/council-minutes-policy.md': edit(
        LOCAL_DOC,
        'topics: [council-meetings]',
        'topics: [council-meeting]',
      ),
    };
    const issues = await documentIssues(files);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^docs\/local-documents\/council-minutes-policy\.md:6: topics\[0\]: 'council-meeting' is not in content\/vocabulary\.yml `topics`; did you mean 'council-meetings'\?/,
    );
  });

  it('applies the case-study rules: sources are required there', async () => {
    const noSources = edit(
      CASE_DOC,
      'sources:\n  - title: Testville portal\n    url: https://example.org/testville\n',
      '',
    );
    const issues = await documentIssues({
      ...VALID_DOCS,
      'docs/case-studies/case-testville-portal.md': noSources,
    });
    expect(
      issues.some(
        (issue) =>
          issue.startsWith('docs/case-studies/case-testville-portal.md:') &&
          issue.includes(': sources: '),
      ),
    ).toBe(true);
  });

  it('refuses two documents with one id, in different folders', async () => {
    const twin = edit(
      edit(LOCAL_DOC, 'id: council-minutes-policy', 'id: glossary-e-form'),
      'related: [case-testville-portal, guide-1-assess-readiness]',
      'related: []',
    );
    const files = { ...VALID_DOCS, 'docs/local-documents/glossary-e-form.md': twin };
    const issues = await documentIssues(files);
    expect(issues).toContainEqual(
      "docs/local-documents/glossary-e-form.md:2: id: 'glossary-e-form' is already used by docs/glossary/glossary-e-form.md; ids must be unique",
    );
  });

  it('checks the sections of links inside the pack', async () => {
    const files = {
      ...VALID_DOCS,
      'docs/local-documents/council-minutes-policy.md': edit(LOCAL_DOC, '#results', '#outcomes'),
    };
    expect(await documentIssues(files)).toEqual([
      'docs/local-documents/council-minutes-policy.md:10: body: link to #outcomes: doc:case-testville-portal has no heading with that slug; use one of: results',
    ]);
  });

  it('refuses a document whose type lives in another folder', async () => {
    const files = { ...VALID_DOCS, 'docs/case-studies/council-minutes-policy.md': LOCAL_DOC };
    delete (files as Record<string, string>)['docs/local-documents/council-minutes-policy.md'];
    const issues = await documentIssues(files);
    expect(issues[0]).toMatch(
      /^docs\/case-studies\/council-minutes-policy\.md:3: type: documents of type local-document live in content\/local-documents\//,
    );
  });

  it('holds the local document type to title, summary, topics and body, sources optional', async () => {
    const withSources = edit(
      LOCAL_DOC,
      'updated: 2026-11-30',
      'updated: 2026-11-30\nsources:\n  - title: Council minutes\n    url: https://example.org/minutes',
    );
    const ok = await readPack(
      await buildPack({
        files: { ...VALID_DOCS, 'docs/local-documents/council-minutes-policy.md': withSources },
      }),
      OPTIONS,
    );
    expect(
      ok.ok && ok.pack.documents.find((d) => d.type === 'local-document')?.sources,
    ).toHaveLength(1);
    const noTopics = edit(LOCAL_DOC, 'topics: [council-meetings]\n', '');
    expect(
      await documentIssues({
        ...VALID_DOCS,
        'docs/local-documents/council-minutes-policy.md': noTopics,
      }),
    ).toEqual([
      'docs/local-documents/council-minutes-policy.md:1: topics: is required for a local-document document; add it (see content/README.md)',
    ]);
    const withMunicipality = edit(
      LOCAL_DOC,
      'updated: 2026-11-30',
      'updated: 2026-11-30\nmunicipality: Testville',
    );
    const issues = await documentIssues({
      ...VALID_DOCS,
      'docs/local-documents/council-minutes-policy.md': withMunicipality,
    });
    expect(issues[0]).toMatch(/:8: municipality: is not a field of a local-document document/);
  });

  it('refuses quotations attributed to AMO that cannot be verified, as the content check does', async () => {
    const quoting = edit(
      LOCAL_DOC,
      'We post minutes within a week.',
      'AMO said "minutes matter a great deal to everyone".',
    );
    const issues = await documentIssues({
      ...VALID_DOCS,
      'docs/local-documents/council-minutes-policy.md': quoting,
    });
    expect(issues.length).toBeGreaterThan(0);
    expect(
      issues.every((issue) =>
        issue.startsWith('docs/local-documents/council-minutes-policy.md:10: body: '),
      ),
    ).toBe(true);
  });
});

describe('readPack: long reads', () => {
  it('reports progress over the documents and can be cancelled', async () => {
    const bytes = await buildPack({ files: { ...VALID_DOCS } });
    const seen: string[] = [];
    const result = await readPack(bytes, {
      ...OPTIONS,
      onProgress: (done, total) => seen.push(`${done}/${total}`),
    });
    expect(result.ok).toBe(true);
    expect(seen).toEqual(['0/3', '1/3', '2/3', '3/3']);

    const controller = new AbortController();
    const cancelled = readPack(bytes, {
      ...OPTIONS,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 1) controller.abort(new Error('cancelled by the user'));
      },
    });
    await expect(cancelled).rejects.toThrow('cancelled by the user');
  });
});
