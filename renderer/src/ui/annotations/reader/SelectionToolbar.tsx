import { useTranslation } from 'react-i18next';
import { MEANINGS, type Meaning } from '../../../core/annotations';
import type { ArticleSelection } from './useArticleSelection';

/** Room kept between the selection and the toolbar, and from the window's edges. */
const GAP = 8;
const TOOLBAR_WIDTH = 320;
/** About two rows of buttons: the toolbar's height when it wraps in a narrow window. */
const TOOLBAR_HEIGHT = 88;

export interface SelectionToolbarProps {
  selection: ArticleSelection;
  onChoose: (meaning: Meaning) => void;
}

/**
 * "Highlight as: Important / Question / Idea for us / Concern", shown just below the selected
 * text (above it when there is no room below). Pressing a button must not clear the selection, so
 * the buttons do not take focus on mouse down; keyboard users reach them with Tab as usual.
 */
export function SelectionToolbar({ selection, onChoose }: SelectionToolbarProps) {
  const { t } = useTranslation('annotations');
  const { rect } = selection;
  const below = rect.bottom + GAP;
  const above = rect.top - GAP - TOOLBAR_HEIGHT;
  const wanted = below + TOOLBAR_HEIGHT < window.innerHeight ? below : above;
  // Kept inside the window even when the selection has scrolled out of view.
  const top = Math.min(Math.max(GAP, wanted), window.innerHeight - TOOLBAR_HEIGHT - GAP);
  const left = Math.min(
    Math.max(GAP, rect.left),
    Math.max(GAP, window.innerWidth - TOOLBAR_WIDTH - GAP),
  );
  return (
    <div
      className="anno-toolbar"
      role="group"
      aria-label={t('toolbar.label')}
      style={{ top, left }}
    >
      <span className="anno-toolbar__label" aria-hidden="true">
        {t('toolbar.highlightAs')}
      </span>
      {MEANINGS.map((meaning) => (
        <button
          key={meaning}
          type="button"
          className={`anno-toolbar__button anno-meaning--${meaning}`}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(meaning)}
        >
          <span className="anno-meaning__swatch" aria-hidden="true" />
          {t(`meaning.${meaning}`)}
        </button>
      ))}
    </div>
  );
}
