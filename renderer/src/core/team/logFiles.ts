/**
 * The files of a team folder and their formats. The layout (documented for IT staff in the
 * README):
 *
 *   onmuni-team.json                      {"format":"onmuni-team-folder","version":1}
 *   members/<memberId>/member.json        who the member is (display name, app version)
 *   members/<memberId>/log-000001.json    the member's changes, in segments of ~500
 *   members/<memberId>/snapshot-000008.json  every change of the member's still in effect,
 *                                          replacing the segments up to its number
 *
 * Every member file carries `checksum`: SHA-256 (hex) of the canonical JSON of the file's other
 * top-level fields, so a file cut short or edited by hand is recognised and skipped, never merged.
 * The format version is 1; a file of a newer version (written by a newer app) is refused with its
 * own reason, so the user can be told to update rather than that the file is damaged.
 *
 * Nothing read here is trusted: every change is checked (known kind, id of the allowed shape,
 * valid clock stamp, bounded field names and values) and must be stamped by the member whose file
 * holds it, since a member can only speak for themselves. A bad change is dropped and counted;
 * the file's other changes are kept.
 */
import { z } from 'zod';
import { canonicalJson } from '../common/canonicalJson';
import { RECORD_ID_PATTERN } from '../common/recordIds';
import { sha256Hex } from '../packs/sha256';
import { isHlc, isMemberId, memberOf, type MemberId } from './hlc';
import { RECORD_KINDS, type Change, type FieldValue } from './records';

/** The format version this app writes and the newest it reads. */
export const TEAM_FORMAT_VERSION = 1;

export const FOLDER_MARKER_FILE = 'onmuni-team.json';
export const MEMBERS_FOLDER = 'members';
export const MEMBER_FILE = 'member.json';

const FOLDER_FORMAT = 'onmuni-team-folder';
const MEMBER_FORMAT = 'onmuni-team-member';
const LOG_FORMAT = 'onmuni-team-log';
const SNAPSHOT_FORMAT = 'onmuni-team-snapshot';

/** Field names: a letter then letters and digits, `$` in front for the app's own (`$deleted`). */
export const FIELD_NAME_PATTERN = /^\$?[A-Za-z][A-Za-z0-9]{0,40}$/;
/** Fields one change may set. */
export const MAX_FIELDS_PER_CHANGE = 200;
/** Nesting of a field's value (a task's checklist of objects is depth 3). */
export const MAX_VALUE_DEPTH = 16;
/** A field's value as JSON, in characters: room for a shared document's text. */
export const MAX_VALUE_CHARS = 4_000_000;
/** Keys of an object inside a value. */
const MAX_KEY_CHARS = 200;

/** The path of a member's folder and of a file in it. */
export function memberFolderPath(member: MemberId): string {
  return `${MEMBERS_FOLDER}/${member}`;
}

export function memberFilePath(member: MemberId, name: string): string {
  return `${memberFolderPath(member)}/${name}`;
}

/** `log-000001.json`: segment numbers have six digits so names sort in order. */
export function segmentFileName(segment: number): string {
  return `log-${String(segment).padStart(6, '0')}.json`;
}

export function snapshotFileName(segment: number): string {
  return `snapshot-${String(segment).padStart(6, '0')}.json`;
}

/** What one member file says. */
export type TeamFile =
  | {
      readonly type: 'member';
      readonly memberId: MemberId;
      readonly displayName: string;
      readonly appVersion: string;
    }
  | {
      readonly type: 'log';
      readonly memberId: MemberId;
      readonly segment: number;
      readonly changes: readonly Change[];
    }
  | { readonly type: 'snapshot'; readonly memberId: MemberId; readonly changes: readonly Change[] }
  | { readonly type: 'folder' };

/**
 * Why a file was not read at all; `foreign`: it names another member than the one whose folder
 * holds it (a member file copied into the wrong folder by hand).
 */
export type FileRefusal = 'notJson' | 'wrongFormat' | 'newerVersion' | 'badChecksum' | 'foreign';

export type DecodedTeamFile =
  | {
      readonly ok: true;
      readonly file: TeamFile;
      /** Changes dropped: malformed (`bad`) or stamped by someone else (`foreign`). */
      readonly dropped: { readonly bad: number; readonly foreign: number };
    }
  | { readonly ok: false; readonly refusal: FileRefusal };

const versionSchema = z.number().int().min(1);
const memberIdSchema = z.custom<MemberId>(isMemberId);
const checksumSchema = z.string().regex(/^[0-9a-f]{64}$/);

const memberFileSchema = z.object({
  format: z.literal(MEMBER_FORMAT),
  version: versionSchema,
  memberId: memberIdSchema,
  displayName: z.string().max(200),
  appVersion: z.string().max(50),
  checksum: checksumSchema,
});

const logFileSchema = z.object({
  format: z.literal(LOG_FORMAT),
  version: versionSchema,
  memberId: memberIdSchema,
  segment: z.number().int().min(1).max(999_999),
  changes: z.array(z.unknown()),
  checksum: checksumSchema,
});

const snapshotFileSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: versionSchema,
  memberId: memberIdSchema,
  changes: z.array(z.unknown()),
  checksum: checksumSchema,
});

const folderFileSchema = z.object({ format: z.literal(FOLDER_FORMAT), version: versionSchema });

/** A change's shape; its values are checked by `isBoundedValue`, its id and stamp below. */
const changeSchema = z.object({
  kind: z.enum(RECORD_KINDS),
  id: z.string().regex(RECORD_ID_PATTERN),
  at: z.string().refine(isHlc),
  set: z
    .record(z.string().regex(FIELD_NAME_PATTERN), z.unknown())
    .refine((set) => Object.keys(set).length <= MAX_FIELDS_PER_CHANGE),
});

/** True when `value` is JSON within the depth and size bounds (and has no `__proto__` key). */
export function isBoundedValue(value: unknown): value is FieldValue {
  let chars = 0;
  const visit = (node: unknown, depth: number): boolean => {
    if (depth > MAX_VALUE_DEPTH) return false;
    if (node === null || typeof node === 'boolean') {
      chars += 5;
    } else if (typeof node === 'number') {
      if (!Number.isFinite(node)) return false;
      chars += 24;
    } else if (typeof node === 'string') {
      chars += node.length + 2;
    } else if (Array.isArray(node)) {
      chars += 2;
      for (const item of node) if (!visit(item, depth + 1)) return false;
    } else if (typeof node === 'object') {
      // A `__proto__` key would be lost (or worse) when the value is copied key by key.
      if (Object.getPrototypeOf(node) !== Object.prototype) return false;
      chars += 2;
      for (const [key, item] of Object.entries(node)) {
        if (key.length > MAX_KEY_CHARS || key === '__proto__') return false;
        chars += key.length + 3;
        if (!visit(item, depth + 1)) return false;
      }
    } else {
      return false;
    }
    return chars <= MAX_VALUE_CHARS;
  };
  return visit(value, 0);
}

/** `raw` as a change `member` may have made, or why not. */
export function checkChange(raw: unknown, member: MemberId): Change | 'bad' | 'foreign' {
  const parsed = changeSchema.safeParse(raw);
  if (!parsed.success) return 'bad';
  const { kind, id, at, set } = parsed.data;
  if (kind === 'member' && !isMemberId(id)) return 'bad';
  // The municipality profile is never shared (no scope publishes it), so one in a team file was
  // edited in by hand or by a bug: it must not overwrite the profile on this machine.
  if (kind === 'profile') return 'bad';
  if (!Object.values(set).every(isBoundedValue)) return 'bad';
  if (!isHlc(at) || memberOf(at) !== member) return 'foreign';
  return { kind, id, at, set: set as Record<string, FieldValue> };
}

/** The checksum of a file's fields other than `checksum`. */
async function checksumOf(payload: Record<string, unknown>): Promise<string> {
  const rest = { ...payload };
  delete rest.checksum;
  return sha256Hex(new TextEncoder().encode(canonicalJson(rest)));
}

const knownFormats = new Set<unknown>([FOLDER_FORMAT, MEMBER_FORMAT, LOG_FORMAT, SNAPSHOT_FORMAT]);

/**
 * Reads one file of a team folder. `member` is the member whose folder holds it: a file naming
 * another member, or changes stamped by another, are not theirs to make (`foreign`).
 */
export async function decodeTeamFile(
  bytes: Uint8Array,
  member?: MemberId,
): Promise<DecodedTeamFile> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, refusal: 'notJson' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, refusal: 'wrongFormat' };
  }
  const raw = json as Record<string, unknown>;
  if (!knownFormats.has(raw.format) || !versionSchema.safeParse(raw.version).success) {
    return { ok: false, refusal: 'wrongFormat' };
  }
  // Before anything else about the shape: a newer version may be shaped differently.
  if ((raw.version as number) > TEAM_FORMAT_VERSION) return { ok: false, refusal: 'newerVersion' };
  if (raw.format === FOLDER_FORMAT) {
    return folderFileSchema.safeParse(raw).success
      ? { ok: true, file: { type: 'folder' }, dropped: { bad: 0, foreign: 0 } }
      : { ok: false, refusal: 'wrongFormat' };
  }
  if (typeof raw.checksum !== 'string' || raw.checksum !== (await checksumOf(raw))) {
    return { ok: false, refusal: 'badChecksum' };
  }
  return decodeMemberFile(raw, member);
}

function decodeMemberFile(raw: Record<string, unknown>, member?: MemberId): DecodedTeamFile {
  const noneDropped = { bad: 0, foreign: 0 };
  if (raw.format === MEMBER_FORMAT) {
    const parsed = memberFileSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, refusal: 'wrongFormat' };
    const { memberId, displayName, appVersion } = parsed.data;
    if (member !== undefined && memberId !== member) return { ok: false, refusal: 'foreign' };
    return {
      ok: true,
      file: { type: 'member', memberId, displayName, appVersion },
      dropped: noneDropped,
    };
  }
  const parsed =
    raw.format === LOG_FORMAT ? logFileSchema.safeParse(raw) : snapshotFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, refusal: 'wrongFormat' };
  const { memberId } = parsed.data;
  if (member !== undefined && memberId !== member) return { ok: false, refusal: 'foreign' };
  const dropped = { bad: 0, foreign: 0 };
  const changes: Change[] = [];
  for (const item of parsed.data.changes) {
    const change = checkChange(item, memberId);
    if (change === 'bad') dropped.bad += 1;
    else if (change === 'foreign') dropped.foreign += 1;
    else changes.push(change);
  }
  const file: TeamFile =
    'segment' in parsed.data
      ? { type: 'log', memberId, segment: parsed.data.segment, changes }
      : { type: 'snapshot', memberId, changes };
  return { ok: true, file, dropped };
}

async function encode(payload: Record<string, unknown>): Promise<Uint8Array> {
  const checksum = await checksumOf(payload);
  return new TextEncoder().encode(`${JSON.stringify({ ...payload, checksum })}\n`);
}

export function encodeMemberFile(
  memberId: MemberId,
  displayName: string,
  appVersion: string,
): Promise<Uint8Array> {
  return encode({
    format: MEMBER_FORMAT,
    version: TEAM_FORMAT_VERSION,
    memberId,
    displayName: displayName.slice(0, 200),
    appVersion: appVersion.slice(0, 50),
  });
}

export function encodeLogFile(
  memberId: MemberId,
  segment: number,
  changes: readonly Change[],
): Promise<Uint8Array> {
  return encode({
    format: LOG_FORMAT,
    version: TEAM_FORMAT_VERSION,
    memberId,
    segment,
    changes: changes.map(plainChange),
  });
}

export function encodeSnapshotFile(
  memberId: MemberId,
  changes: readonly Change[],
): Promise<Uint8Array> {
  return encode({
    format: SNAPSHOT_FORMAT,
    version: TEAM_FORMAT_VERSION,
    memberId,
    changes: changes.map(plainChange),
  });
}

export function encodeFolderMarker(): Uint8Array {
  return new TextEncoder().encode(
    `${JSON.stringify({ format: FOLDER_FORMAT, version: TEAM_FORMAT_VERSION })}\n`,
  );
}

/** A change with exactly the four fields of the format (no extra properties a caller added). */
function plainChange(change: Change): Change {
  return { kind: change.kind, id: change.id, at: change.at, set: change.set };
}
