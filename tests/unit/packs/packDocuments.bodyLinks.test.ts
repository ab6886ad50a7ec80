import { describe, expect, it } from 'vitest';

import { analyzeBody } from '../../../renderer/src/core/content/bodyAnalysis';
import { checkPackDocuments } from '../../../renderer/src/core/packs/packDocuments';
import {
  SLOW_PATH_CANDIDATES,
  addressBodyLinks,
} from '../../../renderer/src/core/packs/packBodyLinks';
import { BUNDLED_ID, CASE_DOC, LOCAL_DOC, VOCABULARY, VALID_DOCS } from './packFixtures';

const PACK = 'testville-notes';
const LOCAL_IDS = new Set(['case-testville-portal', 'council-minutes-policy']);
const address = (id: string) => (LOCAL_IDS.has(id) ? `${PACK}--${id}` : null);

function check(files: Record<string, string>) {
  return checkPackDocuments(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    { packId: PACK, vocabulary: VOCABULARY, bundledIds: new Set([BUNDLED_ID]), releaseText: null },
  );
}

describe('checkPackDocuments: doc: links in the body', () => {
  it('addresses a link to a document of the pack, keeping its section', () => {
    const result = check({ ...VALID_DOCS });
    expect(result.issues).toEqual([]);
    const local = result.documents.find((doc) => doc.localId === 'council-minutes-policy');
    expect(local?.body).toBe(
      'We post minutes within a week. See [the portal story](doc:testville-notes--case-testville-portal#results).\n',
    );
    expect(analyzeBody(local?.body ?? '').links).toEqual([
      {
        kind: 'document',
        id: 'testville-notes--case-testville-portal',
        section: 'results',
        line: 1,
      },
    ]);
  });

  it('leaves a link to the bundled library as written (the pack has no such document)', () => {
    const body = `See [step 1](doc:${BUNDLED_ID}) first.`;
    const result = check({
      ...VALID_DOCS,
      'docs/local-documents/council-minutes-policy.md': LOCAL_DOC.replace(
        /^We post minutes.*$/m,
        body,
      ),
    });
    expect(result.issues).toEqual([]);
    const local = result.documents.find((doc) => doc.localId === 'council-minutes-policy');
    expect(local?.body).toBe(`${body}\n`);
  });

  it('resolves within the pack first when a pack document has a bundled id', () => {
    const twin = CASE_DOC.replace('id: case-testville-portal', `id: ${BUNDLED_ID}`).replace(
      'related: [council-minutes-policy]',
      'related: []',
    );
    const result = check({
      'docs/local-documents/council-minutes-policy.md': LOCAL_DOC.replace(
        'related: [case-testville-portal, guide-1-assess-readiness]',
        'related: []',
      ).replace('doc:case-testville-portal#results', `doc:${BUNDLED_ID}#results`),
      [`docs/case-studies/${BUNDLED_ID}.md`]: twin,
    });
    expect(result.issues).toEqual([]);
    const local = result.documents.find((doc) => doc.localId === 'council-minutes-policy');
    expect(local?.body).toContain(`(doc:${PACK}--${BUNDLED_ID}#results)`);
  });

  it('refuses a body it cannot address safely, rather than storing one it did not check', () => {
    const links = '[x](doc:case-testville-portal)\n'.repeat(SLOW_PATH_CANDIDATES);
    // A code span across lines hides one doc: from the fast rewrite's code ranges.
    const body = `A span \`across\n[x](doc:case-testville-portal)\` then\n\n${links}`;
    const result = check({
      ...VALID_DOCS,
      'docs/local-documents/council-minutes-policy.md': LOCAL_DOC.replace(
        /^We post minutes.*$/m,
        body,
      ),
    });
    expect(result.issues).toEqual([
      expect.objectContaining({
        file: 'docs/local-documents/council-minutes-policy.md',
        field: 'body',
        message: expect.stringContaining('cannot be addressed safely') as unknown,
      }),
    ]);
  });
});

describe('addressBodyLinks', () => {
  it('rewrites inline links, titled links, angle brackets, autolinks and reference definitions', () => {
    const body = [
      'See [a](doc:case-testville-portal), [b](doc:case-testville-portal#results "Results"),',
      '[c](<doc:council-minutes-policy>) and <doc:council-minutes-policy>.',
      '',
      '- In a list: [d][ref]',
      '',
      '> Quoted: [e](doc:council-minutes-policy#when)',
      '',
      '[ref]: doc:case-testville-portal',
      '',
    ].join('\n');
    const out = addressBodyLinks(body, address) ?? 'not addressed';
    expect(out).toBe(
      [
        'See [a](doc:testville-notes--case-testville-portal), [b](doc:testville-notes--case-testville-portal#results "Results"),',
        '[c](<doc:testville-notes--council-minutes-policy>) and [doc:council-minutes-policy](doc:testville-notes--council-minutes-policy).',
        '',
        '- In a list: [d][ref]',
        '',
        '> Quoted: [e](doc:testville-notes--council-minutes-policy#when)',
        '',
        '[ref]: doc:testville-notes--case-testville-portal',
        '',
      ].join('\n'),
    );
    // What the reader shows is unchanged: an autolink still reads as the address written.
    expect(analyzeBody(out).plainText).toBe(analyzeBody(body).plainText);
    expect(analyzeBody(out).links.map((link) => link.id)).toEqual([
      'testville-notes--case-testville-portal',
      'testville-notes--case-testville-portal',
      'testville-notes--council-minutes-policy',
      'testville-notes--council-minutes-policy',
      'testville-notes--case-testville-portal',
      'testville-notes--council-minutes-policy',
    ]);
  });

  it('leaves doc: in code blocks, code spans and plain prose as written', () => {
    const body = [
      'Write links as `[text](doc:case-testville-portal)` in Markdown, e.g. doc:case-testville-portal.',
      '',
      '```md',
      '[text](doc:council-minutes-policy)',
      '```',
      '',
      '    [indented](doc:council-minutes-policy)',
      '',
      'But [this one](doc:case-testville-portal) is a link.',
      '',
    ].join('\n');
    const out = addressBodyLinks(body, address) ?? 'not addressed';
    expect(out).toBe(
      body.replace(
        '[this one](doc:case-testville-portal)',
        '[this one](doc:testville-notes--case-testville-portal)',
      ),
    );
    expect(analyzeBody(out).plainText).toBe(analyzeBody(body).plainText);
  });

  it('finds the real link when a code span spans lines (the checked slow path)', () => {
    const body =
      'A span `across\n[x](doc:case-testville-portal)` then [y](doc:case-testville-portal).';
    const out = addressBodyLinks(body, address) ?? 'not addressed';
    expect(out).toBe(
      'A span `across\n[x](doc:case-testville-portal)` then [y](doc:testville-notes--case-testville-portal).',
    );
  });

  it('answers null past the bound of the checked slow path, and addresses below it', () => {
    const span = 'A span `across\n[x](doc:case-testville-portal)` then\n\n';
    const links = (n: number) => '[y](doc:case-testville-portal)\n'.repeat(n);
    // The span's own candidate counts too: one fewer link stays within the bound.
    const within = `${span}${links(SLOW_PATH_CANDIDATES - 1)}`;
    expect(addressBodyLinks(within, address)).toBe(
      `${span}${'[y](doc:testville-notes--case-testville-portal)\n'.repeat(SLOW_PATH_CANDIDATES - 1)}`,
    );
    expect(addressBodyLinks(`${span}${links(SLOW_PATH_CANDIDATES)}`, address)).toBeNull();
    // Without a doubtful candidate the fast path needs no bound.
    expect(addressBodyLinks(links(SLOW_PATH_CANDIDATES * 2), address)).toBe(
      '[y](doc:testville-notes--case-testville-portal)\n'.repeat(SLOW_PATH_CANDIDATES * 2),
    );
  });

  it('never rewrites part of an id, an id already addressed or an id the pack does not have', () => {
    const body =
      '[a](doc:case-testville-portal-two) [b](doc:other--case-testville-portal) [c](doc:guide-1-assess-readiness)';
    expect(addressBodyLinks(body, address)).toBe(body);
  });
});
