/**
 * What reading a stored document gave. Every storage the page reads through answers with this one
 * type: the browser edition's localStorage, the desktop host (which words main's answer, a
 * {@link StoredDocumentRead}), and so the `Host` and the document stores in core/ that read
 * through it.
 *
 * It lives here, in the pure layer both processes share, because that is the one place all of them
 * may import: core/ may not import host/, main never imports renderer code, and everything here is
 * free of Node, Electron and the DOM. Type only, with no zod, so main's storage module (which the
 * crash test runs on its own) depends on nothing new. The IPC contract declares main's types below
 * as the storage channels' outputs rather than schemas of their own: outputs come from main and
 * are not parsed, so there is no second description to drift from these.
 */
export type StorageReadResult =
  /** Nothing is stored under that name yet. */
  | { status: 'missing' }
  /** The stored text, as written (a leading byte-order mark removed). */
  | { status: 'ok'; text: string }
  /** The stored text did not parse; it was moved aside (never overwritten) and `movedTo` says where. */
  | { status: 'recovered'; movedTo: string; reason: string };

/*
 * Main has no words (the interface comes in more than one language, and main's storage module runs
 * alone in the crash test, free of the catalogue): it says what went wrong as a code and the values
 * the message needs, and the renderer's host words it through the `common` catalogue.
 */

/** Why a text is not a storable document (a JSON object or array). */
export type DocumentProblem =
  | { code: 'empty' }
  /** `detail` is the parser's own message (English, from the JavaScript engine). */
  | { code: 'notJson'; detail: string }
  | { code: 'notObject' };

/** Why main refused to save a document; nothing was changed. Sizes are in bytes. */
export type StorageRefusal =
  | { code: 'badKey'; key: string }
  | { code: 'notDocument'; key: string; problem: DocumentProblem }
  | { code: 'tooLarge'; key: string; sizeBytes: number; limitBytes: number }
  /** `folder` is the data folder, where old damaged copies can be deleted. */
  | { code: 'folderFull'; key: string; sizeBytes: number; limitBytes: number; folder: string };

/**
 * What main's data folder answers a read with, over the `storage:read` channel: a
 * {@link StorageReadResult} whose `recovered` case carries the problem as a code, and the newest
 * good backup when there is one, instead of a worded reason. The desktop host words it.
 */
export type StoredDocumentRead =
  | Exclude<StorageReadResult, { status: 'recovered' }>
  | { status: 'recovered'; movedTo: string; problem: DocumentProblem; backup?: string };

/** What main answers a write with, over the `storage:write` channel. */
export type StorageWriteResult =
  { status: 'saved' } | { status: 'refused'; refusal: StorageRefusal };
