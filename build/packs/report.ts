import path from 'node:path';
import { formatByteSize } from '../../electron/shared/byteSize';
import { formatIssue, type ContentIssue } from '../../renderer/src/core/content/issues';
import type { ReadPack } from '../../renderer/src/core/packs/readPack';
import { formatPackProblem, type PackProblem } from '../../renderer/src/core/packs/problems';
import { countByType } from '../content/commands';
import { displayPathOf } from '../content/readCorpus';
import { wordRef } from './words';

/**
 * The lines `pack:build` and `pack:check` print about a pack: what it is, what it holds and who
 * signed it, and each problem where it is.
 */

/** The report of a valid pack; `size` is the file's size in bytes. */
export function describePack(pack: ReadPack, size: number): string[] {
  const { manifest, signature } = pack;
  const unpacked = Object.keys(manifest.files).length;
  return [
    `pack: ${manifest.title} (${manifest.id} ${manifest.version}), publisher ${manifest.publisher}, created ${manifest.created}`,
    `documents: ${pack.catalog.length} (${countByType(pack.catalog)})`,
    `hashes: ${unpacked} file(s) listed in pack.json with their SHA-256, all matching`,
    `size: ${formatByteSize(size, 'measured')}`,
    `signature: ${describeSignature(signature)}`,
  ];
}

function describeSignature(signature: ReadPack['signature']): string {
  switch (signature.state) {
    case 'unsigned':
      return 'not signed; the app shows "publisher not verified"';
    case 'verified':
      return `signed and verified with trusted key ${signature.publicKey}`;
    case 'notVerified':
      return `signed with key ${signature.publicKey}, valid; the app shows "publisher not verified" until the user trusts that key`;
  }
}

/**
 * One line per problem. A document's issue names its archive path (`docs/glossary/x.md:12:
 * ...`); with `folder`, the path of the file in the publisher's folder instead, so an editor
 * opens it from the terminal.
 */
export function problemLines(problems: readonly PackProblem[], folder?: string): string[] {
  return problems.map((problem) =>
    problem.kind === 'document'
      ? formatIssue(inFolder(problem.issue, folder))
      : formatPackProblem(problem, wordRef),
  );
}

/** Warnings (references to documents neither in the pack nor in the library), one per line. */
export function warningLines(warnings: readonly ContentIssue[], folder?: string): string[] {
  return warnings.map((issue) => `warning: ${formatIssue(inFolder(issue, folder))}`);
}

function inFolder(issue: ContentIssue, folder: string | undefined): ContentIssue {
  return folder === undefined
    ? issue
    : { ...issue, file: displayPathOf(path.join(folder, issue.file)) };
}
