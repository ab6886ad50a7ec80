import type { DocId } from '../../content/ids';
import type { AnnotationId } from '../ids';
import { ANNOTATION_LIMITS, type Annotation, type Selector } from '../schema';
import type { AnchorFinding } from './anchor';

/** Most findings kept over all documents: more than the most annotations one database holds. */
export const ANCHORING_CACHE_MAX_ENTRIES = ANNOTATION_LIMITS.annotations + 10_000;

interface Entry {
  /** The selectors the finding was made from (compared with `sameSelectors`). */
  selectors: readonly Selector[];
  finding: AnchorFinding;
}

/**
 * Remembers anchoring findings for the session, so that opening a document again does not look
 * for its annotations again. A finding depends only on the document's text and the annotation's
 * selectors (its quote and recorded position): key = document id + content version + annotation
 * id + its selectors. A re-attach (new selectors) or a change of the text misses
 * the cache; editing a note, tags or meaning (which moves `modified`, not the selectors) does
 * not, so it never sends thousands of annotations back to be looked for. Past the size limit,
 * other documents are forgotten whole, least recently used first; the document in use is always
 * kept whole (it holds at most the database's 50,000 annotations), so that what was just found is
 * never looked for again at once.
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
    if (!entry) return undefined;
    return sameSelectors(entry.selectors, annotation.target.selector) ? entry.finding : undefined;
  }

  /** Remembers a finding. */
  set(annotation: Annotation, finding: AnchorFinding): void {
    const isNew = !this.findings.has(annotation.id);
    this.findings.set(annotation.id, { selectors: annotation.target.selector, finding });
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

/**
 * True when two selector lists say the same thing: the same selectors in the same order, with
 * equal fields whatever their key order. Selectors are flat objects of strings and numbers, so
 * this stops at the first difference and costs at most one comparison of each quote: far less
 * than hashing both (220 ms for 2,900 quotes of 6,000 characters), and it cannot collide.
 */
export function sameSelectors(a: readonly Selector[], b: readonly Selector[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((selector, index) => {
    const other = b[index];
    if (other === undefined) return false;
    const keys = Object.keys(selector);
    if (keys.length !== Object.keys(other).length) return false;
    const fields = other as Readonly<Record<string, unknown>>;
    return Object.entries(selector).every(([key, value]) => fields[key] === value);
  });
}
