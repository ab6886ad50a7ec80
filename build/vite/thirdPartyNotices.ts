/**
 * A Vite (Rollup) plugin for builds: writes `third-party-notices.txt` beside each bundle (main,
 * preload, renderer), naming every package whose code is in that bundle with its version, its
 * licence as its package.json gives it, and its licence file. Minification strips the licence
 * headers from bundled code (lunr-languages' MPL-1.1 notice, for one), so this file is where the
 * app, desktop and browser editions alike, keeps them. The About page shows the renderer's.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { THIRD_PARTY_NOTICES_FILE } from '../../renderer/src/core/common/thirdPartyNotices';

/** One bundled package, as its notice names it. */
export interface PackageNotice {
  name: string;
  version: string;
  /** The package.json `license` (an SPDX expression), or `UNKNOWN` when it gives none. */
  license: string;
  /** The text of its licence file, or null when the package ships none. */
  licenseText: string | null;
  /** The package.json `author`, named when there is no licence file to carry the copyright. */
  author: string | null;
}

const NODE_MODULES = '/node_modules/';

/**
 * The folder of the package a bundled module comes from (`…/node_modules/@scope/name` or
 * `…/node_modules/name`, the innermost for a nested install), or null for our own code. Rollup
 * ids may carry a `\0` prefix and a `?query` from plugins; both are ignored.
 */
export function packageFolderOf(moduleId: string): string | null {
  const id = moduleId.replace(/^\0/, '').replace(/\?.*$/, '').replace(/\\/g, '/');
  const at = id.lastIndexOf(NODE_MODULES);
  if (at < 0) return null;
  const rest = id.slice(at + NODE_MODULES.length).split('/');
  const parts = rest[0]?.startsWith('@') ? rest.slice(0, 2) : rest.slice(0, 1);
  if (parts.length === 0 || parts.some((part) => part === '')) return null;
  return id.slice(0, at + NODE_MODULES.length) + parts.join('/');
}

/** A package's notice, read from its folder. */
export function readPackageNotice(folder: string): PackageNotice {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    name?: string;
    version?: string;
    license?: unknown;
    author?: string | { name?: string };
  };
  // LICENSE, LICENCE.md, COPYING, LICENSE-MIT.txt, ...
  const licenseFile = readdirSync(folder).find((file) =>
    /^(licen[cs]e|copying)([-.][\w.-]+)?$/i.test(file),
  );
  const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
  return {
    name: manifest.name ?? folder,
    version: manifest.version ?? '',
    license: typeof manifest.license === 'string' ? manifest.license : 'UNKNOWN',
    licenseText:
      licenseFile === undefined ? null : readFileSync(join(folder, licenseFile), 'utf8').trim(),
    author: author ?? null,
  };
}

/** The notices file: a summary line per package, then each package's licence text, by name. */
export function noticesText(bundle: string, notices: readonly PackageNotice[]): string {
  const sorted = [...notices].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rule = '-'.repeat(72);
  return [
    `OnMuni Toolkit (${bundle}) includes the following third-party software.`,
    '',
    ...sorted.map((p) => `- ${p.name} ${p.version} (${p.license})`),
    '',
    ...sorted.flatMap((p) => [
      rule,
      `${p.name} ${p.version}`,
      `License: ${p.license}`,
      '',
      p.licenseText ??
        `The package ships no licence file. Copyright ${p.author ?? 'its authors'}; licensed under ${p.license}.`,
      '',
    ]),
  ].join('\n');
}

export function thirdPartyNotices(bundle: string): Plugin {
  return {
    name: 'onmuni:third-party-notices',
    apply: 'build',
    generateBundle(_options, output) {
      const folders = new Set<string>();
      for (const file of Object.values(output)) {
        if (file.type !== 'chunk') continue;
        for (const [id, module] of Object.entries(file.modules)) {
          const folder = packageFolderOf(id);
          // A module tree-shaken away entirely ships nothing of its package.
          if (folder !== null && module.renderedLength > 0 && existsSync(folder))
            folders.add(folder);
        }
      }
      // A bundle of our own code only (the main process loads its dependencies from
      // node_modules, which ship with their own licence files) needs no notices.
      if (folders.size === 0) return;
      const notices = [...folders].map(readPackageNotice);
      // A package installed twice (two versions) is named once per version.
      const unique = new Map(notices.map((n) => [`${n.name}@${n.version}`, n]));
      this.emitFile({
        type: 'asset',
        fileName: THIRD_PARTY_NOTICES_FILE,
        source: noticesText(bundle, [...unique.values()]),
      });
    },
  };
}
