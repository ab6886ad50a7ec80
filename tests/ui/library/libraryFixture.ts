/**
 * A library for UI tests: a small bundled catalog served where the app fetches it (`./data/`),
 * plus collections checked by the real pack checker, added through the app's own collection seam.
 * Only the network is replaced (jsdom has no app server); everything the pages do with the data
 * is the app's code.
 */
import type { CatalogFile } from '../../../renderer/src/core/content/model';
import { checkPackDocuments } from '../../../renderer/src/core/packs/packDocuments';
import {
  addCollectionSource,
  reloadLibrary,
  type LibraryCollection,
} from '../../../renderer/src/ui/content/contentData';
import type { Vocabulary } from '../../../renderer/src/core/content/vocabulary';

/** The part of the bundled vocabulary these documents use (labels as in content/vocabulary.yml). */
export const VOCABULARY: Vocabulary = {
  topics: {
    'council-meetings': 'Paperless and electronic council',
    'customer-service': 'Customer service, 311 and CRM',
  },
  regions: { north: 'Northern Ontario' },
  tiers: { 'lower-tier': 'Lower-tier municipality' },
};

/** A bundled id the documents link to. */
export const BUNDLED_ID = 'guide-1-assess-readiness';

/** A pack's documents, by archive path: a local document, a case study and a glossary term. */
export const PACK_DOCS: Readonly<Record<string, string>> = {
  'docs/local-documents/council-minutes-policy.md': `---
id: council-minutes-policy
type: local-document
title: How our council publishes minutes
summary: Our own notes on publishing minutes. Written for staff.
topics: [council-meetings]
updated: 2026-11-30
related: [case-testville-portal, guide-1-assess-readiness]
---
## When we post

We post minutes within a week. See [the portal story](doc:case-testville-portal#results).

We record council meetings and post the video the next day.
`,
  'docs/case-studies/case-testville-portal.md': `---
id: case-testville-portal
type: case-study
title: Testville opens a portal
summary: Testville put its forms online. Staff time went down.
topics: [customer-service]
updated: 2026-11-30
sources:
  - title: Testville portal
    url: https://example.org/testville
municipality:
  name: Testville
  tier: lower-tier
  region: north
  smallRuralNorthern: true
related: [council-minutes-policy]
---
## Results

Forms went online.
`,
  'docs/glossary/glossary-e-form.md': `---
id: glossary-e-form
type: glossary
title: E-form
term: E-form
summary: A form filled in online. It replaces paper.
topics: [customer-service]
updated: 2026-11-30
---
An online form.
`,
};

/** The bundled catalog: one guide step (the id pack fixtures link to). */
export const BUNDLED_CATALOG: CatalogFile = {
  version: 1,
  vocabulary: VOCABULARY,
  entries: [
    {
      id: BUNDLED_ID as CatalogFile['entries'][number]['id'],
      type: 'guide-step',
      title: 'Assess your readiness',
      summary: 'Where your municipality stands. What to do first.',
      topics: ['customer-service'],
      updated: '2026-11-01',
      step: 1,
    },
  ],
};

/**
 * Serves the bundled catalog at `./data/catalog.json` and a document store with no documents
 * (the bundled entry is for the library's list only); other files are not found. Also gives jsdom
 * the `matchMedia` it lacks, answering as a wide screen does (filters open).
 */
export function serveBundledLibrary(): void {
  window.matchMedia = (query: string) =>
    ({ matches: true, media: query, addEventListener() {}, removeEventListener() {} }) as never;
  const files: Record<string, unknown> = {
    'catalog.json': BUNDLED_CATALOG,
    'documents.json': { version: 1, documents: [] },
  };
  globalThis.fetch = (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = files[url.replace(/^.*\//, '')];
    return Promise.resolve(
      body === undefined
        ? new Response('', { status: 404 })
        : new Response(JSON.stringify(body), { status: 200 }),
    );
  };
}

/** The fixture pack's documents checked as pack `id` (or as own documents, id `own`). */
export function fixtureCollection(
  kind: LibraryCollection['kind'],
  id: string,
  title: string,
  version?: string,
  docs: Readonly<Record<string, string>> = PACK_DOCS,
): LibraryCollection {
  const result = checkPackDocuments(
    Object.entries(docs).map(([path, text]) => ({ path, text })),
    { packId: id, vocabulary: VOCABULARY, bundledIds: new Set([BUNDLED_ID]), releaseText: null },
  );
  if (result.issues.length > 0) throw new Error(JSON.stringify(result.issues));
  return {
    kind,
    id,
    title,
    ...(version === undefined ? {} : { version }),
    catalog: result.catalog,
    documents: result.documents,
    index: () => Promise.reject(new Error('search is not part of these tests')),
  };
}

let installed: LibraryCollection[] = [];
let registered = false;

/** Makes `collections` the installed ones (the source is registered once per test file). */
export function installCollections(collections: LibraryCollection[]): void {
  installed = collections;
  if (!registered) {
    registered = true;
    addCollectionSource(() => Promise.resolve(installed));
  } else reloadLibrary();
}
