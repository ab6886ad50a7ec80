import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../renderer/src/core/content/issues';
import { readPack } from '../../../renderer/src/core/packs/readPack';
import { LOCAL_DOC, OPTIONS, VALID_DOCS, buildPack, refusalsOf } from './packFixtures';

const PATH = 'docs/local-documents/council-minutes-policy.md';

/** The pack's local document with `slides:` holding these YAML lines (from line 8). */
const withSlides = (...lines: string[]) =>
  LOCAL_DOC.replace('updated: 2026-11-30\n', `updated: 2026-11-30\nslides:\n${lines.join('\n')}\n`);

describe('content packs carry curated slide bullets (slides:)', () => {
  it('accepts them and keeps them on the document the deck reads', async () => {
    const files = { ...VALID_DOCS, [PATH]: withSlides('  - Minutes go up **within a week**') };
    const result = await readPack(await buildPack({ files }), OPTIONS);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const doc = result.pack.documents.find((d) => d.localId === 'council-minutes-policy');
    expect(doc?.slides).toEqual(['Minutes go up **within a week**']);
  });

  it('holds a pack to the same slide budget as the bundled content', async () => {
    const files = {
      ...VALID_DOCS,
      [PATH]: withSlides(...Array.from({ length: 6 }, (_, i) => `  - Point ${i + 1}`)),
    };
    const problems = await refusalsOf(await buildPack({ files }));
    expect(
      problems.map((p) => (p.kind === 'document' ? formatIssue(p.issue) : `pack: ${p.code}`)),
    ).toEqual([
      expect.stringMatching(
        /^docs\/local-documents\/council-minutes-policy\.md:\d+: slides: lists more than 5 points/,
      ),
    ]);
  });

  it('refuses a bullet that breaks the rules, saying where', async () => {
    const files = {
      ...VALID_DOCS,
      [PATH]: withSlides('  - See [the portal](doc:case-testville-portal)'),
    };
    const problems = await refusalsOf(await buildPack({ files }));
    expect(
      problems.map((p) => (p.kind === 'document' ? formatIssue(p.issue) : `pack: ${p.code}`)),
    ).toEqual([
      expect.stringMatching(
        /^docs\/local-documents\/council-minutes-policy\.md:9: slides\[0\]: contains a link/,
      ),
    ]);
  });
});
