/**
 * The messages between the Content packs page and its import worker (issue 15). The page sends
 * the chosen `.onmunipack` as a `File` (a handle: the worker reads it) with what the pack is
 * checked against; the worker reads and checks the whole pack (`readPack`), builds its search
 * index, and answers with a preview or a refusal. The checked pack stays in the worker until the
 * user chooses Install: only then do its stored files cross to the page, which hands them to
 * `host.packs.install`. Terminating the worker (Cancel, another file, leaving the page) drops
 * everything: nothing was changed.
 *
 * The worker has no words: refusals cross as core's problems (catalogue references and content
 * issues), and the page words them.
 */
import type { ContentIssue } from '../../../core/content/issues';
import type { Vocabulary } from '../../../core/content/vocabulary';
import type { PackDocumentChanges, InstallKind } from '../../../core/packs/packPreview';
import type { PackToStore } from '../../../core/packs/packStorage';
import type { PackProblem } from '../../../core/packs/problems';

/** A pack installed now, as the check compares with it. */
export interface InstalledVersion {
  id: string;
  version: string;
}

/** From the page to the worker. */
export type PackRequest =
  /** Read and check `file`; answer with progress, then a preview or a refusal. */
  | {
      type: 'check';
      file: Blob;
      vocabulary: Vocabulary;
      /** Ids of the bundled library's documents: a pack's references to them resolve. */
      bundledIds: string[];
      appVersion: string;
      /** AMO's release, which quotations attributed to AMO must match; null if not shipped. */
      releaseText: string | null;
      /** The current version of every installed pack. */
      installed: InstalledVersion[];
    }
  /** The answer to `need-installed`: the installed version's documents.json, or null. */
  | { type: 'installed-documents'; bytes: Uint8Array | null }
  /** The stored files of the checked pack, for `host.packs.install`. */
  | { type: 'prepare-install'; installedAt: string };

/** What the worker is doing, for the progress bar. */
export type PackProgress =
  /** Unpacking and hashing the documents: `done` of `total`. */
  | { stage: 'unpack'; done: number; total: number }
  /** Checking the documents against the content rules (amount unknown). */
  | { stage: 'check' }
  /** Building the search index (amount unknown). */
  | { stage: 'index' };

/** What the page is shown before it chooses Install. */
export interface PackPreview {
  id: string;
  title: string;
  version: string;
  publisher: string;
  description?: string;
  created: string;
  /**
   * The key whose signature over `pack.json` checked out, or null for an unsigned pack; the page
   * says "verified" when the user trusts it (`signatureStatus` in core/packs/trustedKeys.ts).
   */
  signedBy: string | null;
  /** The installed version, or null when the pack is new. */
  installedVersion: string | null;
  kind: InstallKind;
  documentCount: number;
  changes: PackDocumentChanges;
  /** Warnings that do not refuse the pack (references to unknown documents). */
  warnings: ContentIssue[];
}

/** From the worker to the page. */
export type PackReply =
  | ({ type: 'progress' } & PackProgress)
  /** The pack is refused; nothing is held. */
  | { type: 'refused'; problems: PackProblem[]; warnings: ContentIssue[] }
  /** The pack updates an installed one: the page sends its documents (`installed-documents`). */
  | { type: 'need-installed'; id: string; version: string }
  | { type: 'preview'; preview: PackPreview }
  | { type: 'to-store'; pack: PackToStore }
  /** `prepare-install` came with no checked pack held (the page's mistake, not the pack's). */
  | { type: 'nothing-held' }
  /** Something failed that is not the pack's fault (a bug, or no pack checked yet). */
  | { type: 'failed'; detail: string };
