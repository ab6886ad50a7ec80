import { sameData } from '../common/canonicalJson';
import type { ContentDocument } from '../content/model';
import { compareSemver } from './semver';

/**
 * What installing a content pack would change (issue 15, "Preview and install"): whether it is
 * new, an update, or the same or an older version of an installed pack, and which documents it
 * adds, changes and takes away compared with the version installed now.
 */

/** How a pack's version stands against the installed one. */
export type InstallKind =
  /** Not installed yet. */
  | 'new'
  /** A newer version: it replaces the installed one. */
  | 'newer'
  /** The same version again: installed only when the user confirms. */
  | 'same'
  /** An older version: installed only when the user confirms. */
  | 'older';

/** How `version` stands against `installedVersion` (null: not installed). */
export function installKind(installedVersion: string | null, version: string): InstallKind {
  if (installedVersion === null) return 'new';
  const order = compareSemver(version, installedVersion);
  return order > 0 ? 'newer' : order === 0 ? 'same' : 'older';
}

/** A document as the preview lists it. */
export interface PreviewDocument {
  id: string;
  title: string;
}

/** The documents of a pack compared with the installed version's. */
export interface PackDocumentChanges {
  /** In the pack, not installed. */
  added: PreviewDocument[];
  /** In both, with something changed (front matter or body). */
  updated: PreviewDocument[];
  /** Installed, not in the pack: they leave the library on install. */
  removed: PreviewDocument[];
  /** How many are in both, unchanged. */
  unchanged: number;
}

/**
 * Compares the documents of a pack with those of the installed version (null or empty when
 * nothing is installed), each list in id order. Documents are compared as stored, whatever the
 * order of their fields.
 */
export function packDocumentChanges(
  installed: readonly ContentDocument[] | null,
  incoming: readonly ContentDocument[],
): PackDocumentChanges {
  const before = new Map((installed ?? []).map((doc) => [doc.id as string, doc]));
  const changes: PackDocumentChanges = { added: [], updated: [], removed: [], unchanged: 0 };
  for (const doc of incoming) {
    const old = before.get(doc.id);
    before.delete(doc.id);
    if (!old) changes.added.push(listed(doc));
    else if (!sameData(old, doc)) changes.updated.push(listed(doc));
    else changes.unchanged += 1;
  }
  changes.removed = [...before.values()].map(listed);
  for (const list of [changes.added, changes.updated, changes.removed])
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return changes;
}

function listed(doc: ContentDocument): PreviewDocument {
  return { id: doc.id, title: doc.title };
}
