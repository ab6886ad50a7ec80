import { useTranslation } from 'react-i18next';
import type { Slide, SlideSource } from '../../../core/workshops/slides';
import { slideSourceFinder, type DocumentsById } from '../../../core/workshops/workshopModel';
import { Markdown } from '../Markdown';
import type { Presentation } from './usePresentation';

/**
 * The document a slide comes from, when it is in the library: what "Show the full document"
 * shows. Slides made from a document carry its id (`docId`); other slides have none.
 */
export function documentOfSlide(
  slide: Slide | undefined,
  documents: DocumentsById,
): SlideSource | null {
  if (!slide?.docId) return null;
  return slideSourceFinder(documents)(slide.docId) ?? null;
}

export interface FullDocumentViewProps {
  source: SlideSource;
  /** The heading level of the document's title (2 on the audience screen, 3 in a preview). */
  level?: 2 | 3;
  /**
   * A preview in a box of its own (the presenter view): the text scrolls inside the region, which
   * then takes keyboard focus so it can be scrolled without a mouse.
   */
  boxed?: boolean;
}

/**
 * The whole text of a document in the slides' type, on demand: a deck shows a document as one or
 * two slides, and the trainer may need the rest. The audience screen scrolls it as a page.
 */
export function FullDocumentView({ source, level = 2, boxed = false }: FullDocumentViewProps) {
  const { t } = useTranslation('workshops');
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section
      role="region"
      aria-label={t('present.fullDocument.label', { title: source.title })}
      className={`slide full-document${boxed ? ' full-document--boxed' : ''}`}
      tabIndex={boxed ? 0 : undefined}
    >
      <Heading className="slide__title">{source.title}</Heading>
      <Markdown
        markdown={source.body}
        docId={source.id}
        className="slide__body slide__body--full-document"
      />
    </section>
  );
}

/**
 * "Show the full document" and, while it is shown, "Back to the slide": for a slide made from a
 * document only. Either window may press it; both show the same.
 */
export function FullDocumentToggle({ presentation }: { presentation: Presentation }) {
  const { t } = useTranslation('workshops');
  const shown = presentation.state.showDocument;
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => presentation.setShowDocument(!shown)}
    >
      {shown ? t('present.fullDocument.back') : t('present.fullDocument.show')}
    </button>
  );
}
