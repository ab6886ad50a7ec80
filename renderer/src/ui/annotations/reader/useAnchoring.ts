import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  anchorAtPosition,
  anchoringItemOf,
  assembleOutcome,
  contentVersion,
  quoteOf,
  type AnchorFinding,
  type AnchoringOutcome,
  type Annotation,
} from '../../../core/annotations';
import { AnchoringCache } from '../../../core/annotations/anchoring/anchoringCache';
import { unitsFor, WorkMeter } from '../../../core/annotations/anchoring/workMeter';
import type { DocId } from '../../../core/content/ids';
import { findInWorker } from './anchoringClient';

/**
 * Findings remembered for the whole session (every reader shares them), so opening a document
 * again, or any change to one annotation, looks for nothing that was already found.
 */
const cache = new AnchoringCache();

/**
 * Work the page itself may do per change, checking recorded positions only: a few milliseconds.
 * That covers a new, edited or re-attached highlight at once (its list item never disappears
 * while a worker answers, so focus stays where it was), and every highlight on unchanged text.
 */
const POSITION_CHECKS_BUDGET = 100_000;

export interface AnchoringState {
  /** Null until the text is read; then what is known so far. */
  outcome: AnchoringOutcome | null;
  /** Annotations still being looked for, off the main thread. */
  pending: number;
  /** Looks again for the annotations the last run had no budget left for; null if none. */
  lookAgain: (() => void) | null;
}

/**
 * Anchors a document's annotations: from the session's cache, else by their recorded position
 * on the page (cheap, bounded), else in the anchoring worker, whose answer is ignored if the
 * document, its text or its annotations changed meanwhile.
 */
export function useAnchoring(
  docId: DocId,
  text: string | null,
  annotations: readonly Annotation[] | null,
): AnchoringState {
  // Bumped when the worker's findings are in the cache, to assemble the outcome again.
  const [arrivals, setArrivals] = useState(0);
  const version = useMemo(() => (text === null ? null : contentVersion(text)), [text]);

  const known = useMemo(
    () => (version === null ? null : cache.forText(docId, version)),
    [docId, version],
  );
  const assembled = useMemo(() => {
    if (text === null || version === null || known === null || annotations === null) return null;
    void arrivals; // a dependency: new findings are in `known`
    const meter = new WorkMeter(POSITION_CHECKS_BUDGET);
    const findingOf = (annotation: Annotation): AnchorFinding | undefined => {
      const remembered = known.get(annotation);
      if (remembered) return remembered;
      const cost = unitsFor(quoteOf(annotation).length);
      if (!meter.canAfford(cost)) return undefined;
      meter.spend(cost);
      const found = anchorAtPosition(text, annotation.target.selector);
      if (!found) return undefined;
      const finding: AnchorFinding = { status: 'anchored', ...found };
      known.set(annotation, finding);
      return finding;
    };
    return assembleOutcome(annotations, findingOf, version);
  }, [text, version, known, annotations, arrivals]);

  useEffect(() => {
    if (!assembled || !known || text === null || assembled.pending.length === 0) return;
    const { pending } = assembled;
    const job = findInWorker(text, pending.map(anchoringItemOf));
    let current = true;
    void job.done.then((findings) => {
      if (!current || !findings) return;
      pending.forEach((annotation, i) => {
        const finding = findings[i];
        if (finding) known.set(annotation, finding);
      });
      setArrivals((n) => n + 1);
    });
    return () => {
      current = false;
      job.cancel();
    };
  }, [assembled, known, text]);

  const unsearched = assembled?.outcome.orphaned.some((o) => o.reason === 'not-searched') ?? false;
  const lookAgain = useCallback(() => {
    known?.forgetNotSearched();
    setArrivals((n) => n + 1);
  }, [known]);

  return {
    outcome: assembled?.outcome ?? null,
    pending: assembled?.pending.length ?? 0,
    lookAgain: unsearched ? lookAgain : null,
  };
}
