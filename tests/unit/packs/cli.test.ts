import { unzipSync, zipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runPackCommand } from '../../../build/packs/commands';
import { PACK_LIMITS } from '../../../renderer/src/core/packs/limits';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SAMPLE = path.join(ROOT, 'tests/fixtures/packs/sample');
const GUIDE = 'docs/local-documents/file-naming-guide.md';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'onmuni-pack-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Runs a command in process, as `npm run pack:<command> -- <args>` does. */
async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPackCommand(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

/** A copy of the sample folder, to break. */
async function sampleCopy(name: string): Promise<string> {
  const folder = path.join(work, name);
  await cp(SAMPLE, folder, { recursive: true });
  return folder;
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

describe('pack:build and pack:check', () => {
  it('builds the sample folder into a pack and reports what it holds', async () => {
    const out = path.join(work, 'sample.onmunipack');
    const result = await run('build', SAMPLE, '--out', out);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      'pack: Sample township notes (sample-township-notes 1.0.0), publisher OnMuni Toolkit test fixtures, created 2026-12-06',
      'documents: 3 (1 glossary term, 2 local documents)',
      'hashes: 3 file(s) listed in pack.json with their SHA-256, all matching',
      expect.stringMatching(/^size: \d+\.\d KB$/),
      'signature: not signed; the app shows "publisher not verified"',
      expect.stringMatching(/^wrote .*sample\.onmunipack$/),
    ]);
    const checked = await run('check', out);
    expect(checked.code).toBe(0);
    expect(checked.out.at(-1)).toBe(`${out}: valid`);
  });

  it('builds the same bytes twice', async () => {
    const first = path.join(work, 'first.onmunipack');
    const second = path.join(work, 'second.onmunipack');
    expect((await run('build', SAMPLE, '--out', first)).code).toBe(0);
    expect((await run('build', SAMPLE, '--out', second)).code).toBe(0);
    expect(await readFile(second)).toEqual(await readFile(first));
  });

  it('names the pack <id>-<version>.onmunipack in the folder npm was started from', async () => {
    const saved = process.env.INIT_CWD;
    process.env.INIT_CWD = work;
    try {
      expect((await run('build', path.relative(work, SAMPLE))).code).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.INIT_CWD;
      else process.env.INIT_CWD = saved;
    }
    const named = await readFile(path.join(work, 'sample-township-notes-1.0.0.onmunipack'));
    expect(named).toEqual(await readFile(path.join(work, 'first.onmunipack')));
  });

  it('refuses a folder with problems, each where it is, and writes nothing', async () => {
    const folder = await sampleCopy('broken');
    await edit(path.join(folder, 'pack.yml'), 'version: 1.0.0', 'version: 1.0');
    const out = path.join(work, 'broken.onmunipack');
    const manifestRefused = await run('build', folder, '--out', out);
    expect(manifestRefused.code).toBe(1);
    expect(manifestRefused.err).toEqual([
      `${path.join(folder, 'pack.yml')}:5: version: must be a semantic version, e.g. 1.2.0`,
      'pack: 1 problem(s); nothing was written',
    ]);

    await edit(path.join(folder, 'pack.yml'), 'version: 1.0', 'version: 1.0.0');
    const glossary = path.join(folder, 'docs/glossary/glossary-file-plan.md');
    await edit(glossary, 'topics: [records-management]', 'topics: [record-keeping]');
    const documentRefused = await run('build', folder, '--out', out);
    expect(documentRefused.code).toBe(1);
    expect(documentRefused.err[0]).toMatch(
      new RegExp(`^${escape(glossary)}:10: topics\\[0\\]: 'record-keeping' is not in`),
    );
    await expect(stat(out)).rejects.toThrow();
    expect((await readdir(work)).filter((name) => name.startsWith('broken.'))).toEqual([]);
  });

  it('refuses a pack.yml field that is misspelt or computed, at its line', async () => {
    const folder = await sampleCopy('extra-fields');
    const manifest = path.join(folder, 'pack.yml');
    await edit(manifest, 'publisher: OnMuni', 'publsher: OnMuni');
    await writeFile(manifest, `${await readFile(manifest, 'utf8')}files: {}\n`);
    const result = await run('build', folder, '--out', path.join(work, 'extra.onmunipack'));
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `${manifest}:6: publsher: not a field of pack.yml; did you mean 'publisher'? use id, title, version, publisher, created, description, minAppVersion`,
      `${manifest}:11: files: not a field of pack.yml; pack:build writes it; remove it`,
      'pack: 2 problem(s); nothing was written',
    ]);
  });

  it('refuses a document outside the folders a pack may hold, naming its file', async () => {
    const folder = await sampleCopy('wrong-folder');
    const about = path.join(folder, 'docs/about/about-us.md');
    await cp(path.join(folder, GUIDE), about);
    const result = await run('build', folder, '--out', path.join(work, 'wrong.onmunipack'));
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `${about}: documents must be in docs/case-studies/, docs/opportunities/, docs/glossary/, docs/workshops/ or docs/local-documents/.`,
      'pack: 1 problem(s); nothing was written',
    ]);
  });

  it('warns of a link to a document neither in the pack nor in the library, and builds', async () => {
    const folder = await sampleCopy('unknown-link');
    await edit(
      path.join(folder, GUIDE),
      'doc:glossary-records-retention-by-law',
      'doc:glossary-nowhere',
    );
    const result = await run('build', folder, '--out', path.join(work, 'unknown-link.onmunipack'));
    expect(result.code).toBe(0);
    expect(result.out).toContainEqual(
      expect.stringMatching(
        new RegExp(`^warning: ${escape(path.join(folder, GUIDE))}:\\d+: body: .*glossary-nowhere`),
      ),
    );
  });

  it('refuses a pack whose document was changed after building, naming the file (exit 1)', async () => {
    const built = path.join(work, 'to-tamper.onmunipack');
    expect((await run('build', SAMPLE, '--out', built)).code).toBe(0);
    const entries = unzipSync(await readFile(built));
    const original = new TextDecoder().decode(entries[GUIDE]);
    entries[GUIDE] = new TextEncoder().encode(original.replace('dashes', 'spaces'));
    const tampered = path.join(work, 'tampered.onmunipack');
    await writeFile(tampered, zipSync(entries));

    // Through the real entry point, as npm runs it: the exit code is what scripts see.
    const tsx = path.join(createRequire(import.meta.url).resolve('tsx/package.json'), '..');
    const child = spawnSync(
      process.execPath,
      [path.join(tsx, 'dist/cli.mjs'), 'build/packs/cli.ts', 'check', tampered],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(child.status).toBe(1);
    expect(child.stdout).toBe('');
    expect(child.stderr.trim().split('\n')).toEqual([
      `${GUIDE}: the file does not match its SHA-256 in pack.json; it was changed or damaged.`,
      `${tampered}: refused; 1 problem(s)`,
    ]);
  }, 60_000); // starting Node and tsx takes seconds on a busy machine

  it('refuses a file over the size limit without reading it', async () => {
    const huge = path.join(work, 'huge.onmunipack');
    await writeFile(huge, '');
    await truncate(huge, PACK_LIMITS.maxFileBytes + 1); // sparse: no disk space used
    const result = await run('check', huge);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      'This content pack is 201 MB; a pack may be at most 200 MB.',
      `${huge}: refused; 1 problem(s)`,
    ]);
  });

  it('refuses a file that is not a pack', async () => {
    const notPack = path.join(work, 'notes.onmunipack');
    await writeFile(notPack, 'just some text');
    const result = await run('check', notPack);
    expect(result.code).toBe(1);
    expect(result.err.at(-1)).toBe(`${notPack}: refused; 1 problem(s)`);
  });
});

describe('pack:keygen, signing and --trust', () => {
  it('signs with a generated key; check verifies only against a trusted key', async () => {
    const prefix = path.join(work, 'publisher');
    const keygen = await run('keygen', prefix);
    expect(keygen.code).toBe(0);
    const publicHex = (await readFile(`${prefix}.pub`, 'utf8')).trim();
    expect(publicHex).toMatch(/^[0-9a-f]{64}$/);
    expect(keygen.out).toContain(`public key: ${publicHex}`);
    expect((await stat(`${prefix}.key`)).mode & 0o777).toBe(0o600);

    const signed = path.join(work, 'signed.onmunipack');
    const build = await run('build', SAMPLE, '--sign', `${prefix}.key`, '--out', signed);
    expect(build.code).toBe(0);
    expect(build.out).toContain(
      `signature: signed with key ${publicHex}, valid; the app shows "publisher not verified" until the user trusts that key`,
    );
    expect(Object.keys(unzipSync(await readFile(signed)))).toContain('pack.sig');

    const trusted = await run('check', signed, '--trust', `${prefix}.pub`);
    expect(trusted.code).toBe(0);
    expect(trusted.out).toContain(`signature: signed and verified with trusted key ${publicHex}`);

    const otherPrefix = path.join(work, 'someone-else');
    expect((await run('keygen', otherPrefix)).code).toBe(0);
    const other = await run('check', signed, '--trust', `${otherPrefix}.pub`);
    expect(other.code).toBe(0);
    expect(other.out).toContainEqual(expect.stringMatching(/^signature: signed with key /));
  });

  it('never overwrites an existing key', async () => {
    const prefix = path.join(work, 'kept');
    expect((await run('keygen', prefix)).code).toBe(0);
    const before = await readFile(`${prefix}.key`, 'utf8');
    const again = await run('keygen', prefix);
    expect(again.code).toBe(1);
    expect(again.err).toEqual([`${prefix}.key already exists; keep it, or choose another prefix`]);
    expect(await readFile(`${prefix}.key`, 'utf8')).toBe(before);
  });

  it('reads keys made with OpenSSL (PEM) too', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const secretFile = path.join(work, 'openssl.pem');
    const publicFile = path.join(work, 'openssl.pub.pem');
    await writeFile(secretFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), {
      mode: 0o600,
    });
    await writeFile(publicFile, publicKey.export({ format: 'pem', type: 'spki' }));
    const signed = path.join(work, 'openssl.onmunipack');
    expect((await run('build', SAMPLE, '--sign', secretFile, '--out', signed)).code).toBe(0);
    const checked = await run('check', signed, '--trust', publicFile);
    expect(checked.out).toContainEqual(expect.stringMatching(/^signature: signed and verified/));
  });

  it('refuses a key file that holds no key', async () => {
    const bad = path.join(work, 'bad.key');
    await writeFile(bad, 'not a key\n');
    const result = await run('build', SAMPLE, '--sign', bad, '--out', path.join(work, 'x.pack'));
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/^.*bad\.key: not an Ed25519 secret key; expected 64 hex digits/);
  });
});

describe('command line', () => {
  it.each([
    [[]],
    [['build']],
    [['check', 'a', 'b']],
    [['check', 'a', '--sign', 'k']],
    [['keygen', 'k', '--out', 'x']],
    [['publish', 'x']],
    [['build', 'x', '--unknown']],
  ])('answers %j with the usage and exit code 2', async (argv) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toContain('usage: pack:build -- <folder>');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
