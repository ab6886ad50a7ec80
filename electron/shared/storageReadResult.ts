/**
 * What reading a stored document gave. Every storage answers with this one type: main's data
 * folder (`electron/main/storage.ts`), the `storage:read` IPC channel that carries main's answer
 * to the page, the browser edition's localStorage, and so the `Host` and the document stores in
 * core/ that read through it.
 *
 * It lives here, in the pure layer both processes share, because that is the one place all of them
 * may import: core/ may not import host/, main never imports renderer code, and everything here is
 * free of Node, Electron and the DOM. Type only, with no zod, so main's storage module (which the
 * crash test runs on its own) depends on nothing new. The IPC contract declares this type as the
 * channel's output rather than a schema of its own: outputs come from main and are not parsed, so
 * there is no second description to drift from this one.
 */
export type StorageReadResult =
  /** Nothing is stored under that name yet. */
  | { status: 'missing' }
  /** The stored text, as written (a leading byte-order mark removed). */
  | { status: 'ok'; text: string }
  /** The stored text did not parse; it was moved aside (never overwritten) and `movedTo` says where. */
  | { status: 'recovered'; movedTo: string; reason: string };
