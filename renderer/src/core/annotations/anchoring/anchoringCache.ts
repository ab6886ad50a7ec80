import type { DocId } from '../../content/ids';
import type { AnnotationId } from '../ids';
import { ANNOTATION_LIMITS, type Annotation } from '../schema';
import type { AnchorFinding } from './anchor';

/** Most findings kept over all documents: more than the most annotations one database holds. */
export const ANCHORING_CACHE_MAX_ENTRIES = ANNOTATION_LIMITS.annotations + 10_000;

interface Entry {
  modified: string;
  finding: AnchorFinding;
}

/**
 * Remembers anchoring findings for the session, so that opening a document again does not look
 * for its annotations again. A finding is for one annotation as last modified, on one version of
 * one document's text: key = document id + content version + annotation id + `modified`. Any
 * edit of the annotation (a re-attach changes its selectors and `modified`) or of the text
 * misses the cache. Past the size limit, other documents are forgotten whole, least recently
 * used first; the document in use is always kept whole (it holds at most the database's
 * 50,000 annotations), so that what was just found is never looked for again at once.
 */
export class AnchoringCache {
  private readonly documents = new Map<string, Map<AnnotationId, Entry>>();
  private entries = 0;

  constructor(private readonly maxEntries: number = ANCHORING_CACHE_MAX_ENTRIES) {}

  /** The findings for one document's text; marks it as the most recently used. */
  forText(docId: DocId, version: string): DocumentFindings {
    const key = `${docId} ${version}`;
    const findings = this.documents.get(key) ?? new Map<AnnotationId, Entry>();
    // Re-inserting moves the document to the end: Map order is the recency order.
    this.documents.delete(key);
    this.documents.set(key, findings);
    return new DocumentFindings(findings, (added) => this.grow(key, findings, added));
  }

  /** Findings held, over all documents. */
  get size(): number {
    return this.entries;
  }

  private grow(current: string, findings: Map<AnnotationId, Entry>, added: number): void {
    // A view kept after its document was forgotten no longer counts.
    if (this.documents.get(current) !== findings) return;
    this.entries += added;
    for (const [key, other] of this.documents) {
      if (this.entries <= this.maxEntries) break;
      if (key === current) continue;
      this.entries -= other.size;
      this.documents.delete(key);
    }
  }
}

/** One document's remembered findings (a view of the cache). */
export class DocumentFindings {
  constructor(
    private readonly findings: Map<AnnotationId, Entry>,
    /** Reports entries added (or removed, when negative) to the cache. */
    private readonly grow: (added: number) => void,
  ) {}

  /** The finding for this annotation as it is now, if remembered. */
  get(annotation: Annotation): AnchorFinding | undefined {
    const entry = this.findings.get(annotation.id);
    return entry?.modified === annotation.modified ? entry.finding : undefined;
  }

  /** Remembers a finding. */
  set(annotation: Annotation, finding: AnchorFinding): void {
    const isNew = !this.findings.has(annotation.id);
    this.findings.set(annotation.id, { modified: annotation.modified, finding });
    if (isNew) this.grow(1);
  }

  /** Forgets the annotations that were not looked for, so that the next run looks for them. */
  forgetNotSearched(): void {
    let removed = 0;
    for (const [id, entry] of this.findings) {
      if (entry.finding.status === 'orphaned' && entry.finding.reason === 'not-searched') {
        this.findings.delete(id);
        removed++;
      }
    }
    this.grow(-removed);
  }
}
