import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rendererOutDir } from '../../build/scripts/serve';
import { attributesOf, readBuiltIndexHtml } from './support/build-output';
import type { BenchRow } from './support/types';

const KB = 1024;

/** Raw and gzip (zlib's default level, as a typical server sends it) sizes of some files. */
function sizes(files: readonly string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

/** Maps a URL from index.html to a file in the build output. */
function toFile(url: string): string {
  return resolve(rendererOutDir, url.replace(/^\.?\//, '').split(/[?#]/)[0] ?? '');
}

/**
 * The JavaScript a first visit must download before the app can start: the entry module and
 * every `<link rel="modulepreload">` in the built index.html. Lazy chunks are reported apart.
 */
export default function initialJavaScript(): BenchRow[] {
  const html = readBuiltIndexHtml();
  const entry = attributesOf(html, 'script', 'src', (tag) => /type\s*=\s*["']?module/i.test(tag));
  const preloads = attributesOf(html, 'link', 'href', (tag) =>
    /rel\s*=\s*["']?modulepreload/i.test(tag),
  );
  const styles = attributesOf(html, 'link', 'href', (tag) =>
    /rel\s*=\s*["']?stylesheet/i.test(tag),
  );
  if (entry.length === 0) throw new Error('The built index.html has no module script.');
  const initial = [...new Set([...entry, ...preloads].map(toFile))];
  const initialSize = sizes(initial);

  const assets = join(rendererOutDir, 'assets');
  const allJs = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(assets, name));
  const lazy = allJs.filter((file) => !initial.includes(file));
  const lazySize = sizes(lazy);
  const cssSize = sizes(styles.map(toFile));

  return [
    {
      metric: `Initial JS, gzip (${initial.length} file(s))`,
      value: initialSize.gzip / KB,
      unit: 'KB',
      goal: { kind: 'below', limit: 200 },
    },
    { metric: 'Initial JS, raw', value: initialSize.raw / KB, unit: 'KB' },
    {
      metric: `Lazy JS chunks, gzip (${lazy.length} file(s))`,
      value: lazySize.gzip / KB,
      unit: 'KB',
      detail: `raw ${(lazySize.raw / KB).toFixed(1)} KB`,
    },
    {
      metric: `Initial CSS, gzip (${styles.length} file(s))`,
      value: cssSize.gzip / KB,
      unit: 'KB',
      detail: `raw ${(cssSize.raw / KB).toFixed(1)} KB`,
    },
  ];
}
