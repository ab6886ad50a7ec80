import { messageOf } from '../../core/common/errorMessage';
import { messageRef } from '../../core/common/messageRef';
import { ProblemError } from '../../core/common/ProblemError';
import { ANALYZER_ID } from '../../core/search/analyzer';
import { ByteReader } from '../../core/search/layout/bytes';
import { BM25 } from '../../core/search/layout/buildSegment';
import { BOOST_SCALE, FORMAT_VERSION, MAGIC } from '../../core/search/layout/format';
import { Segment } from '../../core/search/layout/segment';
import { SEARCH_FIELDS } from '../../core/search/searchFields';
import { wordError } from '../common/i18n/wordMessage';

/**
 * Opens the `core` fragment of a collection's stored search index (a content pack's, built when
 * it was imported, maybe by another version of the app) and checks that this app can rank it with
 * the bundled library's: the same layout version, analyzer, fields, field boosts and BM25
 * parameters as this app builds (`buildSegment`), and exactly the collection's documents. A
 * segment that fails any of these would make `SearchEngine.open` refuse every segment, so the
 * collection is left out instead (and the Content packs page says why).
 *
 * Throws a `ProblemError` worded for the Content packs page ("This pack could not be read...:
 * <reason>").
 */
export function openCheckedSegment(core: Uint8Array, docIds: readonly string[]): Segment {
  const header = new ByteReader(core, 'search index core fragment');
  let magic: number;
  let version: number;
  try {
    magic = header.uint();
    version = header.uint();
  } catch (error) {
    throw damaged(messageOf(error));
  }
  if (magic !== MAGIC) throw damaged('not a search index file');
  if (version !== FORMAT_VERSION)
    throw new ProblemError(
      'SearchIndexError',
      messageRef('content:errors.indexFormat', { found: version, expected: FORMAT_VERSION }),
    );
  let segment: Segment;
  try {
    segment = new Segment(core);
  } catch (error) {
    throw damaged(messageOf(error));
  }
  if (!sameSetup(segment))
    throw new ProblemError('SearchIndexError', messageRef('content:errors.indexSetup'));
  if (!sameIds(segment.docIds, docIds))
    throw new ProblemError('SearchIndexError', messageRef('content:errors.indexDocuments'));
  return segment;
}

function damaged(detail: string): ProblemError {
  return new ProblemError(
    'SearchIndexError',
    messageRef('content:errors.indexDamaged', { detail }),
  );
}

/**
 * Why a collection's lazy index fragment (`positions`, `lexicon`) could not be used, worded as
 * `openCheckedSegment`'s refusals are: the file is missing or unreadable, cut short, or belongs to
 * another build of the index (`Segment.attach` checks its header and fingerprint against the core).
 * These fragments are read when a query first needs them, not when the pack is.
 */
export function unusableFragment(error: unknown): ProblemError {
  return damaged(wordError(error));
}

/** What `buildSegment` of this app writes; boosts compared as stored (in thousandths). */
function sameSetup(segment: Segment): boolean {
  const scaled = (value: number) => Math.round(value * BOOST_SCALE);
  return (
    segment.analyzer === ANALYZER_ID &&
    segment.fieldNames.length === SEARCH_FIELDS.length &&
    SEARCH_FIELDS.every(
      (field, i) =>
        segment.fieldNames[i] === field.name &&
        scaled(segment.fieldBoosts[i] as number) === scaled(field.boost),
    ) &&
    scaled(segment.k1) === scaled(BM25.k1) &&
    scaled(segment.b) === scaled(BM25.b)
  );
}

function sameIds(indexed: readonly string[], expected: readonly string[]): boolean {
  if (indexed.length !== expected.length) return false;
  const wanted = new Set(expected);
  return wanted.size === indexed.length && indexed.every((id) => wanted.has(id));
}
