import { TYPE_FOLDERS } from '../content/types';
import { PACK_DOC_TYPES } from './limits';

/**
 * Which names an entry of a content pack may have. The names come from an archive anyone can
 * write, and later code turns them into storage keys and, on the desktop, into files in the data
 * folder; so they are checked as plain strings before anything else looks at them, and the rule
 * is narrow: forward slashes, no empty, `.` or `..` segment, no drive letter, no backslash, no
 * control character, nothing outside `docs/` besides the two root files.
 */

/** The manifest, at the root of every pack. */
export const MANIFEST_NAME = 'pack.json';
/** The optional detached Ed25519 signature over the exact bytes of `pack.json`. */
export const SIGNATURE_NAME = 'pack.sig';
/** The folder that holds every document, by type folder (`docs/case-studies/x.md`). */
export const DOCS_PREFIX = 'docs/';

/** Why a name is refused, as a key of `packs:path.*`. */
export type PathProblem =
  | 'empty'
  | 'tooLong'
  | 'backslash'
  | 'absolute'
  | 'driveLetter'
  | 'control'
  | 'dotSegment'
  | 'emptySegment'
  | 'outsideDocs';

/** Longest archive name accepted: enough for `docs/<folder>/<id>.md`, far below any file system's. */
const MAX_PATH_LENGTH = 240;

// C0 controls, DEL and C1 controls: never part of a document's file name.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const DRIVE = /^[A-Za-z]:/;

/**
 * Why `name` may not be the name of a file inside `docs/`, or `undefined` when it may. Only the
 * shape is checked here; which folders and extensions hold documents is the reader's business.
 */
export function docsPathProblem(name: string): PathProblem | undefined {
  if (name.length === 0) return 'empty';
  if (name.length > MAX_PATH_LENGTH) return 'tooLong';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute';
  if (DRIVE.test(name)) return 'driveLetter';
  if (CONTROL.test(name)) return 'control';
  const segments = name.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) return 'dotSegment';
  if (segments.some((segment) => segment === '')) return 'emptySegment';
  if (!name.startsWith(DOCS_PREFIX)) return 'outsideDocs';
  return undefined;
}

/** The folders inside `docs/` that hold documents: those of the types a pack may hold. */
const PACK_FOLDERS: ReadonlySet<string> = new Set(PACK_DOC_TYPES.map((type) => TYPE_FOLDERS[type]));

/** Why a name may not be a pack document's: the rules above, then where documents live. */
export type DocumentPathProblem = PathProblem | 'notPackFolder' | 'notMarkdown';

/**
 * Why `name` may not be the name of a document in a pack, or `undefined` when it may: a safe
 * name inside `docs/`, directly in the folder of a pack type, ending in `.md`.
 */
export function documentPathProblem(name: string): DocumentPathProblem | undefined {
  const problem = docsPathProblem(name);
  if (problem !== undefined) return problem;
  const segments = name.slice(DOCS_PREFIX.length).split('/');
  if (segments.length !== 2 || !PACK_FOLDERS.has(segments[0] ?? '')) return 'notPackFolder';
  if (!name.endsWith('.md')) return 'notMarkdown';
  return undefined;
}
