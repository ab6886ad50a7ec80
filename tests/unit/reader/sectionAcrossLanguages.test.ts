import { describe, expect, it } from 'vitest';
import { analyzeBody } from '../../../renderer/src/core/content/bodyAnalysis';
import type { DocId } from '../../../renderer/src/core/content/ids';
import { sectionIn } from '../../../renderer/src/ui/reader/useSectionAcrossLanguages';

/** A version of one document with `body`'s headings, as the pipeline slugs them. */
function version(body: string) {
  return { id: 'recommendation-9-broadband' as DocId, headings: analyzeBody(body).headings };
}

const ENGLISH = version('## What AMO asks\n\n## Why it matters\n\n### Costs\n');

describe('the section across a language switch', () => {
  it('finds the section by its place when both versions have the same outline', () => {
    const french = version("## Ce que demande l'AMO\n\n## Pourquoi c'est important\n\n### Coûts\n");
    expect(sectionIn(ENGLISH, french, 'why-it-matters')).toBe('pourquoi-c-est-important');
    expect(sectionIn(french, ENGLISH, 'couts')).toBe('costs');
    expect(sectionIn(ENGLISH, french, 'no-such-section')).toBeNull();
  });

  it('opens at the top when the outlines differ: a place could name another section', () => {
    // Same count, another level; one heading fewer.
    const otherLevel = version(
      "## Ce que demande l'AMO\n\n### Pourquoi c'est important\n\n### Coûts\n",
    );
    const fewer = version("## Pourquoi c'est important\n\n### Coûts\n");
    expect(sectionIn(ENGLISH, otherLevel, 'why-it-matters')).toBeNull();
    expect(sectionIn(ENGLISH, fewer, 'why-it-matters')).toBeNull();
    expect(sectionIn(ENGLISH, fewer, 'what-amo-asks')).toBeNull();
  });

  it("keeps a section the new version has under the same slug, and the route's section otherwise", () => {
    const sameSlugs = version('## What AMO asks\n');
    expect(sectionIn(ENGLISH, sameSlugs, 'what-amo-asks')).toBe('what-amo-asks');
    expect(sectionIn(undefined, ENGLISH, 'costs')).toBe('costs');
    expect(sectionIn(ENGLISH, ENGLISH, null)).toBeNull();
  });
});
