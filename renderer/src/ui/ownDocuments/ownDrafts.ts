import type { OwnContent } from '../../core/ownDocuments/schema';

/**
 * The unsaved drafts of own documents in this window, by document id. The editor keeps its draft
 * here while it differs from what is stored, so leaving the page (a link, Back, the Library)
 * loses nothing: opening the document again, or "New document" for one never saved, brings the
 * draft back, and the writer saves or discards it. An undo or a restore that starts the editor
 * again finds it here too. While any draft is kept, closing or reloading the window asks first
 * (`beforeunload`; on the desktop, main turns that into a question).
 *
 * Memory only, by design: a draft is what the writer chose not to save yet, so it does not
 * outlive the window; the question before closing is what protects it there.
 */
const drafts = new Map<string, OwnContent>();

/** The id of the new (never saved) document whose draft is kept, if any. */
let newDocumentId: string | null = null;

let guarding = false;

/** Asks before the window unloads while a draft is kept. */
function guardUnload(event: BeforeUnloadEvent): void {
  if (drafts.size === 0) return;
  event.preventDefault();
  // Older engines ask only when returnValue is set; the browser words the question itself.
  event.returnValue = '';
}

/** Keeps `content` as the unsaved draft of document `id` (`isNew`: not saved yet). */
export function keepDraft(id: string, content: OwnContent, isNew: boolean): void {
  drafts.set(id, content);
  if (isNew) newDocumentId = id;
  if (!guarding && typeof window !== 'undefined') {
    window.addEventListener('beforeunload', guardUnload);
    guarding = true;
  }
}

/** The unsaved draft of document `id`, if one is kept. */
export function draftOf(id: string): OwnContent | undefined {
  return drafts.get(id);
}

/** Forgets the draft of document `id` (saved, discarded, or replaced by a restore). */
export function discardDraft(id: string): void {
  drafts.delete(id);
  if (newDocumentId === id) newDocumentId = null;
}

/** The id of the new document whose unsaved draft is kept ("New document" resumes it). */
export function keptNewDocumentId(): string | null {
  return newDocumentId;
}

/** True while any document has an unsaved draft. */
export function hasKeptDrafts(): boolean {
  return drafts.size > 0;
}
