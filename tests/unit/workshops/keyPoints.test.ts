import { describe, expect, it } from 'vitest';
import { keyPoints } from '../../../renderer/src/core/workshops/keyPoints';

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
