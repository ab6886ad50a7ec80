import { z } from 'zod';

import {
  MAX_PACK_ID_LENGTH,
  MAX_PACK_VERSION_LENGTH,
  OWN_DOCUMENTS_PACK_ID,
  PACK_ID_PATTERN,
  SEMVER_PATTERN,
  isReservedPackId,
} from '../../../../electron/shared/packRules';
import { docsPathProblem } from './archivePath';

/**
 * `pack.json`, the manifest at the root of every content pack (issue 15; documented for
 * publishers in content/README.md "Content packs"). The writer (`pack:build`, own-document export)
 * and the reader both use this one schema, so what one writes the other accepts.
 */

/** The value of `format`: says what the file is, whatever it is named. */
export const PACK_FORMAT = 'onmuni-pack';
/** The only format version this app reads; a new one means a new reader. */
export const PACK_FORMAT_VERSION = 1;

// Defined with the rules the desktop's IPC checks too (electron/shared imports nothing from here).
export { MAX_PACK_ID_LENGTH, PACK_ID_PATTERN, SEMVER_PATTERN };

/** A SHA-256 digest written as 64 lowercase hexadecimal digits. */
export const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);
const semver = z
  .string()
  .max(MAX_PACK_VERSION_LENGTH)
  .regex(SEMVER_PATTERN, { error: 'must be a semantic version, e.g. 1.2.0' });

const archivePath = z.string().superRefine((name, context) => {
  const problem = docsPathProblem(name);
  if (problem !== undefined) {
    context.addIssue({ code: 'custom', message: `not a file name inside docs/ (${problem})` });
  }
});

/** The schema of `pack.json`. Unknown keys are refused: a typo must not pass silently. */
export const packManifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  id: z
    .string()
    .max(MAX_PACK_ID_LENGTH)
    .regex(PACK_ID_PATTERN, { error: 'must be lowercase words joined by single hyphens' })
    // With the pattern and length above, packRules.isPackId: the one pack id rule.
    .refine((id) => !isReservedPackId(id), {
      error: `"${OWN_DOCUMENTS_PACK_ID}" is kept for the user's own documents; choose another id`,
    }),
  title: text(200),
  version: semver,
  publisher: text(200),
  /** The day the pack was made, `YYYY-MM-DD` (a real calendar date). */
  created: z.iso.date({ error: 'must be a date in ISO 8601 form, YYYY-MM-DD' }),
  description: text(2_000).optional(),
  /** The oldest app version that reads the pack correctly (semver). */
  minAppVersion: semver.optional(),
  /**
   * Every file of the archive besides `pack.json` and `pack.sig`, by archive path, with its
   * SHA-256. The reader refuses a file missing from this list and a listed file missing from
   * the archive.
   */
  files: z.record(
    archivePath,
    z.string().regex(SHA256_HEX_PATTERN, { error: 'must be a SHA-256 in lowercase hex' }),
  ),
});

/** A valid `pack.json`. */
export type PackManifest = z.infer<typeof packManifestSchema>;
