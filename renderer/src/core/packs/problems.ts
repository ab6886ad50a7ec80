import { messageRef, type MessageRef } from '../common/messageRef';
import { formatIssue, type ContentIssue } from '../content/issues';
import type { PathProblem } from './archivePath';

/**
 * Why a content pack is refused. Core names each reason with a code (`packs:refusal.<code>` in
 * the message catalogue words it) and says where: the archive path, when the reason is about one
 * entry. Documents that break a content rule are reported as the content check reports them
 * (`docs/case-studies/x.md:12: topics: ...`), in the content check's English for now: those
 * rules have one wording, shared with `npm run content:check`.
 */
export const PACK_REFUSAL_CODES = [
  // The file and its ZIP structure.
  'fileTooLarge',
  'notZip',
  'damaged',
  'zip64',
  'multiDisk',
  'encrypted',
  'compressionMethod',
  'nameEncoding',
  'overlap',
  'sizeMismatch',
  'crcMismatch',
  // Names.
  'path',
  'notPackFolder',
  'notMarkdown',
  'notAllowedAtRoot',
  'duplicateName',
  // Limits, checked on declared sizes before anything is inflated.
  'tooManyEntries',
  'unpackedTooLarge',
  'markdownTooLarge',
  'manifestTooLarge',
  'ratio',
  'directoryNotEmpty',
  // The manifest.
  'noManifest',
  'manifestNotJson',
  'manifestField',
  'needsNewerApp',
  'noDocuments',
  // Files against the manifest.
  'unlisted',
  'missing',
  'hashMismatch',
  'notUtf8',
  // The signature.
  'signatureMalformed',
  'signatureInvalid',
] as const;

/** A code of `PACK_REFUSAL_CODES`. */
export type PackRefusalCode = (typeof PACK_REFUSAL_CODES)[number];

/** One pack-level reason for refusing, before it is turned into a catalogue reference. */
export interface PackRefusal {
  code: PackRefusalCode;
  /** The archive path concerned, when there is one. */
  path?: string;
  /** With code `path`: what is wrong with the name (`packs:refusal.path.<problem>`). */
  problem?: PathProblem;
  values?: Readonly<Record<string, string | number>>;
}

/** One reason a pack is refused: about the pack or an entry, or a document's content. */
export type PackProblem =
  | {
      kind: 'pack';
      code: PackRefusalCode;
      /** The archive path concerned, when there is one. */
      path?: string;
      /** What the UI shows: `packs:refusal.<code>`, with `path` among the values. */
      message: MessageRef;
    }
  | { kind: 'document'; issue: ContentIssue };

/** The problem a refusal stands for. */
export function packProblem(refusal: PackRefusal): PackProblem {
  const values = {
    ...refusal.values,
    ...(refusal.path === undefined ? {} : { path: refusal.path }),
  };
  const key =
    refusal.code === 'path'
      ? `packs:refusal.path.${refusal.problem ?? 'empty'}`
      : `packs:refusal.${refusal.code}`;
  const message = messageRef(key, values);
  return refusal.path === undefined
    ? { kind: 'pack', code: refusal.code, message }
    : { kind: 'pack', code: refusal.code, path: refusal.path, message };
}

/**
 * A problem as one line: a document's issue as `file:line: field: message`, a pack-level one as
 * `word` gives it (the UI's or the command line's catalogue lookup).
 */
export function formatPackProblem(problem: PackProblem, word: (ref: MessageRef) => string): string {
  return problem.kind === 'document' ? formatIssue(problem.issue) : word(problem.message);
}

/** At most this many problems are listed: a hostile archive must not make the report huge. */
export const MAX_REPORTED_PROBLEMS = 200;
