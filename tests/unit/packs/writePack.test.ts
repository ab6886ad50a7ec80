import { keygenAsync, verifyAsync } from '@noble/ed25519';
import { unzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { libraryContext } from '../../../build/packs/library';
import { readPackFolder } from '../../../build/packs/readFolder';
import { PACK_LIMITS } from '../../../renderer/src/core/packs/limits';
import type { PackManifest } from '../../../renderer/src/core/packs/manifest';
import {
  readPack,
  type PackReadResult,
  type ReadPackOptions,
} from '../../../renderer/src/core/packs/readPack';
import { toHex } from '../../../renderer/src/core/packs/sha256';
import {
  packDocumentPath,
  writePack,
  type PackDocumentFile,
  type PackManifestFields,
  type WritePackResult,
} from '../../../renderer/src/core/packs/writePack';
import { REQUIRED_MANIFEST_KEYS } from './packFixtures';

/** The sample pack folder the CLI tests build too: two local documents and a glossary term. */
const SAMPLE = fileURLToPath(new URL('../../fixtures/packs/sample', import.meta.url));

const FIELDS: PackManifestFields = {
  id: 'sample-township-notes',
  title: 'Sample township notes',
  version: '1.0.0',
  publisher: 'OnMuni Toolkit test fixtures',
  created: '2026-12-06',
};

let documents: PackDocumentFile[];
let context: Omit<ReadPackOptions, 'trustedKeys'>;

beforeAll(async () => {
  documents = (await readPackFolder(SAMPLE)).documents;
  context = await libraryContext();
});

async function written(
  docs: readonly PackDocumentFile[] = documents,
  options: Parameters<typeof writePack>[2] = {},
  fields: PackManifestFields = FIELDS,
): Promise<Extract<WritePackResult, { ok: true }>> {
  const result = await writePack(fields, docs, options);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusals)}`);
  return result;
}

function accepted(result: PackReadResult): Extract<PackReadResult, { ok: true }>['pack'] {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.pack;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A pack whose `name` entry is replaced, everything else as written. */
function withEntry(pack: Uint8Array, name: string, bytes: Uint8Array): Uint8Array {
  return zipSync({ ...unzipSync(pack), [name]: bytes });
}

describe('writePack round trip through readPack', () => {
  it('writes a pack the reader accepts, with every document addressed within the pack', async () => {
    expect(documents.map((doc) => doc.path)).toEqual([
      'docs/glossary/glossary-file-plan.md',
      'docs/local-documents/file-naming-guide.md',
      'docs/local-documents/sharing-this-guide.md',
    ]);
    const pack = accepted(await readPack((await written()).bytes, context));
    expect(pack.manifest).toMatchObject({ ...FIELDS, format: 'onmuni-pack', formatVersion: 1 });
    expect(pack.documents.map((doc) => doc.id)).toEqual([
      'sample-township-notes--file-naming-guide',
      'sample-township-notes--glossary-file-plan',
      'sample-township-notes--sharing-this-guide',
    ]);
    expect(pack.signature).toEqual({ state: 'unsigned' });
    expect(pack.warnings).toEqual([]);
  });

  it('lists every other file with its SHA-256, and pack.json first in the archive', async () => {
    const result = await written();
    const entries = unzipSync(result.bytes);
    expect(Object.keys(entries)).toEqual(['pack.json', ...documents.map((doc) => doc.path)]);
    expect(entries['pack.json']).toEqual(result.manifestBytes);
    const manifest = JSON.parse(new TextDecoder().decode(result.manifestBytes)) as PackManifest;
    expect(manifest).toEqual(result.manifest);
    const expected = Object.fromEntries(
      documents.map((doc) => [doc.path, sha256(new TextEncoder().encode(doc.text))]),
    );
    expect(manifest.files).toEqual(expected);
    expect(Object.keys(manifest.files)).toEqual(Object.keys(expected).sort());
  });

  it('has its hashes checked: a changed document is refused by name', async () => {
    const { bytes } = await written();
    const target = 'docs/local-documents/file-naming-guide.md';
    const original = documents.find((doc) => doc.path === target)?.text ?? '';
    const changed = new TextEncoder().encode(original.replace('dashes', 'spaces'));
    expect(changed.length).toBeGreaterThan(0);
    const result = await readPack(withEntry(bytes, target, changed), context);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      expect.objectContaining({ kind: 'pack', code: 'hashMismatch', path: target }),
    ]);
  });

  it('signs pack.json: verified with the signer key trusted, not verified with another', async () => {
    const signer = await keygenAsync();
    const other = await keygenAsync();
    const result = await written(documents, { secretKey: signer.secretKey });
    if (result.signed === undefined) throw new Error('not signed');
    expect(result.signed.publicKey).toEqual(signer.publicKey);
    const { signature } = result.signed;
    expect(await verifyAsync(signature, result.manifestBytes, signer.publicKey)).toBe(true);
    expect(await verifyAsync(signature, result.manifestBytes, other.publicKey)).toBe(false);

    expect(Object.keys(unzipSync(result.bytes)).slice(0, 2)).toEqual(['pack.json', 'pack.sig']);
    const signerHex = toHex(signer.publicKey);
    const trusted = accepted(
      await readPack(result.bytes, { ...context, trustedKeys: [signerHex] }),
    );
    expect(trusted.signature).toEqual({ state: 'verified', publicKey: signerHex });
    const otherTrusted = { ...context, trustedKeys: [toHex(other.publicKey)] };
    const untrusted = accepted(await readPack(result.bytes, otherTrusted));
    expect(untrusted.signature).toEqual({ state: 'notVerified', publicKey: signerHex });
  });

  it('has a signature that no longer holds once pack.json changes', async () => {
    const signer = await keygenAsync();
    const { bytes, manifestBytes } = await written(documents, { secretKey: signer.secretKey });
    const retitled = new TextDecoder()
      .decode(manifestBytes)
      .replace('Sample township notes', 'Someone else');
    const tampered = withEntry(bytes, 'pack.json', new TextEncoder().encode(retitled));
    const result = await readPack(tampered, { ...context, trustedKeys: [toHex(signer.publicKey)] });
    expect(!result.ok && result.problems.map((p) => p.kind === 'pack' && p.code)).toEqual([
      'signatureInvalid',
    ]);
  });

  it('refuses a secret key that is not 32 bytes', async () => {
    await expect(writePack(FIELDS, documents, { secretKey: new Uint8Array(64) })).rejects.toThrow(
      RangeError,
    );
  });
});

describe('writePack output is deterministic', () => {
  const savedZone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = savedZone;
  });

  it('gives the same bytes twice, in any input order, signed or not', async () => {
    const first = await written();
    expect((await written()).bytes).toEqual(first.bytes);
    expect((await written([...documents].reverse())).bytes).toEqual(first.bytes);
    const { secretKey } = await keygenAsync();
    const signed = await written(documents, { secretKey });
    expect((await written(documents, { secretKey })).bytes).toEqual(signed.bytes);
  });

  it('gives the same bytes in every time zone (ZIP stores local time)', async () => {
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
    const east = await written();
    process.env.TZ = 'Pacific/Pago_Pago'; // UTC-11
    const west = await written();
    expect(west.bytes).toEqual(east.bytes);
  });

  it('trims manifest text as the schema does and writes keys in the documented order', async () => {
    const result = await written(documents, {}, { ...FIELDS, title: '  Sample township notes ' });
    expect(result.manifest.title).toBe('Sample township notes');
    expect(Object.keys(result.manifest)).toEqual(REQUIRED_MANIFEST_KEYS);
  });
});

/** The sample's glossary term. */
function glossary(): PackDocumentFile {
  const doc = documents.find((d) => d.path === 'docs/glossary/glossary-file-plan.md');
  if (doc === undefined) throw new Error('no glossary term in the sample');
  return doc;
}

describe('writePack refusals', () => {
  it('names every problem at once: fields, names, duplicates, text that is not UTF-8', async () => {
    const doc = glossary();
    const result = await writePack(
      { ...FIELDS, id: 'Sample--Notes', version: '1.0', created: '2026-02-30' },
      [
        { path: '../escape.md', text: doc.text },
        { path: 'docs/about/about-us.md', text: doc.text },
        { path: 'docs/glossary/notes.txt', text: doc.text },
        doc,
        doc,
        { path: doc.path.replace('file-plan', 'File-Plan'), text: doc.text },
        { path: 'docs/local-documents/broken.md', text: 'half a pair \ud800' },
      ],
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.refusals).toEqual([
      {
        code: 'manifestField',
        path: 'pack.json',
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
        values: expect.objectContaining({ field: 'id' }),
      },
      {
        code: 'manifestField',
        path: 'pack.json',
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
        values: expect.objectContaining({ field: 'version' }),
      },
      {
        code: 'manifestField',
        path: 'pack.json',
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
        values: expect.objectContaining({ field: 'created' }),
      },
      { code: 'path', path: '../escape.md', problem: 'dotSegment' },
      { code: 'notPackFolder', path: 'docs/about/about-us.md' },
      { code: 'notMarkdown', path: 'docs/glossary/notes.txt' },
      { code: 'duplicateName', path: doc.path },
      { code: 'duplicateName', path: 'docs/glossary/glossary-File-Plan.md' },
      { code: 'notUtf8', path: 'docs/local-documents/broken.md' },
    ]);
  });

  it('refuses a manifest field the format does not have, by name', async () => {
    const fields = { ...FIELDS, publsher: 'Typo' } as PackManifestFields;
    const result = await writePack(fields, documents);
    expect(!result.ok && result.refusals).toEqual([
      {
        code: 'manifestField',
        path: 'pack.json',
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
        values: { field: 'front matter', detail: expect.stringContaining('publsher') },
      },
    ]);
  });

  it('refuses a pack with no documents', async () => {
    const result = await writePack(FIELDS, []);
    expect(!result.ok && result.refusals).toEqual([{ code: 'noDocuments' }]);
  });

  it('refuses a Markdown file over the limit, and accepts one at it', async () => {
    const name = packDocumentPath('local-document', 'long');
    const over = 'x'.repeat(PACK_LIMITS.maxMarkdownBytes + 1);
    const result = await writePack(FIELDS, [{ path: name, text: over }]);
    expect(!result.ok && result.refusals).toEqual([
      { code: 'markdownTooLarge', path: name, values: { sizeMb: 3, limitMb: 2 } },
    ]);
    const atLimit = await writePack(FIELDS, [{ path: name, text: over.slice(1) }]);
    expect(atLimit.ok).toBe(true);
  });

  it('counts pack.json and pack.sig among the entries', async () => {
    const many = Array.from({ length: PACK_LIMITS.maxEntries }, (_, i) => ({
      path: packDocumentPath('glossary', `glossary-${i}`),
      text: '',
    }));
    const result = await writePack(FIELDS, many);
    const values = { count: PACK_LIMITS.maxEntries + 1, limit: PACK_LIMITS.maxEntries };
    expect(!result.ok && result.refusals).toEqual([{ code: 'tooManyEntries', values }]);
  });

  it('stores a document deflate would shrink past the ratio the reader refuses', async () => {
    const doc = glossary();
    // Thousands of copies of one sentence: deflate shrinks this far more than 100 to 1.
    const long = `${doc.text}\n${'The file plan lists subjects. '.repeat(3_000)}\n`;
    const result = await written([{ path: doc.path, text: long }]);
    const size = new TextEncoder().encode(long).length;
    expect(size).toBeGreaterThan(PACK_LIMITS.maxCompressionRatio * 500);
    expect(result.bytes.length).toBeGreaterThan(size); // stored, not deflated
    accepted(await readPack(result.bytes, context));
  });

  it('deflates ordinary documents', async () => {
    const result = await written();
    const unpacked = documents.reduce((sum, doc) => sum + doc.text.length, 0);
    expect(result.bytes.length).toBeLessThan(unpacked);
  });
});

// The archive paths the app's export will use for own documents.
describe('packDocumentPath', () => {
  it('puts a document in its type folder under docs/', () => {
    expect(packDocumentPath('local-document', 'our-notes')).toBe(
      'docs/local-documents/our-notes.md',
    );
    expect(packDocumentPath('case-study', 'case-x')).toBe('docs/case-studies/case-x.md');
  });
});
