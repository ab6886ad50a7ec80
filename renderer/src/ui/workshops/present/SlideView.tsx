import type { Slide } from '../../../core/workshops/slides';
import { Markdown } from '../Markdown';

export interface SlideViewProps {
  slide: Slide;
  /** The workshop id: the "document" of block text (title and activity slides). */
  workshopId: string;
  /** The heading level of the slide title (2 in the audience view, 3 in the presenter's previews). */
  level?: 2 | 3;
}

/** A slide's title and its Markdown, rendered through the app's sanitising pipeline. */
export function SlideView({ slide, workshopId, level = 2 }: SlideViewProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <>
      <Heading className="slide__title">{slide.title}</Heading>
      {slide.markdown !== '' && (
        <Markdown
          markdown={slide.markdown}
          docId={slide.docId ?? workshopId}
          className={`slide__body slide__body--${slide.kind}`}
        />
      )}
    </>
  );
}
