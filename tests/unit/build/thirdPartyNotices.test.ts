import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import {
  packageFolderOf,
  readPackageNotice,
  thirdPartyNotices,
} from '../../../build/vite/thirdPartyNotices';
import { THIRD_PARTY_NOTICES_FILE } from '../../../renderer/src/core/common/thirdPartyNotices';

const NODE_MODULES = resolve('node_modules');
let dir = '';

afterEach(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
  dir = '';
});

/** Builds `source` as the one entry, minified like the app pages, with the plugin; the notices or null. */
async function noticesOfBuild(source: string): Promise<string | null> {
  dir = await mkdtemp(join(tmpdir(), 'onmuni-notices-'));
  await writeFile(join(dir, 'entry.js'), source);
  await build({
    root: dir,
    logLevel: 'silent',
    configFile: false,
    plugins: [thirdPartyNotices('test bundle')],
    build: {
      outDir: join(dir, 'out'),
      minify: true,
      lib: { entry: join(dir, 'entry.js'), formats: ['es'], fileName: 'entry' },
    },
  });
  const file = join(dir, 'out', THIRD_PARTY_NOTICES_FILE);
  return existsSync(file) ? readFile(file, 'utf8') : null;
}

describe('third-party notices', () => {
  it('name every bundled package with its licence, lunr-languages (MPL-1.1) included', async () => {
    const lunrFr = JSON.stringify(join(NODE_MODULES, 'lunr-languages/lunr.fr.js'));
    const qrcode = JSON.stringify(join(NODE_MODULES, 'qrcode-generator/dist/qrcode.mjs'));
    const notices = await noticesOfBuild(
      `import fr from ${lunrFr};\nimport qrcode from ${qrcode};\nexport const both = [fr, qrcode];\n`,
    );
    expect(notices).not.toBeNull();
    const text = notices ?? '';
    expect(text).toMatch(/^OnMuni Toolkit \(test bundle\) includes/);
    expect(text).toMatch(/^- lunr-languages \d+\.\d+\.\d+ \(MPL-1\.1\)$/m);
    expect(text).toContain('MOZILLA PUBLIC LICENSE');
    // No licence file in the package: its author and licence name carry the notice.
    expect(text).toContain('Copyright Kazuhiko Arase; licensed under MIT.');
    expect(text).not.toMatch(/^- (react|zod) /m);
  });

  it('writes nothing for a bundle of our own code only', async () => {
    expect(await noticesOfBuild('export const answer = 42;\n')).toBeNull();
  });

  it('finds the package of a module id, scoped, nested or behind a plugin prefix', () => {
    expect(packageFolderOf('/a/node_modules/lunr-languages/lunr.fr.js')).toBe(
      '/a/node_modules/lunr-languages',
    );
    expect(packageFolderOf('\0/a/node_modules/@noble/ed25519/index.js?commonjs-proxy')).toBe(
      '/a/node_modules/@noble/ed25519',
    );
    expect(packageFolderOf('/a/node_modules/x/node_modules/y/z.js')).toBe(
      '/a/node_modules/x/node_modules/y',
    );
    expect(packageFolderOf('/work/renderer/src/core/search/analyzer.ts')).toBeNull();
  });

  it('reads the licence name from package.json and any usual licence file name', () => {
    const punycode = readPackageNotice(join(NODE_MODULES, 'punycode.js'));
    expect(punycode.license).toBe('MIT');
    expect(punycode.licenseText).toContain('Mathias Bynens'); // LICENSE-MIT.txt
  });
});
