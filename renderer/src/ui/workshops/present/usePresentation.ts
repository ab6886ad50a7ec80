import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newSessionId, type SessionId } from '../../../core/workshops/ids';
import type {
  WorkshopRef,
  WorkshopSession,
  WorkshopsDatabase,
} from '../../../core/workshops/schema';
import { startSession } from '../../../core/workshops/sessionOperations';
import { buildSlides, type SlideDeck } from '../../../core/workshops/slides';
import {
  clampSlide,
  parsePresentMessage,
  presentChannelName,
  type PresentMessage,
  type PresentState,
} from './presentSync';
import {
  slideSourceFinder,
  type DocumentsById,
  type WorkshopView,
} from '../../../core/workshops/workshopModel';
import type { WorkshopsSession } from '../workshopsSession';
import { slideWords } from '../exportWords';
import { wordError } from '../../common/i18n/wordMessage';

/**
 * A presentation as both views drive it. Its actions are functions, not methods: callbacks that
 * need no `this`, so a view may hand them to a control as they are.
 */
export interface Presentation {
  deck: SlideDeck;
  state: PresentState;
  /** The recorded session, once a note or vote has been taken. */
  recorded: WorkshopSession | null;
  go: (slide: number) => void;
  step: (delta: number) => void;
  /** To the first slide of the next (+1) or previous (-1) block. */
  stepBlock: (delta: 1 | -1) => void;
  setShowCapture: (show: boolean) => void;
  /** Shows the whole document the current slide comes from, or the slide again. */
  setShowDocument: (show: boolean) => void;
  /**
   * Records a capture: starts the session in the store on first use, runs the operation, then
   * tells the other window. Returns what went wrong, or null.
   */
  record: (
    operation: (db: WorkshopsDatabase, sessionId: SessionId) => WorkshopsDatabase,
  ) => string | null;
}

function sameWorkshop(session: WorkshopSession, b: WorkshopRef): boolean {
  const a = session.workshop;
  return a.kind === 'bundled'
    ? b.kind === 'bundled' && a.docId === b.docId
    : b.kind === 'user' && a.id === b.id;
}

/**
 * The slides of a workshop and where the presentation stands, kept the same in every window of
 * the presentation (audience and presenter) through a BroadcastChannel: moving in either moves
 * both. Messages are validated; anything else on the channel is ignored.
 */
export function usePresentation(
  workshop: WorkshopView,
  documents: DocumentsById,
  store: WorkshopsSession,
  db: WorkshopsDatabase,
  sessionId: string | null,
): Presentation {
  const [state, setState] = useState<PresentState>(() => {
    const now = Date.now();
    return {
      slide: 0,
      showCapture: false,
      showDocument: false,
      sessionId: sessionId ?? newSessionId(),
      startedAt: now,
      blockStartedAt: now,
    };
  });
  const current = useRef(state);
  const workshopRef = useRef(workshop.ref);
  useEffect(() => {
    workshopRef.current = workshop.ref;
  }, [workshop.ref]);
  const channel = useRef<BroadcastChannel | null>(null);
  const windowId = useMemo(() => newSessionId().replace('session-', 'w-'), []);

  // Slides carry words (a block's length, "(continued)"): `t` changes with the language.
  const { t } = useTranslation('workshops');
  const deck = useMemo(
    () => buildSlides(workshop.blocks, slideSourceFinder(documents), slideWords(t)),
    [workshop.blocks, documents, t],
  );

  const post = useCallback((message: PresentMessage) => {
    channel.current?.postMessage(message);
  }, []);

  const commit = useCallback(
    (next: PresentState) => {
      current.current = next;
      setState(next);
      post({ v: 1, type: 'state', from: windowId, state: next });
    },
    [post, windowId],
  );

  useEffect(() => {
    const bc = new BroadcastChannel(presentChannelName(workshop.id));
    channel.current = bc;
    bc.onmessage = (event: MessageEvent) => {
      const message = parsePresentMessage(event.data);
      if (!message || message.from === windowId) return;
      if (message.type === 'hello')
        bc.postMessage({ v: 1, type: 'state', from: windowId, state: current.current });
      else if (message.type === 'state') {
        current.current = message.state;
        setState(message.state);
      } else if (sameWorkshop(message.session, workshopRef.current))
        store.adoptSession(message.session);
    };
    bc.postMessage({ v: 1, type: 'hello', from: windowId } satisfies PresentMessage);
    return () => {
      bc.close();
      channel.current = null;
    };
  }, [workshop.id, windowId, store]);

  const go = useCallback(
    (slide: number) => {
      const was = current.current;
      const slides = deck.slides;
      const to = clampSlide(slide, slides.length);
      if (to === was.slide) return;
      const newBlock = slides[to]?.blockIndex !== slides[was.slide]?.blockIndex;
      // The full document belongs to the slide it was opened from: another slide shows itself.
      commit({
        ...was,
        slide: to,
        showDocument: false,
        blockStartedAt: newBlock ? Date.now() : was.blockStartedAt,
      });
    },
    [commit, deck],
  );

  const step = useCallback((delta: number) => go(current.current.slide + delta), [go]);

  const stepBlock = useCallback(
    (delta: 1 | -1) => {
      const slides = deck.slides;
      const here = slides[current.current.slide]?.blockIndex ?? 0;
      const target = here + delta;
      const index = slides.findIndex((s) => s.blockIndex === target);
      if (index !== -1) go(index);
      else go(delta === 1 ? slides.length - 1 : 0);
    },
    [go, deck],
  );

  const setShowCapture = useCallback(
    (show: boolean) => commit({ ...current.current, showCapture: show }),
    [commit],
  );

  const setShowDocument = useCallback(
    (show: boolean) => commit({ ...current.current, showDocument: show }),
    [commit],
  );

  const record = useCallback(
    (operation: (db: WorkshopsDatabase, id: SessionId) => WorkshopsDatabase) => {
      const id = current.current.sessionId as SessionId;
      const outcome = store.apply((db) => {
        const started = db.sessions.some((s) => s.id === id)
          ? db
          : startSession(db, workshop.ref, workshop.title, id).db;
        return operation(started, id);
      });
      if (!outcome.ok) return wordError(outcome.refusal);
      const saved = outcome.result.sessions.find((s) => s.id === id);
      if (saved) post({ v: 1, type: 'session', from: windowId, session: saved });
      return null;
    },
    [store, workshop, post, windowId],
  );

  const recorded = db.sessions.find((s) => s.id === state.sessionId) ?? null;
  const shown: PresentState = { ...state, slide: clampSlide(state.slide, deck.slides.length) };
  return {
    deck,
    state: shown,
    recorded,
    go,
    step,
    stepBlock,
    setShowCapture,
    setShowDocument,
    record,
  };
}
