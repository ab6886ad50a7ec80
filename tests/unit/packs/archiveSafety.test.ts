import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { PACK_LIMITS } from '../../../renderer/src/core/packs/limits';
import { readPack } from '../../../renderer/src/core/packs/readPack';
import { sha256Hex } from '../../../renderer/src/core/packs/sha256';
import {
  LOCAL_DOC,
  OPTIONS,
  VALID_DOCS,
  assemblePack,
  buildPack,
  codesOf,
  packEntries,
  utf8,
} from './packFixtures';
import { assembleZip, type RawEntry } from './zipAssembler';

/**
 * Hostile and broken archives, built byte by byte. Each must be refused with the reason named,
 * and `codesOf` asserts that a refused read returns nothing usable.
 */

const LOCAL_PATH = 'docs/local-documents/council-minutes-policy.md';
const files = () => ({ ...VALID_DOCS });
const MB = 1024 * 1024;

describe('the archive itself', () => {
  it('accepts the hand-assembled valid pack (so the refusals below are about their one change)', async () => {
    const result = await readPack(await assemblePack({ files: files() }), OPTIONS);
    expect(result.ok).toBe(true);
  });

  it('refuses a file over 200 MB before looking inside', async () => {
    expect(await codesOf(new Uint8Array(PACK_LIMITS.maxFileBytes + 1))).toEqual(['fileTooLarge']);
  });

  it('refuses what is not a ZIP archive', async () => {
    expect(await codesOf(new Uint8Array(0))).toEqual(['notZip']);
    expect(await codesOf(utf8('---\ntitle: not a zip\n---\n'))).toEqual(['notZip']);
  });

  it('refuses bytes after the end record, and a damaged central directory', async () => {
    const valid = await assemblePack({ files: files() });
    const trailing = new Uint8Array(valid.length + 3);
    trailing.set(valid);
    expect(await codesOf(trailing)).toEqual(['notZip']);
    const entries = Object.entries(await packEntries({ files: files() })).map(
      ([name, content]) => ({ name, content }),
    );
    // The end record counts one entry more than the directory holds.
    expect(await codesOf(assembleZip(entries, { entriesTotal: entries.length + 1 }))).toEqual([
      'damaged',
    ]);
  });

  it('refuses ZIP64, spanned archives, encryption and other compression methods', async () => {
    const entries = Object.entries(await packEntries({ files: files() })).map(
      ([name, content]) => ({ name, content }),
    );
    expect(await codesOf(assembleZip(entries, { entriesTotal: 0xffff }))).toEqual(['zip64']);
    expect(await codesOf(assembleZip(entries, { disk: 1 }))).toEqual(['multiDisk']);
    expect(await codesOf(assembleZip(entries, { entriesOnDisk: 1 }))).toEqual(['multiDisk']);
    expect(
      await codesOf(await assemblePack({ files: files() }, { [LOCAL_PATH]: { flags: 0x0801 } })),
    ).toEqual([`encrypted ${LOCAL_PATH}`]);
    expect(
      await codesOf(await assemblePack({ files: files() }, { [LOCAL_PATH]: { method: 12 } })),
    ).toEqual([`compressionMethod ${LOCAL_PATH}`]);
    expect(
      await codesOf(await assemblePack({ files: files() }, { [LOCAL_PATH]: { size: 0xffffffff } })),
    ).toEqual(['zip64']);
  });

  it('refuses a local header that disagrees with the central directory', async () => {
    const renamed = await assemblePack(
      { files: files() },
      { [LOCAL_PATH]: { localName: 'docs/local-documents/other-name.md' } },
    );
    expect(await codesOf(renamed)).toEqual([`damaged ${LOCAL_PATH}`]);
  });

  it('refuses entries whose data overlap (the trick of overlapping zip bombs)', async () => {
    // A second central record pointing at another entry's local header...
    const shared = await assemblePack({ files: files() }, {}, [
      { name: 'docs/local-documents/copy.md', content: utf8(LOCAL_DOC), shareLocalWith: 1 },
    ]);
    expect(await codesOf(shared)).toEqual(['damaged docs/local-documents/copy.md']);
    // ...and data declared to run on over the next entry's header.
    const stored = utf8(LOCAL_DOC);
    const overrun = await assemblePack(
      { files: files() },
      {
        [LOCAL_PATH]: { compressedSize: deflateSync(stored).length + 40 },
      },
    );
    expect(await codesOf(overrun)).toEqual([`overlap ${LOCAL_PATH}`]);
  });
});

describe('names', () => {
  const withName = async (name: string | Uint8Array, extra: Partial<RawEntry> = {}) =>
    codesOf(await assemblePack({ files: files() }, {}, [{ name, content: utf8('x'), ...extra }]));

  it.each([
    ['../x', 'path ../x'],
    ['docs/../../x.md', 'path docs/../../x.md'],
    ['docs/./case-studies/x.md', 'path docs/./case-studies/x.md'],
    ['/abs', 'path /abs'],
    ['/docs/case-studies/x.md', 'path /docs/case-studies/x.md'],
    ['C:\\x', 'path C:\\x'],
    ['C:/docs/x.md', 'path C:/docs/x.md'],
    ['docs\\case-studies\\x.md', 'path docs\\case-studies\\x.md'],
    ['docs//case-studies/x.md', 'path docs//case-studies/x.md'],
    ['docs/case-studies/x\u0000.md', 'path docs/case-studies/x\u0000.md'],
    ['other/x.md', 'path other/x.md'],
    ['readme.txt', 'notAllowedAtRoot readme.txt'],
    ['docs/x.md', 'notPackFolder docs/x.md'],
    [
      'docs/recommendations/recommendation-9.md',
      'notPackFolder docs/recommendations/recommendation-9.md',
    ],
    ['docs/case-studies/deeper/x.md', 'notPackFolder docs/case-studies/deeper/x.md'],
    ['docs/case-studies/x.txt', 'notMarkdown docs/case-studies/x.txt'],
    [`docs/case-studies/${'x'.repeat(240)}.md`, `path docs/case-studies/${'x'.repeat(240)}.md`],
  ])('refuses the name %j', async (name, code) => {
    expect(await withName(name)).toEqual([code]);
  });

  it('allows folder entries inside docs/ only, and only empty ones', async () => {
    const folders = await assemblePack({ files: files() }, {}, [
      { name: 'docs/', content: new Uint8Array(0), method: 0 },
      { name: 'docs/case-studies/', content: new Uint8Array(0), method: 0 },
    ]);
    expect((await readPack(folders, OPTIONS)).ok).toBe(true);
    expect(await withName('other/', { content: new Uint8Array(0), method: 0 })).toEqual([
      'path other/',
    ]);
    expect(await withName('../', { content: new Uint8Array(0), method: 0 })).toEqual(['path ../']);
    expect(await withName('/', { content: new Uint8Array(0), method: 0 })).toEqual(['path /']);
    expect(await withName('docs/glossary/', { content: utf8('data'), method: 0 })).toEqual([
      'directoryNotEmpty docs/glossary/',
    ]);
  });

  it('refuses duplicate names, and names one file system would store as one file', async () => {
    expect(await withName(LOCAL_PATH, { content: utf8(LOCAL_DOC) })).toEqual([
      `duplicateName ${LOCAL_PATH}`,
    ]);
    expect(
      await withName(LOCAL_PATH.toUpperCase().replace('DOCS/', 'docs/'), {
        content: utf8(LOCAL_DOC),
      }),
    ).toEqual([`duplicateName ${LOCAL_PATH.toUpperCase().replace('DOCS/', 'docs/')}`]);
    expect(await withName('pack.json', { content: utf8('{}') })).toEqual([
      'duplicateName pack.json',
    ]);
  });

  it('refuses a name that is not UTF-8, or not ASCII without the UTF-8 flag', async () => {
    const bad = new Uint8Array([...utf8('docs/glossary/'), 0xff, 0xfe, ...utf8('.md')]);
    expect(await withName(bad)).toEqual(['nameEncoding']);
    expect(await withName('docs/glossary/café.md', { flags: 0 })).toEqual(['nameEncoding']);
  });
});

describe('limits, on declared sizes, before anything is inflated', () => {
  it('refuses more than 20,000 entries', async () => {
    const entries: RawEntry[] = Object.entries(await packEntries({ files: files() })).map(
      ([name, content]) => ({ name, content }),
    );
    for (let i = entries.length; i <= PACK_LIMITS.maxEntries; i++)
      entries.push({ name: `docs/case-studies/f${i}/`, method: 0 });
    expect(entries.length).toBe(PACK_LIMITS.maxEntries + 1);
    expect(await codesOf(assembleZip(entries))).toEqual(['tooManyEntries']);
  });

  it('refuses a document over 2 MB and pack.json over 4 MB', async () => {
    // Data the size of the ratio limit's floor: the declared size alone is what is refused.
    const big = PACK_LIMITS.maxMarkdownBytes + 1;
    const data = new Uint8Array(Math.ceil(big / PACK_LIMITS.maxCompressionRatio));
    expect(
      await codesOf(await assemblePack({ files: files() }, { [LOCAL_PATH]: { size: big, data } })),
    ).toEqual([`markdownTooLarge ${LOCAL_PATH}`]);
    const manifest = PACK_LIMITS.maxManifestBytes + 1;
    const manifestData = new Uint8Array(Math.ceil(manifest / PACK_LIMITS.maxCompressionRatio));
    expect(
      await codesOf(
        await assemblePack(
          { files: files() },
          { 'pack.json': { size: manifest, data: manifestData } },
        ),
      ),
    ).toEqual(['manifestTooLarge pack.json']);
  });

  it('refuses more than 500 MB unpacked in all', async () => {
    const size = PACK_LIMITS.maxMarkdownBytes;
    const data = new Uint8Array(Math.ceil(size / PACK_LIMITS.maxCompressionRatio));
    const count = Math.floor(PACK_LIMITS.maxUnpackedBytes / size) + 1;
    const extra: RawEntry[] = Array.from({ length: count }, (_, i) => ({
      name: `docs/case-studies/big-${i}.md`,
      data,
      size,
    }));
    const started = performance.now();
    const codes = await codesOf(await assemblePack({ files: files() }, {}, extra));
    expect(codes).toEqual(['unpackedTooLarge']);
    // Nothing of the 500 MB was inflated.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses an entry compressed more than 100:1 (a ratio bomb)', async () => {
    const zeros = new Uint8Array(MB);
    const bytes = await assemblePack({ files: files() }, {}, [
      { name: 'docs/case-studies/zeros.md', content: zeros },
    ]);
    expect(await codesOf(bytes)).toEqual(['ratio docs/case-studies/zeros.md']);
    // Declared as stored from nothing: size without data.
    expect(
      await codesOf(
        await assemblePack(
          { files: files() },
          { [LOCAL_PATH]: { data: new Uint8Array(0), method: 8 } },
        ),
      ),
    ).toEqual([`ratio ${LOCAL_PATH}`]);
  });

  it('lists every name and size problem at once', async () => {
    const bytes = await assemblePack({ files: files() }, {}, [
      { name: '../a', content: utf8('x') },
      { name: 'b.txt', content: utf8('x') },
    ]);
    expect(await codesOf(bytes)).toEqual(['path ../a', 'notAllowedAtRoot b.txt']);
  });
});

describe('entries that lie about their content', () => {
  it('stops inflating at the declared size when the data inflate to more (a lying header)', async () => {
    // 50 MB of zeros deflate to ~50 KB; the header claims 2 MB, within the ratio and the limits.
    const data = deflateSync(new Uint8Array(50 * MB), { level: 1 });
    const size = PACK_LIMITS.maxMarkdownBytes;
    expect(size / data.length).toBeLessThan(PACK_LIMITS.maxCompressionRatio);
    const bytes = await assemblePack({ files: files() }, { [LOCAL_PATH]: { data, size } });
    const started = performance.now();
    expect(await codesOf(bytes)).toEqual([`sizeMismatch ${LOCAL_PATH}`]);
    expect(performance.now() - started).toBeLessThan(1_000);
  }, 20_000);

  it('refuses data that inflate to less than declared, stored sizes that differ, and a wrong CRC', async () => {
    const text = utf8(LOCAL_DOC);
    expect(
      await codesOf(
        await assemblePack({ files: files() }, { [LOCAL_PATH]: { size: text.length + 1 } }),
      ),
    ).toEqual([`sizeMismatch ${LOCAL_PATH}`]);
    expect(
      await codesOf(
        await assemblePack(
          { files: files() },
          { [LOCAL_PATH]: { method: 0, size: text.length - 1 } },
        ),
      ),
    ).toEqual([`sizeMismatch ${LOCAL_PATH}`]);
    expect(
      await codesOf(await assemblePack({ files: files() }, { [LOCAL_PATH]: { crc: 1234 } })),
    ).toEqual([`crcMismatch ${LOCAL_PATH}`]);
    expect(
      await codesOf(
        await assemblePack(
          { files: files() },
          { [LOCAL_PATH]: { data: utf8('not deflate at all, just text') } },
        ),
      ),
    ).toEqual([`sizeMismatch ${LOCAL_PATH}`]);
  });
});

describe('files against the manifest', () => {
  it('refuses a file the manifest does not list, and a listed file that is missing', async () => {
    const listed = await packEntries({ files: files() });
    const manifest = JSON.parse(new TextDecoder().decode(listed['pack.json'])) as {
      files: Record<string, string>;
    };
    const extra = utf8(LOCAL_DOC.replace('council-minutes-policy', 'extra'));
    const unlisted = await buildPack({
      files: { ...files(), 'docs/local-documents/extra.md': extra },
      listed: manifest.files,
    });
    expect(await codesOf(unlisted)).toEqual(['unlisted docs/local-documents/extra.md']);
    const missing = await buildPack({
      files: files(),
      listed: { ...manifest.files, 'docs/glossary/gone.md': await sha256Hex(extra) },
    });
    expect(await codesOf(missing)).toEqual(['missing docs/glossary/gone.md']);
  });

  it('refuses a file whose SHA-256 differs from the manifest', async () => {
    const listed = await packEntries({ files: files() });
    const manifest = JSON.parse(new TextDecoder().decode(listed['pack.json'])) as {
      files: Record<string, string>;
    };
    const changed = {
      ...files(),
      [LOCAL_PATH]: LOCAL_DOC.replace('within a week', 'within a month'),
    };
    expect(await codesOf(await buildPack({ files: changed, listed: manifest.files }))).toEqual([
      `hashMismatch ${LOCAL_PATH}`,
    ]);
  });

  it('refuses a document that is not UTF-8, even with a matching hash', async () => {
    const latin1 = new Uint8Array([...utf8(LOCAL_DOC.slice(0, -1)), 0xe9, 0x0a]);
    expect(await codesOf(await buildPack({ files: { ...files(), [LOCAL_PATH]: latin1 } }))).toEqual(
      [`notUtf8 ${LOCAL_PATH}`],
    );
  });

  it('refuses a pack with no documents', async () => {
    expect(await codesOf(await buildPack({ files: {} }))).toEqual(['noDocuments']);
  });
});

describe('the manifest', () => {
  it('refuses a pack without pack.json', async () => {
    const entries = Object.entries(await packEntries({ files: files() }))
      .filter(([name]) => name !== 'pack.json')
      .map(([name, content]) => ({ name, content }));
    expect(await codesOf(assembleZip(entries))).toEqual(['noManifest']);
  });

  it('refuses pack.json that is not JSON, not UTF-8 or not the schema, naming the field', async () => {
    expect(
      await codesOf(await buildPack({ files: files(), manifestBytes: utf8('{"format": ') })),
    ).toEqual(['manifestNotJson pack.json']);
    expect(
      await codesOf(
        await buildPack({ files: files(), manifestBytes: new Uint8Array([0x7b, 0xff, 0x7d]) }),
      ),
    ).toEqual(['notUtf8 pack.json']);
    const problems = await readPack(
      await buildPack({
        files: files(),
        manifest: { id: 'Bad_Id', formatVersion: 2, extra: true },
      }),
      OPTIONS,
    );
    expect(problems.ok).toBe(false);
    const fields = problems.ok
      ? []
      : problems.problems.map((p) => (p.kind === 'pack' ? p.message.values?.field : ''));
    expect(fields.sort()).toEqual(['extra', 'formatVersion', 'id']);
  });

  it('refuses a pack that needs a newer app', async () => {
    const bytes = await buildPack({ files: files(), manifest: { minAppVersion: '0.2.0' } });
    expect(await codesOf(bytes)).toEqual(['needsNewerApp']);
    expect((await readPack(bytes, { ...OPTIONS, appVersion: '0.2.0' })).ok).toBe(true);
  });
});
