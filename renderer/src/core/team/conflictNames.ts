/**
 * The names of files in a member folder, and the copies sync tools make of them. When two
 * machines change one file before they have synced, the tools keep both, renaming one:
 *   Dropbox       `log-000001 (conflicted copy).json`,
 *                 `log-000001 (Sam's conflicted copy 2026-12-06).json`
 *   Syncthing     `log-000001.sync-conflict-20261206-120000-ABCDEFG.json`
 *   OneDrive      `log-000001-PC2.json`, `log-000001-DESKTOP-ABC.json` (the machine's name)
 *   Nextcloud     `log-000001 (conflicted copy 2026-12-06 120000).json`
 *   Google Drive  `log-000001 (1).json`; Windows Explorer `log-000001 - Copy.json`
 * A copy is read like the original: changes are a CRDT, so merging one is always safe and loses
 * nothing. Any other `.json` file in a member folder is read too (its content says what it is);
 * only the canonical names are written. In the member's own folder, copies are removed once their
 * changes are merged and published again; in other members' folders nothing is ever touched.
 */

export type MemberFileName =
  /** A name this app writes: `member.json`, `log-NNNNNN.json`, `snapshot-NNNNNN.json`. */
  | { readonly role: 'canonical'; readonly base: string }
  /** A sync tool's copy of a canonical file (`base` is the original's name). */
  | { readonly role: 'conflictCopy'; readonly base: string }
  /** Some other JSON file (read, since its content decides what it is). */
  | { readonly role: 'otherJson' }
  /** Not JSON: never read. */
  | { readonly role: 'ignored' };

const CANONICAL = /^(?:member|(?:log|snapshot)-\d{6})\.json$/;
/** A canonical stem followed by a sync tool's addition. */
const COPY = new RegExp(
  '^(member|(?:log|snapshot)-\\d{6})' +
    '(?:' +
    // Dropbox, Nextcloud, Google Drive: " (…)", possibly more than once.
    '(?: \\([^()]*\\))+' +
    // Syncthing: ".sync-conflict-<date>-<time>-<device>".
    '|\\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Za-z0-9]+' +
    // OneDrive: "-<computer name>" (letters, digits, dashes, underscores).
    '|-[A-Za-z0-9][A-Za-z0-9_-]*' +
    // Windows Explorer: " - Copy", " - Copy (2)".
    '|(?: - [^.]+)' +
    ')\\.json$',
);

/** What a file name in a member folder is. */
export function classifyMemberFile(name: string): MemberFileName {
  if (CANONICAL.test(name)) return { role: 'canonical', base: name };
  const copy = COPY.exec(name);
  if (copy) return { role: 'conflictCopy', base: `${copy[1] ?? ''}.json` };
  return name.toLowerCase().endsWith('.json') ? { role: 'otherJson' } : { role: 'ignored' };
}
