import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { stripEnglishSpans } from '../../core/markdown/englishSpanText';
import { t } from '../common/i18n/i18n';

/** What a glossary term's tooltip shows. */
export interface Definition {
  term: string;
  definition: string;
  /** The entry's language, when it is not the interface's (an entry with no French version). */
  lang?: string | undefined;
}

/** The tooltip being shown: which term, what it says, and where the term is. */
export interface ShownTooltip extends Definition {
  termId: string;
  /** The term's box, relative to the positioned reader container. */
  anchor: { top: number; bottom: number; left: number };
}

/** Long enough to move the pointer from the term onto the tooltip without it vanishing. */
const HIDE_DELAY_MS = 250;

function termOf(target: EventTarget | null, body: HTMLElement): HTMLAnchorElement | null {
  if (!(target instanceof Element)) return null;
  const term = target.closest<HTMLAnchorElement>('a.glossary-term[data-term]');
  return term && body.contains(term) ? term : null;
}

/**
 * Shows a glossary term's definition on hover and on keyboard focus, by event delegation on the
 * rendered body (the terms are `a.glossary-term[data-term]` links made by the Markdown pipeline).
 *
 * Why this way: the usual pattern, `aria-describedby` on the term pointing at the tooltip, would
 * mean editing the sanitised HTML, which nothing may do. So the tooltip (role="tooltip") is one
 * element outside the body, and on keyboard focus the definition is also said through the
 * reader's polite live region, so screen reader users hear it right after the link's name. It
 * stays while the pointer is over the term or the tooltip, and Escape dismisses it (WCAG 1.4.13).
 */
export function useGlossaryTooltip(
  container: RefObject<HTMLElement | null>,
  body: RefObject<HTMLElement | null>,
  ready: boolean,
  definitionFor: (termId: string) => Definition | null,
  announce: (text: string) => void,
) {
  const [shown, setShown] = useState<ShownTooltip | null>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const cancelHide = useCallback(() => {
    if (hideTimer.current !== null) clearTimeout(hideTimer.current);
    hideTimer.current = null;
  }, []);
  const hideSoon = useCallback(() => {
    cancelHide();
    hideTimer.current = setTimeout(() => setShown(null), HIDE_DELAY_MS);
  }, [cancelHide]);

  useEffect(() => {
    const root = body.current;
    if (!ready || !root) return;
    const show = (term: HTMLAnchorElement, speak: boolean) => {
      const termId = term.dataset.term ?? '';
      const definition = definitionFor(termId);
      const box = container.current?.getBoundingClientRect();
      if (!definition || !box) return;
      cancelHide();
      const rect = term.getBoundingClientRect();
      setShown({
        termId,
        ...definition,
        anchor: {
          top: rect.top - box.top,
          bottom: rect.bottom - box.top,
          left: rect.left - box.left,
        },
      });
      if (speak)
        announce(
          t('reader:glossaryAnnounced', {
            term: definition.term,
            definition: stripEnglishSpans(definition.definition),
          }),
        );
    };
    const onOver = (event: MouseEvent) => {
      const term = termOf(event.target, root);
      if (term) show(term, false);
    };
    const onOut = (event: MouseEvent) => {
      const term = termOf(event.target, root);
      if (term && !term.contains(event.relatedTarget as Node | null)) hideSoon();
    };
    const onFocusIn = (event: FocusEvent) => {
      const term = termOf(event.target, root);
      if (term) show(term, true);
    };
    const onFocusOut = (event: FocusEvent) => {
      if (termOf(event.target, root)) setShown(null);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setShown(null);
    };
    root.addEventListener('mouseover', onOver);
    root.addEventListener('mouseout', onOut);
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('focusout', onFocusOut);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      cancelHide();
      root.removeEventListener('mouseover', onOver);
      root.removeEventListener('mouseout', onOut);
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [container, body, ready, definitionFor, announce, cancelHide, hideSoon]);

  return { shown, keepOpen: cancelHide, hideSoon };
}
