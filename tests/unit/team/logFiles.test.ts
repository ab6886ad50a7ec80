/** The team folder's file formats: round trips, checksums, versions and every change checked. */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../renderer/src/core/common/canonicalJson';
import { sha256Hex } from '../../../renderer/src/core/packs/sha256';
import { formatHlc } from '../../../renderer/src/core/team/hlc';
import {
  checkChange,
  decodeTeamFile,
  encodeFolderMarker,
  encodeLogFile,
  encodeMemberFile,
  encodeSnapshotFile,
  isBoundedValue,
  MAX_VALUE_CHARS,
  MAX_VALUE_DEPTH,
  segmentFileName,
  snapshotFileName,
} from '../../../renderer/src/core/team/logFiles';
import type { Change } from '../../../renderer/src/core/team/records';
import { memberId } from './teamMembers';

const ALICE = memberId('alice');
const BOB = memberId('bob');
const at = (ms: number, member = ALICE) => formatHlc(ms, 0, member);
const change: Change = {
  kind: 'task',
  id: 'task-1',
  at: at(1000),
  set: { title: 'A', done: false },
};

/** A file's JSON with a checksum computed afresh: what a careful hand edit produces. */
async function withChecksum(json: Record<string, unknown>): Promise<Uint8Array> {
  const payload = { ...json };
  delete payload.checksum;
  const checksum = await sha256Hex(new TextEncoder().encode(canonicalJson(payload)));
  return new TextEncoder().encode(JSON.stringify({ ...payload, checksum }));
}

function jsonOf(bytes: Uint8Array): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

describe('team files', () => {
  it('names segments and snapshots with six digits', () => {
    expect(segmentFileName(1)).toBe('log-000001.json');
    expect(snapshotFileName(42)).toBe('snapshot-000042.json');
  });

  it('reads back what it writes', async () => {
    expect(await decodeTeamFile(await encodeLogFile(ALICE, 3, [change]), ALICE)).toEqual({
      ok: true,
      file: { type: 'log', memberId: ALICE, segment: 3, changes: [change] },
      dropped: { bad: 0, foreign: 0 },
    });
    expect(await decodeTeamFile(await encodeSnapshotFile(ALICE, [change]), ALICE)).toMatchObject({
      ok: true,
      file: { type: 'snapshot', changes: [change] },
    });
    expect(
      await decodeTeamFile(await encodeMemberFile(ALICE, 'Alice', '2.1.0'), ALICE),
    ).toMatchObject({
      ok: true,
      file: { type: 'member', memberId: ALICE, displayName: 'Alice', appVersion: '2.1.0' },
    });
    expect(await decodeTeamFile(encodeFolderMarker())).toMatchObject({
      ok: true,
      file: { type: 'folder' },
    });
  });

  it('refuses what is not JSON, not UTF-8, not ours, or edited without its checksum', async () => {
    const refusal = async (bytes: Uint8Array) => {
      const decoded = await decodeTeamFile(bytes, ALICE);
      return decoded.ok ? 'ok' : decoded.refusal;
    };
    const text = (value: string) => new TextEncoder().encode(value);
    expect(await refusal(text('{"format":'))).toBe('notJson');
    expect(await refusal(new Uint8Array([0x7b, 0xff, 0x7d]))).toBe('notJson');
    expect(await refusal(text('[1,2]'))).toBe('wrongFormat');
    expect(await refusal(text('{"format":"something-else","version":1}'))).toBe('wrongFormat');
    const good = jsonOf(await encodeLogFile(ALICE, 1, [change]));
    expect(await refusal(text(JSON.stringify({ ...good, segment: 2 })))).toBe('badChecksum');
    expect(await refusal(text(JSON.stringify({ ...good, checksum: undefined })))).toBe(
      'badChecksum',
    );
    expect(await refusal(await withChecksum({ ...good, segment: 'one' }))).toBe('wrongFormat');
    expect(await refusal(await withChecksum({ ...good, memberId: BOB }))).toBe('foreign');
  });

  it('refuses a newer format version with its own reason, before looking at its shape', async () => {
    const good = jsonOf(await encodeLogFile(ALICE, 1, [change]));
    const newer = await withChecksum({ ...good, version: 2, changes: 'in a new shape' });
    expect(await decodeTeamFile(newer, ALICE)).toEqual({ ok: false, refusal: 'newerVersion' });
    // Fields a later app of the same version adds are kept in the checksum and ignored.
    const extended = await withChecksum({ ...good, compressed: false });
    expect(await decodeTeamFile(extended, ALICE)).toMatchObject({ ok: true });
  });

  it('drops bad and foreign changes one by one, keeping the rest', async () => {
    const good = jsonOf(await encodeLogFile(ALICE, 1, [change]));
    const bytes = await withChecksum({
      ...good,
      changes: [
        change,
        { ...change, at: at(2000, BOB) },
        { ...change, kind: 'spaceship' },
        { ...change, set: { 'bad name': 1 } },
      ],
    });
    expect(await decodeTeamFile(bytes, ALICE)).toMatchObject({
      ok: true,
      file: { changes: [change] },
      dropped: { bad: 2, foreign: 1 },
    });
  });

  it('checks each change: kind, id, stamp, field names, values', () => {
    const check = (raw: unknown) => {
      const result = checkChange(raw, ALICE);
      return typeof result === 'string' ? result : 'ok';
    };
    expect(check(change)).toBe('ok');
    expect(check({ ...change, id: '../etc' })).toBe('bad');
    expect(check({ ...change, id: 'x'.repeat(65) })).toBe('bad');
    expect(check({ ...change, at: '2026-12-06' })).toBe('bad');
    expect(check({ ...change, at: at(1, BOB) })).toBe('foreign');
    expect(check({ ...change, set: { $deleted: true } })).toBe('ok');
    expect(check({ ...change, set: { ['a'.repeat(42)]: 1 } })).toBe('bad');
    expect(check({ ...change, set: { __proto__x: 1 } })).toBe('bad');
    expect(check({ ...change, set: 'title' })).toBe('bad');
    // Member records are named by member ids.
    expect(check({ kind: 'member', id: BOB, at: at(5), set: { removedAt: at(5) } })).toBe('ok');
    expect(check({ kind: 'member', id: 'task-1', at: at(5), set: {} })).toBe('bad');
    // The profile never leaves a machine: one in a team file must not overwrite a teammate's.
    expect(check({ kind: 'profile', id: 'profile', at: at(5), set: { name: 'Elsewhere' } })).toBe(
      'bad',
    );
  });

  it('bounds values in depth and size', () => {
    let deep: unknown = 'leaf';
    for (let depth = 0; depth < MAX_VALUE_DEPTH; depth += 1) deep = [deep];
    expect(isBoundedValue(deep)).toBe(true);
    expect(isBoundedValue([deep])).toBe(false);
    expect(isBoundedValue('x'.repeat(MAX_VALUE_CHARS - 2))).toBe(true);
    expect(isBoundedValue('x'.repeat(MAX_VALUE_CHARS))).toBe(false);
    expect(isBoundedValue({ list: [1, 'two', null, { ok: true }] })).toBe(true);
    expect(isBoundedValue(JSON.parse('{"__proto__":{"polluted":true}}'))).toBe(false);
    expect(isBoundedValue(Number.NaN)).toBe(false);
    expect(isBoundedValue(undefined)).toBe(false);
  });
});
