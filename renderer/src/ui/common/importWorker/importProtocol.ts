/**
 * The messages between the page's main thread and the import worker: import panels, and stores
 * opening a large stored document (which can be as big as any import; see storedTextParser.ts). The
 * page sends the chosen file as a `File` (a handle: the worker reads it) and the data the preview
 * compares it with; the worker parses and checks the file with the real core functions and answers
 * with a small summary or a refusal. The checked file stays in the worker until the user confirms:
 * only then does the result cross, in parts (see listParts.ts).
 *
 * Every message that carries a large value carries it under `data`, so that it can be sent in
 * parts without each message type knowing how.
 */
import type { AnnotationsDatabase, Meaning, MergePreview } from '../../../core/annotations';
import type { MessageRef } from '../../../core/common/messageRef';
import type { ProblemLine } from '../../../core/common/problemLine';
import type { ImportMode, ImportPreview } from '../../../core/planner/import/mergeImport';
import type { PlannerDatabase } from '../../../core/planner/schema';

/** The chosen file as the worker sees it: a `File` or `Blob`, cloned as a handle, read there. */
export interface FileLike {
  readonly size: number;
  text(): Promise<string>;
}

/** From the page to the worker. */
export type ImportRequest =
  /** Check a planner backup and compare it with `data`, the planner as it is now. */
  | { type: 'check-planner'; file: FileLike; data: PlannerDatabase }
  /** Merge or replace with the checked backup; `data` is the planner now, or null if unchanged. */
  | { type: 'apply-planner'; mode: ImportMode; data: PlannerDatabase | null }
  /** Check an annotations file against `data`, the annotations as they are now. */
  | {
      type: 'check-annotations';
      file: FileLike;
      data: AnnotationsDatabase;
      /** Ids of the documents in this library. */
      knownDocIds: string[];
      /** This computer's clock (ms), to refuse times far in the future. */
      now: number;
    }
  /** The answer to `need-document-texts`: each document's text as the reader shows it. */
  | { type: 'document-texts'; texts: [docId: string, text: string | null][] }
  /** Merge the checked file; `data` is the annotations now, or null if unchanged since the check. */
  | { type: 'apply-annotations'; data: AnnotationsDatabase | null }
  /** Read a stored document's text into the current shape (JSON, migration, validation). */
  | { type: 'read-stored'; store: StoredDocumentKind; text: string };

/** The stored documents the worker can read: the large ones. */
export type StoredDocumentKind = 'planner' | 'annotations';

/** The databases of the stored documents, by kind. */
export interface StoredDatabases {
  planner: PlannerDatabase;
  annotations: AnnotationsDatabase;
}

/** A stored document read by the worker: its data (sent in parts) and what had to change. */
export type StoredRead = {
  [K in StoredDocumentKind]: {
    type: 'stored-read';
    store: K;
    data: StoredDatabases[K];
    issues: ProblemLine[];
    /** The format version it was migrated from, or null when it was current. */
    migratedFrom: number | null;
  };
}[StoredDocumentKind];

/**
 * The answers to a request, as the page's client hands them on: exactly one per request. The
 * worker posts the same, except that it names a refusal (`NamedRefusal`) and the client words it.
 */
export type ImportReply =
  /** Nothing was imported. `message` sums it up (when the importer has one); `problems` list it. */
  | { type: 'refused'; message: string | null; problems: string[] }
  | { type: 'planner-preview'; preview: PlannerPreviewSummary }
  /** `keptSharedPlans`: plans shared with the team that a Replace kept (their work is never lost). */
  | { type: 'planner-applied'; data: PlannerDatabase; keptSharedPlans: number }
  /** The file is valid; anchoring its annotations needs these documents' texts (rendered by the page). */
  // Each a `documentVersionKey`: a document in the language of the version annotations were made on.
  | { type: 'need-document-texts'; docIds: string[] }
  | { type: 'annotations-preview'; preview: AnnotationsPreviewSummary }
  | { type: 'annotations-merged'; data: AnnotationsDatabase }
  | StoredRead
  /** The stored text is not JSON (`reason` is the engine's message). */
  | { type: 'stored-not-json'; reason: string };

/**
 * Every refusal the worker posts, named rather than worded: a core importer's (a backup or an
 * annotations file that fails its checks, a merge that would break references) or the worker's
 * own (it holds no checked file, a check failed). The page's client words it
 * (`ImportWorkerClient`) and hands on a `refused` reply. The worker has no message catalogue,
 * which would load every language's words into each worker it starts.
 */
export interface NamedRefusal {
  type: 'refused-named';
  /** The sentence that sums it up (the planner's `planner:backupRefused.*`), if the importer has one. */
  message: MessageRef | null;
  problems: ProblemLine[];
}

/** What the worker posts: any reply but a worded refusal, or a named one for the page to word. */
export type WorkerReply = Exclude<ImportReply, { type: 'refused' }> | NamedRefusal;

/** How many names or annotations a preview lists; the rest are counted. */
export const MAX_PREVIEW_ITEMS = 25;

/** Counts of one collection of a planner import (see `CollectionDiff`). */
export interface CollectionCounts {
  added: number;
  replaced: number;
  unchanged: number;
  onlyInCurrent: number;
}

/** What importing a planner backup would do, small enough to cross to the page at once. */
export interface PlannerPreviewSummary {
  profile: ImportPreview['profile'];
  plans: CollectionCounts;
  tasks: CollectionCounts;
  assessments: CollectionCounts;
  /** Titles of the plans added or updated, at most `MAX_PREVIEW_ITEMS`. */
  planNames: string[];
  /** How many titles were left out of `planNames`. */
  morePlanNames: number;
  /** Problems a Merge would create (listed up to the usual cap); when any, only Replace is offered. */
  mergeProblems: ProblemLine[];
}

/** One annotation as the preview lists it. */
export interface PreviewAnnotation {
  id: string;
  meaning: Meaning;
  author: string;
  /** The quote, shortened for a list. */
  quote: string;
}

/** The lists of an annotations preview, in the order they are shown. */
export const PREVIEW_GROUPS = ['added', 'updated', 'deleted', 'orphaned'] as const;
export type PreviewGroup = (typeof PREVIEW_GROUPS)[number];

/** What merging an annotations file would do, small enough to cross to the page at once. */
export interface AnnotationsPreviewSummary {
  counts: MergePreview['counts'];
  changesAnything: boolean;
  /** The first `MAX_PREVIEW_ITEMS` annotations of each group; `counts` says how many there are. */
  shown: Record<PreviewGroup, PreviewAnnotation[]>;
}
