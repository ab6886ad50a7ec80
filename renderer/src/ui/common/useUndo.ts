import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Something that was just deleted (or replaced) and can be put back. */
export interface UndoOffer {
  /** What happened, e.g. `Deleted the task “Name a lead”.` */
  message: string;
  /** Puts it back; may return an error message when that is no longer possible. */
  undo: () => string | null | undefined;
}

/** A screen's undo state: what `useUndo` returns. */
export type Undo = ReturnType<typeof useUndo>;

/**
 * The current undo offer of a screen, and ways to make, take up or clear it. `doneText` is what
 * the status says once an undo worked.
 */
export function useUndo(doneText?: string) {
  const { t } = useTranslation('common');
  const done = doneText ?? t('undo.done');
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  const [result, setResult] = useState('');
  const offerUndo = useCallback((next: UndoOffer) => {
    setResult('');
    setOffer(next);
  }, []);
  const runUndo = useCallback(() => {
    if (!offer) return;
    const problem = offer.undo();
    setOffer(null);
    setResult(problem ?? done);
  }, [offer, done]);
  const dismiss = useCallback(() => setOffer(null), []);
  return { offer, result, offerUndo, runUndo, dismiss };
}
