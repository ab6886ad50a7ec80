import { documentRoute } from '../../core/markdown/linkPolicy';
import type { Neighbours } from './sequence';

/**
 * Previous and next along an ordered path (the guide's steps, the recommendations). A labelled
 * navigation landmark, so screen reader users can find it from the landmarks list.
 */
export function SequenceNav({ neighbours }: { neighbours: Neighbours | null }) {
  if (!neighbours || (!neighbours.previous && !neighbours.next)) return null;
  const { previous, next, pathName } = neighbours;
  return (
    <nav aria-label={pathName} className="reader-sequence">
      {previous && (
        <a
          className="reader-sequence__link reader-sequence__link--previous"
          href={documentRoute(previous.id)}
          rel="prev"
        >
          <span className="reader-sequence__label">Previous</span>
          <span className="reader-sequence__title">{previous.title}</span>
        </a>
      )}
      {next && (
        <a
          className="reader-sequence__link reader-sequence__link--next"
          href={documentRoute(next.id)}
          rel="next"
        >
          <span className="reader-sequence__label">Next</span>
          <span className="reader-sequence__title">{next.title}</span>
        </a>
      )}
    </nav>
  );
}
