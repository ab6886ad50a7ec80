/**
 * "Nothing lost", checked field by field: every change a member made must either still be what a
 * record holds, or have been overwritten by a change stamped later. A field holding an earlier
 * stamp than one of its changes, or another value under the same stamp, lost that change.
 */
import { canonicalJson } from '../../../../renderer/src/core/common/canonicalJson';
import type { Change, RecordKind, TeamRecord } from '../../../../renderer/src/core/team/records';

/** One line per field of `changes` that the records `recordOf` gives lost (empty: none). */
export function lostChanges(
  changes: Iterable<Change>,
  recordOf: (kind: RecordKind, id: string) => TeamRecord | undefined,
): string[] {
  const lost: string[] = [];
  for (const change of changes) {
    const record = recordOf(change.kind, change.id);
    for (const [name, value] of Object.entries(change.set)) {
      const register = record?.fields[name];
      const where = `${change.kind}/${change.id} ${name} = ${canonicalJson(value)} @ ${change.at}`;
      if (!register) lost.push(`${where}: the field is missing`);
      else if (register.at < change.at) lost.push(`${where}: holds an older ${register.at}`);
      else if (register.at === change.at && canonicalJson(register.value) !== canonicalJson(value))
        lost.push(`${where}: holds ${canonicalJson(register.value)} under the same stamp`);
    }
  }
  return lost;
}
