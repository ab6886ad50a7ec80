import { fieldName } from '../content/issues';
import { MANIFEST_NAME } from './archivePath';
import { packManifestSchema, type PackManifest } from './manifest';
import type { PackRefusal } from './problems';
import { compareSemver } from './semver';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * `pack.json` from its bytes: UTF-8, JSON, the schema of `manifest.ts`, and a `minAppVersion`
 * no newer than `appVersion` (when the caller knows its version). Field problems keep zod's
 * English detail for now, as every schema message of the app does (they await a zod error map).
 */
export function checkManifest(
  bytes: Uint8Array,
  appVersion: string | undefined,
): { ok: true; manifest: PackManifest } | { ok: false; refusals: PackRefusal[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(utf8.decode(bytes)) as unknown;
  } catch (error) {
    const code = error instanceof SyntaxError ? 'manifestNotJson' : 'notUtf8';
    return { ok: false, refusals: [{ code, path: MANIFEST_NAME }] };
  }
  const parsed = packManifestSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      refusals: parsed.error.issues.map((issue) => ({
        code: 'manifestField',
        path: MANIFEST_NAME,
        values: {
          // An unknown key is named itself, not the object that holds it.
          field:
            issue.code === 'unrecognized_keys'
              ? issue.keys.map((key) => fieldName([...issue.path, key])).join(', ')
              : fieldName(issue.path),
          detail: issue.message,
        },
      })),
    };
  const needed = parsed.data.minAppVersion;
  if (needed !== undefined && appVersion !== undefined && compareSemver(needed, appVersion) > 0)
    return {
      ok: false,
      refusals: [{ code: 'needsNewerApp', values: { needed, have: appVersion } }],
    };
  return { ok: true, manifest: parsed.data };
}
