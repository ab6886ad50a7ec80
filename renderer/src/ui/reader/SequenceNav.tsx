import { useTranslation } from 'react-i18next';
import { documentRoute } from '../../core/markdown/linkPolicy';
import { typeLabel } from '../content/contentLabels';
import { ContentText, useLangMark } from '../content/ContentText';
import { contentLanguageOf } from '../content/languageOverlay';
import type { Neighbours } from './sequence';

/**
 * Previous and next along an ordered path (the guide's steps, the recommendations). A labelled
 * navigation landmark, so screen reader users can find it from the landmarks list.
 */
export function SequenceNav({ neighbours }: { neighbours: Neighbours | null }) {
  const { t } = useTranslation('reader');
  const mark = useLangMark();
  if (!neighbours || (!neighbours.previous && !neighbours.next)) return null;
  const { previous, next, pathType } = neighbours;
  return (
    // The path is named as the library names the group: "How-to guide", "Recommendations".
    <nav aria-label={typeLabel(pathType, 'many')} className="reader-sequence">
      {previous && (
        <a
          className="reader-sequence__link reader-sequence__link--previous"
          href={documentRoute(previous.id)}
          rel="prev"
        >
          <span className="reader-sequence__label">{t('sequence.previous')}</span>
          <span className="reader-sequence__title" lang={mark(contentLanguageOf(previous))}>
            <ContentText text={previous.title} />
          </span>
        </a>
      )}
      {next && (
        <a
          className="reader-sequence__link reader-sequence__link--next"
          href={documentRoute(next.id)}
          rel="next"
        >
          <span className="reader-sequence__label">{t('sequence.next')}</span>
          <span className="reader-sequence__title" lang={mark(contentLanguageOf(next))}>
            <ContentText text={next.title} />
          </span>
        </a>
      )}
    </nav>
  );
}
