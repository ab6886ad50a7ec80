import { describe, expect, it } from 'vitest';

import type { ContentDocument } from '../../../renderer/src/core/content/model';
import { installKind, packDocumentChanges } from '../../../renderer/src/core/packs/packPreview';

/** A stored local document with the fields the comparison reads, and any others. */
function doc(id: string, fields: Record<string, unknown> = {}): ContentDocument {
  return {
    id,
    type: 'local-document',
    title: `Title of ${id}`,
    summary: 'A summary.',
    topics: ['council-meetings'],
    updated: '2026-12-01',
    sources: [],
    related: [],
    path: `docs/local-documents/${id}.md`,
    body: 'Body.',
    headings: [],
    plainText: 'Body.',
    backlinks: [],
    ...fields,
  } as unknown as ContentDocument;
}

describe('installKind', () => {
  it('says whether a version is new, newer, the same or older', () => {
    expect(installKind(null, '1.0.0')).toBe('new');
    expect(installKind('1.0.0', '1.1.0')).toBe('newer');
    expect(installKind('1.0.0', '1.0.0+build.2')).toBe('same');
    expect(installKind('1.0.0', '1.0.0-rc.1')).toBe('older');
    expect(installKind('2.0.0', '1.9.9')).toBe('older');
  });
});

describe('packDocumentChanges', () => {
  it('lists every document as new when nothing is installed', () => {
    const changes = packDocumentChanges(null, [doc('p--b'), doc('p--a')]);
    expect(changes.added.map((d) => d.id)).toEqual(['p--a', 'p--b']);
    expect(changes).toMatchObject({ updated: [], removed: [], unchanged: 0 });
  });

  it('sorts documents into new, updated, removed and unchanged', () => {
    const installed = [doc('p--same'), doc('p--changed'), doc('p--gone')];
    const incoming = [doc('p--same'), doc('p--changed', { body: 'New body.' }), doc('p--new')];
    expect(packDocumentChanges(installed, incoming)).toEqual({
      added: [{ id: 'p--new', title: 'Title of p--new' }],
      updated: [{ id: 'p--changed', title: 'Title of p--changed' }],
      removed: [{ id: 'p--gone', title: 'Title of p--gone' }],
      unchanged: 1,
    });
  });

  it('compares documents whatever the order of their fields, and ignores undefined fields', () => {
    const stored = doc('p--a');
    const reordered = Object.fromEntries(Object.entries(stored).reverse()) as ContentDocument;
    const withUndefined = { ...stored, audience: undefined } as unknown as ContentDocument;
    expect(packDocumentChanges([stored], [reordered]).unchanged).toBe(1);
    expect(packDocumentChanges([stored], [withUndefined]).unchanged).toBe(1);
    const changedTopic = doc('p--a', { topics: ['customer-service'] });
    expect(packDocumentChanges([stored], [changedTopic]).updated).toHaveLength(1);
  });
});
