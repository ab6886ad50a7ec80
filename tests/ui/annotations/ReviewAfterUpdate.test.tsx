// @vitest-environment jsdom
/**
 * "Review after update" on the Annotations page (issue 15): annotations made on a pack document
 * are placed again after the pack is updated with a paragraph changed; the ones that moved,
 * changed or are gone are listed, and "Mark reviewed" keeps each (none is lost) and takes it off
 * the list. Real pack checking, real rendering of the document, real anchoring, a real session.
 */
import { act, useSyncExternalStore } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAnnotation,
  createAnnotationsStore,
  emptyAnnotationsDatabase,
  type AnnotationsDatabase,
} from '../../../renderer/src/core/annotations';
import { HybridClock, randomMemberId } from '../../../renderer/src/core/team/hlc';
import type { DocId } from '../../../renderer/src/core/content/ids';
import { loadCatalog, type LibraryCatalog } from '../../../renderer/src/ui/content/contentData';
import { AnnotationsSession } from '../../../renderer/src/ui/annotations/annotationsSession';
import { documentTextReader } from '../../../renderer/src/ui/annotations/page/documentTexts';
import { ReviewAfterUpdate } from '../../../renderer/src/ui/annotations/page/ReviewAfterUpdate';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import { getByRole, queryAllByRole, renderSettled, unmountAll } from '../support/dom';
import {
  fixtureCollection,
  installCollections,
  PACK_DOCS,
  serveBundledLibrary,
} from '../library/libraryFixture';

const LOCAL = 'docs/local-documents/council-minutes-policy.md';
const DOC = 'testville-notes--council-minutes-policy' as DocId;
/** Version 2: a sentence added before the annotated paragraphs, and the last one reworded. */
const V2_DOCS = {
  ...PACK_DOCS,
  [LOCAL]: (PACK_DOCS[LOCAL] ?? '')
    .replace('## When we post\n', '## When we post\n\nOur clerk posts them.\n')
    .replace(
      'We record council meetings and post the video the next day.',
      'We record council meetings and post the video within two days.',
    ),
};

beforeEach(serveBundledLibrary);
afterEach(unmountAll);

/** Annotations on version 1's rendered text: one on each paragraph. */
async function annotateVersionOne(): Promise<AnnotationsDatabase> {
  installCollections([fixtureCollection('pack', 'testville-notes', 'Testville notes', '1.0.0')]);
  const text = (await documentTextReader(['en']))(DOC, 'en') ?? '';
  let db = emptyAnnotationsDatabase();
  const clock = new HybridClock(randomMemberId());
  const quotes = [
    'We post minutes within a week.',
    'We record council meetings and post the video the next day.',
  ];
  for (const quote of quotes) {
    const start = text.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    db = createAnnotation(db, {
      docId: DOC,
      text,
      start,
      end: start + quote.length,
      meaning: 'important',
      author: 'Clerk',
      clock,
    }).db;
  }
  return db;
}

async function sessionWith(db: AnnotationsDatabase): Promise<AnnotationsSession> {
  const storage = new MemoryStorage();
  storage.documents.set('annotations', JSON.stringify(db));
  const backend = createAnnotationsStore(storage);
  return new AnnotationsSession(backend, await backend.load());
}

function Harness({ session, catalog }: { session: AnnotationsSession; catalog: LibraryCatalog }) {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return (
    <ReviewAfterUpdate
      annotations={snapshot.db.annotations}
      session={session}
      catalog={catalog}
      titleOf={() => 'How our council publishes minutes'}
    />
  );
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('ReviewAfterUpdate', () => {
  it('lists nothing while the pack is the version the annotations were made on', async () => {
    const session = await sessionWith(await annotateVersionOne());
    await renderSettled(<Harness session={session} catalog={await loadCatalog()} />);
    await settle();
    expect(queryAllByRole(document.body, 'region')).toHaveLength(0);
  });

  it('lists what moved and what changed after an update, and keeps each one marked reviewed', async () => {
    const session = await sessionWith(await annotateVersionOne());
    installCollections([
      fixtureCollection('pack', 'testville-notes', 'Testville notes', '2.0.0', V2_DOCS),
    ]);
    await renderSettled(<Harness session={session} catalog={await loadCatalog()} />);
    await settle();
    const section = getByRole(document.body, 'region', { name: 'Review after update' });
    const items = queryAllByRole(section, 'listitem');
    expect(items.map((item) => item.querySelector('.anno-review__reason')?.textContent)).toEqual([
      'Moved: the same words are now elsewhere in the document.',
      'Changed: the words of the passage changed.',
    ]);
    expect(items[1]?.textContent).toContain(
      'Was: “We record council meetings and post the video the next day.”',
    );
    expect(items[1]?.textContent).toContain('Now: “');
    expect(items[1]?.textContent).toContain('within two days');

    const buttons = queryAllByRole(section, 'button', { name: 'Mark reviewed' });
    act(() => buttons[0]?.click());
    await settle();
    expect(getByRole(section, 'status').textContent).toBe(
      'Marked the annotation “We post minutes within a week.” reviewed.',
    );
    expect(document.activeElement?.textContent).toBe('Review after update');
    act(() => queryAllByRole(section, 'button', { name: 'Mark reviewed' })[0]?.click());
    await settle();
    expect(section.textContent).toContain('Nothing left to review.');
    // None is lost.
    expect(session.getSnapshot().db.annotations).toHaveLength(2);
  });
});
