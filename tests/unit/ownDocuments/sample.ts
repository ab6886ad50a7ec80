import type { OwnContent } from '../../../renderer/src/core/ownDocuments/schema';

/**
 * Own documents for tests, without the vocabulary (which unit tests read from disk and component
 * tests import as text): plain data both kinds of test share.
 */

/** The bundled id the samples link to (any id in the bundled set resolves). */
export const BUNDLED_ID = 'guide-1-assess-readiness';

/** Two topic ids of content/vocabulary.yml. */
export const TOPICS = ['governance-strategy', 'funding'] as const;

/** A document as the editor would save it. */
export function content(patch: Partial<OwnContent> = {}): OwnContent {
  return {
    title: 'How Tinyville posts its minutes',
    summary: 'Our clerk posts minutes within a week. This is how.',
    topics: [TOPICS[0]],
    body: [
      '## Before the meeting',
      '',
      'The clerk drafts the agenda with the **heritage committee**.',
      '',
      '## After the meeting',
      '',
      `Minutes go online; see [the readiness step](doc:${BUNDLED_ID}).`,
      '',
    ].join('\n'),
    sources: [],
    ...patch,
  };
}

export const T0 = '2026-11-02T15:00:00.000Z';
export const T1 = '2026-11-03T15:00:00.000Z';
export const T2 = '2026-11-04T15:00:00.000Z';
