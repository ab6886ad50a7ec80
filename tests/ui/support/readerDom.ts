/**
 * What the reader needs from the browser that jsdom lacks, for tests that render the whole app
 * with its reader (call in `beforeEach`).
 */
export function stubReaderDom(): void {
  // jsdom does not scroll: the reader scrolls to a section or to where the reader left off.
  window.scrollTo = () => undefined;
  Element.prototype.scrollIntoView = () => undefined;
  // jsdom has no CSS.escape, which the reader uses to find a section's heading by id; the ids
  // in these tests are plain words, which escape to themselves.
  (globalThis as { CSS?: Partial<typeof CSS> }).CSS ??= { escape: (value: string) => value };
  // Nor IntersectionObserver, with which the reader follows the section in view: without layout
  // nothing ever intersects, so one that never reports is what jsdom would give.
  (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  };
}
