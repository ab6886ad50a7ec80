/**
 * A collection's stored search index is checked before search ranks it with the bundled library:
 * one built by another version of the app (layout version, analyzer, BM25 parameters) or damaged
 * is refused with a reason the Content packs page can show, instead of failing every search.
 * The foreign indexes are made from a real one by changing the bytes another version would write.
 */
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../renderer/src/core/common/ProblemError';
import { checkPackDocuments } from '../../../renderer/src/core/packs/packDocuments';
import { ByteReader } from '../../../renderer/src/core/search/layout/bytes';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import { wordError } from '../../../renderer/src/ui/common/i18n/wordMessage';
import { openCheckedSegment } from '../../../renderer/src/ui/content/checkedSegment';
import { BUNDLED_ID, PACK_DOCS, VOCABULARY } from '../../ui/library/libraryFixture';

const { documents } = checkPackDocuments(
  Object.entries(PACK_DOCS).map(([path, text]) => ({ path, text })),
  {
    packId: 'testville',
    vocabulary: VOCABULARY,
    bundledIds: new Set([BUNDLED_ID]),
    releaseText: null,
  },
);
const ids = documents.map((doc) => doc.id);
const core = buildSegment(documents, VOCABULARY).core;

/** Where the header's fields and the BM25 parameters start in `core`. */
function offsets(bytes: Uint8Array) {
  const input = new ByteReader(bytes, 'test');
  input.uint(); // magic
  const version = input.offset;
  input.uint();
  input.uint(); // kind
  input.uint(); // fingerprint
  const analyzer = input.offset;
  input.text();
  const fields = input.uint();
  for (let f = 0; f < fields; f++) {
    input.text();
    input.uint();
  }
  input.uint(); // k1
  return { version, analyzer, b: input.offset };
}

function changed(at: number, bytes: readonly number[]): Uint8Array {
  const copy = core.slice();
  copy.set(bytes, at);
  return copy;
}

function refusal(bytes: Uint8Array, docIds: readonly string[] = ids): string {
  try {
    openCheckedSegment(bytes, docIds);
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    return wordError(error);
  }
  throw new Error('the index was accepted');
}

describe('openCheckedSegment', () => {
  it('opens an index this version built for exactly these documents', () => {
    const segment = openCheckedSegment(core, [...ids].reverse());
    expect([...segment.docIds].sort()).toEqual([...ids].sort());
  });

  it('refuses an index of another layout version, naming both versions', () => {
    const at = offsets(core).version;
    expect(core[at]).toBe(2);
    expect(refusal(changed(at, [1]))).toBe(
      'its search index was built by another version of the toolkit (index format 1; this version reads format 2). Import the pack again to index it with this version.',
    );
  });

  it('refuses an index made with another analyzer or other BM25 parameters', () => {
    const { analyzer, b } = offsets(core);
    expect(new TextDecoder().decode(core.subarray(analyzer + 1, analyzer + 3))).toBe('en');
    const setup =
      'its search index was built with another search setup (language, fields or ranking) than this version of the toolkit uses. Import the pack again to index it with this version.';
    expect(refusal(changed(analyzer + 1, [...new TextEncoder().encode('fr')]))).toBe(setup);
    // b = 0.5 is stored as 500 (0xf4 0x03); 0.75, lunr's default, as 750 (0xee 0x05).
    expect([core[b], core[b + 1]]).toEqual([0xf4, 0x03]);
    expect(refusal(changed(b, [0xee, 0x05]))).toBe(setup);
  });

  it('refuses a damaged index, saying what is damaged', () => {
    expect(refusal(core.subarray(0, core.length - 7))).toMatch(
      /^its search index is damaged \(search index core fragment .+\)\. Import the pack again\.$/,
    );
    expect(refusal(changed(0, [0, 0, 0]))).toBe(
      'its search index is damaged (not a search index file). Import the pack again.',
    );
    expect(refusal(new Uint8Array())).toMatch(/^its search index is damaged \(/);
  });

  it("refuses an index of other documents than the collection's", () => {
    const message = "its search index does not index the pack's documents. Import the pack again.";
    expect(refusal(core, ids.slice(1))).toBe(message);
    expect(refusal(core, [...ids.slice(1), 'testville--other'])).toBe(message);
  });
});
