import { getPublicKeyAsync, signAsync } from '@noble/ed25519';
import { zipSync, type Zippable } from 'fflate';
import { readFileSync } from 'node:fs';

import { parseVocabulary, type Vocabulary } from '../../../renderer/src/core/content/vocabulary';
import type { PackManifest } from '../../../renderer/src/core/packs/manifest';
import { readPack, type ReadPackOptions } from '../../../renderer/src/core/packs/readPack';
import { sha256Hex, toHex } from '../../../renderer/src/core/packs/sha256';
import { encodePackSignature } from '../../../renderer/src/core/packs/signature';
import { assembleZip, type RawEntry } from './zipAssembler';

/** The bundled library's vocabulary: packs use the same topics, regions and tiers. */
export const VOCABULARY: Vocabulary = (() => {
  const text = readFileSync(new URL('../../../content/vocabulary.yml', import.meta.url), 'utf8');
  const { vocabulary } = parseVocabulary(text, 'content/vocabulary.yml');
  if (!vocabulary) throw new Error('content/vocabulary.yml is invalid');
  return vocabulary;
})();

/** A bundled id the fixtures link to. */
export const BUNDLED_ID = 'guide-1-assess-readiness';

/** A local document (numbered lines: tests name the line they break). */
export const LOCAL_DOC = [
  '---', // 1
  'id: council-minutes-policy', // 2
  'type: local-document', // 3
  'title: How our council publishes minutes', // 4
  'summary: Our own notes on publishing minutes. Written for staff.', // 5
  'topics: [council-meetings]', // 6
  'updated: 2026-11-30', // 7
  'related: [case-testville-portal, guide-1-assess-readiness]', // 8
  '---', // 9
  'We post minutes within a week. See [the portal story](doc:case-testville-portal#results).', // 10
  '',
].join('\n');

/** A case study that links back to the local document. */
export const CASE_DOC = [
  '---', // 1
  'id: case-testville-portal', // 2
  'type: case-study', // 3
  'title: Testville opens a portal', // 4
  'summary: Testville put its forms online. Staff time went down.', // 5
  'topics: [customer-service]', // 6
  'updated: 2026-11-30', // 7
  'sources:', // 8
  '  - title: Testville portal', // 9
  '    url: https://example.org/testville', // 10
  'municipality:', // 11
  '  name: Testville', // 12
  '  tier: lower-tier', // 13
  '  region: north', // 14
  '  smallRuralNorthern: true', // 15
  'related: [council-minutes-policy]', // 16
  '---', // 17
  '## Results', // 18
  '',
  'Forms went online.',
  '',
].join('\n');

/** A glossary term. */
export const GLOSSARY_DOC = [
  '---',
  'id: glossary-e-form',
  'type: glossary',
  'title: E-form',
  'term: E-form',
  'summary: A form filled in online. It replaces paper.',
  'topics: [customer-service]',
  'updated: 2026-11-30',
  '---',
  'An online form.',
  '',
].join('\n');

/** The documents of the valid pack, by archive path. */
export const VALID_DOCS: Readonly<Record<string, string>> = {
  'docs/local-documents/council-minutes-policy.md': LOCAL_DOC,
  'docs/case-studies/case-testville-portal.md': CASE_DOC,
  'docs/glossary/glossary-e-form.md': GLOSSARY_DOC,
};

/** The manifest fields besides `files`. */
export const MANIFEST_FIELDS = {
  format: 'onmuni-pack',
  formatVersion: 1,
  id: 'testville-notes',
  title: 'Testville notes',
  version: '1.2.0',
  publisher: 'Township of Testville',
  created: '2026-11-30',
} as const;

/** The keys every `pack.json` must have, in the order the writer puts them (content/README.md). */
export const REQUIRED_MANIFEST_KEYS = [
  'format',
  'formatVersion',
  'id',
  'title',
  'version',
  'publisher',
  'created',
  'files',
] as const;

const encoder = new TextEncoder();
export const utf8 = (text: string) => encoder.encode(text);

/** A fixed Ed25519 secret key (tests only). */
export const SECRET_KEY = new Uint8Array(32).map((_, i) => i + 1);
export const PUBLIC_KEY_HEX = toHex(await getPublicKeyAsync(SECRET_KEY));

/** The parts of a pack, to build valid ones and to falsify one part at a time. */
export interface PackParts {
  /** Files under docs/ (or anywhere), as bytes or text. */
  files: Record<string, string | Uint8Array>;
  /** Manifest fields merged over `MANIFEST_FIELDS` (and over computed `files`). */
  manifest?: Record<string, unknown>;
  /** Replaces the computed `files` of the manifest. */
  listed?: Record<string, string>;
  /** The exact bytes of pack.json, instead of the computed manifest. */
  manifestBytes?: Uint8Array;
  /** Sign with this key; `signatureFor` signs other bytes than pack.json (a tampered pack). */
  sign?: { secretKey: Uint8Array; signatureFor?: Uint8Array };
  /** The exact bytes of pack.sig. */
  signatureBytes?: Uint8Array;
}

/** The archive entries of a pack: pack.json, pack.sig when signed, the files. */
export async function packEntries(parts: PackParts): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  for (const [path, value] of Object.entries(parts.files))
    files[path] = typeof value === 'string' ? utf8(value) : value;
  const listed: Record<string, string> = {};
  for (const [path, bytes] of Object.entries(files)) listed[path] = await sha256Hex(bytes);
  const manifest = { ...MANIFEST_FIELDS, files: parts.listed ?? listed, ...parts.manifest };
  const manifestBytes = parts.manifestBytes ?? utf8(`${JSON.stringify(manifest, null, 2)}\n`);
  const entries: Record<string, Uint8Array> = { 'pack.json': manifestBytes };
  if (parts.signatureBytes) entries['pack.sig'] = parts.signatureBytes;
  else if (parts.sign) {
    const { secretKey, signatureFor } = parts.sign;
    const signature = await signAsync(signatureFor ?? manifestBytes, secretKey);
    entries['pack.sig'] = encodePackSignature(await getPublicKeyAsync(secretKey), signature);
  }
  return { ...entries, ...files };
}

/** A pack as fflate writes it (deflated entries). */
export async function buildPack(parts: PackParts): Promise<Uint8Array> {
  const zippable: Zippable = {};
  for (const [path, bytes] of Object.entries(await packEntries(parts))) zippable[path] = bytes;
  return zipSync(zippable, { level: 6 });
}

/** A pack assembled by hand, with each entry's overrides (for what fflate will not write). */
export async function assemblePack(
  parts: PackParts,
  overrides: Record<string, Partial<RawEntry>> = {},
  extra: readonly RawEntry[] = [],
): Promise<Uint8Array> {
  const entries = Object.entries(await packEntries(parts)).map(([name, content]): RawEntry => ({
    name,
    content,
    ...overrides[name],
  }));
  return assembleZip([...entries, ...extra]);
}

/** The options every test reads with. */
export const OPTIONS: ReadPackOptions = {
  vocabulary: VOCABULARY,
  bundledIds: new Set([BUNDLED_ID]),
  trustedKeys: [],
  appVersion: '0.1.0',
};

/** Reads `bytes` and asserts the refusal shape: nothing usable, at least one problem. */
export async function refusalsOf(bytes: Uint8Array, options: ReadPackOptions = OPTIONS) {
  const result = await readPack(bytes, options);
  if (result.ok) throw new Error('expected the pack to be refused, but it was accepted');
  if ('pack' in result) throw new Error('a refused read must return nothing usable');
  return result.problems;
}

/** The codes of the pack-level problems of a refused read. */
export async function codesOf(bytes: Uint8Array, options: ReadPackOptions = OPTIONS) {
  return (await refusalsOf(bytes, options)).map((problem) =>
    problem.kind === 'pack'
      ? `${problem.code}${problem.path ? ` ${problem.path}` : ''}`
      : 'document',
  );
}

export type { PackManifest };
