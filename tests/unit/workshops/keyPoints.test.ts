import { describe, expect, it } from 'vitest';
import type { ContentDocument } from '../../../renderer/src/core/content/model';
import { KEY_POINT_HEADINGS, keyPoints } from '../../../renderer/src/core/workshops/keyPoints';
import { documentSlides } from '../../../renderer/src/core/workshops/slides';
import { slideSourceFinder } from '../../../renderer/src/core/workshops/workshopModel';
import { i18n } from '../../../renderer/src/ui/common/i18n/i18n';
import { slideWords } from '../../../renderer/src/ui/workshops/exportWords';
import { CORPUS_TIMEOUT, realCorpus, realFrenchCorpus } from '../planner/helpers';
import { docId } from './helpers';

const points = (body: string) => keyPoints({ title: 'A document', body });

describe('keyPoints (a document’s list for its second slide)', () => {
  it('takes the first key-point section that has a list, in the preferred order', () => {
    const body = [
      '## Checklist',
      '',
      '- [ ] Council briefed',
      '- [x] Lead named',
      '',
      '## Lessons',
      '',
      'A paragraph the slide never shows.',
      '',
      '- One lesson.',
      '',
    ].join('\n');
    expect(points(body)).toEqual({ heading: 'Lessons', ordered: false, items: ['One lesson.'] });
    const noLessons = body.replace('## Lessons', '## Results');
    expect(points(noLessons)).toEqual({
      heading: 'Checklist',
      ordered: false,
      // A checklist's boxes are not text.
      items: ['Council briefed', 'Lead named'],
    });
  });

  it('reads a list under a ### inside the section, and keeps it ordered', () => {
    const body = [
      '## What this could mean for a small municipality',
      '',
      "This section is this toolkit's reading.",
      '',
      '### What you can do now',
      '',
      '1. **Find out where you stand.** Use the [self-assessment](doc:guide-1-assess).',
      '2. **Ask council for a mandate.** See [Step 2](doc:guide-2).',
      '   - a nested point the slide leaves out',
      '',
    ].join('\n');
    expect(points(body)).toEqual({
      heading: 'What this could mean for a small municipality',
      ordered: true,
      // An item that opens with a bold phrase shows that phrase.
      items: ['**Find out where you stand.**', '**Ask council for a mandate.**'],
    });
  });

  it('reduces links to their text, escapes what would become markup, and shortens long items', () => {
    const long = `${'A first sentence that runs on '.repeat(5)}to the end. A second sentence here.`;
    const body = [
      '## Lessons',
      '',
      '- Read the [guide](doc:guide-1) and <https://example.org> first.',
      '- 2019\\. was a year & a half',
      `- ${long}`,
      '- Keep `code` and *emphasis*.',
      '',
    ].join('\n');
    expect(points(body)?.items).toEqual([
      'Read the guide and https://example.org first.',
      '2019\\. was a year \\& a half',
      `${'A first sentence that runs on '.repeat(5)}to the end.`,
      'Keep `code` and *emphasis*.',
    ]);
  });

  it('finds nothing without a key-point section, a list in it, or a real heading', () => {
    expect(points('## Context\n\n- a point\n')).toBeNull();
    expect(points('## Lessons\n\nOnly a paragraph.\n')).toBeNull();
    expect(points('```\n## Lessons\n- not a list\n```\n')).toBeNull();
    // The part before the first heading is titled by the document, never a key-point section.
    expect(keyPoints({ title: 'Lessons', body: '- an intro list\n' })).toBeNull();
  });
});

describe('keyPoints in a French version (its body has French headings)', () => {
  async function versions(id: string): Promise<{ en: ContentDocument; fr: ContentDocument }> {
    const en = (await realCorpus()).documents.find((d) => d.id === id);
    const fr = (await realFrenchCorpus()).documents.find((d) => d.id === id);
    if (!en || !fr) throw new Error(`${id} has no English or no French version; update this test.`);
    return { en, fr };
  }

  it(
    'reads a case study’s « Leçons », not its English headings',
    async () => {
      const { fr } = await versions('case-middlesex-centre-e-permitting');
      const points = keyPoints(fr, 'fr');
      expect(points?.heading).toBe('Leçons');
      expect(points?.items).toContain(
        "Le soutien informatique du comté a facilité l'ajout rapide de partenaires.",
      );
      // Read with the English headings, the French body has no key-point section.
      expect(keyPoints(fr, 'en')).toBeNull();
    },
    CORPUS_TIMEOUT,
  );

  it(
    'finds the French points of every document whose English version has some, as many items',
    async () => {
      const english = (await realCorpus()).documents;
      const french = (await realFrenchCorpus()).documents;
      const compared: string[] = [];
      for (const fr of french) {
        const en = english.find((d) => d.id === fr.id);
        const enPoints = en ? keyPoints(en, 'en') : null;
        if (!enPoints || fr.bodyLang === 'en') continue;
        const frPoints = keyPoints(fr, 'fr');
        expect({ id: fr.id, heading: frPoints?.heading, items: frPoints?.items.length }).toEqual({
          id: fr.id,
          heading: KEY_POINT_HEADINGS.fr[KEY_POINT_HEADINGS.en.indexOf(enPoints.heading)],
          items: enPoints.items.length,
        });
        compared.push(fr.id);
      }
      // Case studies, key issues, recommendations, opportunities and guide steps all have some.
      expect(compared.length).toBeGreaterThan(40);
    },
    CORPUS_TIMEOUT,
  );

  it(
    'puts a French guide step’s « Liste de vérification » on its slide when it has no curated points',
    async () => {
      const { fr } = await versions('guide-1-assess-readiness');
      const derived = { ...fr };
      delete derived.slides;
      const source = slideSourceFinder(new Map([[fr.id, derived]]))(docId(fr.id));
      if (!source) throw new Error('The French guide step is not a slide source.');
      expect(source.language).toBe('fr');
      const words = slideWords(i18n.getFixedT('fr', 'workshops'));
      const [, points] = documentSlides('b0-d0', source, words);
      expect(points?.markdown).toMatch(/^### Liste de vérification\n\n- Une personne responsable/);
    },
    CORPUS_TIMEOUT,
  );
});
