import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ANONYMOUS_NUMBER,
  type PresenterCommand,
  type QuestionResults,
  type RoomInterface,
  type RoomQuestion,
} from '../../../core/room/protocol';
import type { RoomHost } from '../../../core/room/roomHost';
import { newRoomRun } from '../../../core/workshops/roomCapture';
import { t } from '../../common/i18n/i18n';
import { CLOSED_ROOM, nextRoomState, type PresenterAction, type RoomState } from './roomState';

/** How writing results into the capture went: written (perhaps with a notice), or not. */
export interface CaptureOutcome {
  written: boolean;
  /** What did not fit, or why nothing was written; null when all went in. */
  message: string | null;
}

/**
 * Writes a question's results from one run of the room (one opening) into the session capture.
 * Called with the same question again when its results changed since (a note hidden after
 * closing), so the operation behind it must replace what it wrote before.
 */
export type CaptureResults = (
  question: RoomQuestion,
  results: QuestionResults,
  run: string,
) => CaptureOutcome;

export interface Room {
  state: RoomState;
  /** This machine's interfaces (loopback first); null while they are being read. */
  interfaces: RoomInterface[] | null;
  /** What the room or the host refused last (its message), or null. */
  problem: string | null;
  /** How the last write of results into the capture went, when it has something to say. */
  capture: CaptureOutcome | null;
  open: (address: string) => void;
  close: () => void;
  /** Makes a question current (null: none), after writing the current one's results. */
  ask: (question: RoomQuestion | null) => void;
  closeQuestion: () => void;
  hideNote: (noteId: string, hidden: boolean) => void;
}

/** Results worth a capture: someone voted or wrote something. */
const answered = (results: QuestionResults) => results.voters > 0 || results.notes.length > 0;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The presenter's side of the room: its state from the host's RoomEvents, the commands, and the
 * moments results go into the capture: when a question is closed (the room's closed results, and
 * again should they change), when another question is made current, and when the room closes (then
 * the latest results the room sent). A room still open when the presenter view goes is closed, so
 * no server runs on with nobody to close it.
 */
export function useRoom(
  host: RoomHost | null,
  capture: CaptureResults,
  questions: readonly RoomQuestion[],
): Room {
  const [state, setState] = useState<RoomState>(CLOSED_ROOM);
  const [interfaces, setInterfaces] = useState<RoomInterface[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [captured, setCaptured] = useState<CaptureOutcome | null>(null);
  const stateRef = useRef(state);
  const captureRef = useRef(capture);
  const questionsRef = useRef(questions);
  useEffect(() => {
    captureRef.current = capture;
    questionsRef.current = questions;
  }, [capture, questions]);
  /** Questions asked, by id (the capture needs their options' labels). */
  const asked = useRef(new Map<string, RoomQuestion>());
  /** What was last written into the capture per question, to write only what changed. */
  const written = useRef(new Map<string, string>());
  /** This opening of the room: the capture keeps each run's results apart. */
  const run = useRef(newRoomRun());

  const update = useCallback((input: Parameters<typeof nextRoomState>[1]) => {
    stateRef.current = nextRoomState(stateRef.current, input);
    setState(stateRef.current);
  }, []);

  const write = useCallback((results: QuestionResults | undefined) => {
    const question = results && asked.current.get(results.questionId);
    if (!results || !question || !answered(results)) return;
    const key = JSON.stringify(results);
    if (written.current.get(results.questionId) === key) return;
    const outcome = captureRef.current(question, results, run.current);
    if (outcome.written) written.current.set(results.questionId, key);
    setCaptured(outcome.message === null ? null : outcome);
  }, []);

  /** Writes the current question's latest results (when it is left or the room stops). */
  const writeCurrent = useCallback(() => {
    const { current, results } = stateRef.current;
    if (current) write(results[current.id]);
  }, [write]);

  useEffect(() => {
    if (!host || host.available !== true) return;
    let live = true;
    host.interfaces().then(
      (list) => live && setInterfaces(list),
      (error: unknown) => {
        if (!live) return;
        setInterfaces([]);
        setProblem(messageOf(error));
      },
    );
    const stop = host.subscribe((event) => {
      if (event.type === 'closed') writeCurrent();
      update(event);
      // A room this view did not open here (the browser edition tells a reloaded page what is
      // open): its current question is one of the workshop's, so it is shown and captured too.
      const currentId = event.type === 'results' ? event.current?.questionId : undefined;
      if (currentId !== undefined && stateRef.current.current?.id !== currentId) {
        const question = questionsRef.current.find((q) => q.id === currentId);
        if (question) {
          asked.current.set(question.id, question);
          update({ type: 'asked', question });
        }
      }
      if (event.type === 'results' && event.current?.closed) write(event.current);
    });
    return () => {
      live = false;
      stop();
      const phase = stateRef.current.phase;
      if (phase === 'open' || phase === 'opening') {
        writeCurrent();
        host.send({ type: 'close' }).catch(() => undefined);
      }
    };
  }, [host, update, write, writeCurrent]);

  const send = useCallback(
    async (command: PresenterCommand, undo?: PresenterAction) => {
      if (!host) return false;
      try {
        await host.send(command);
        setProblem(null);
        return true;
      } catch (error) {
        setProblem(messageOf(error));
        if (undo) update(undo);
        return false;
      }
    },
    [host, update],
  );

  const open = useCallback(
    (address: string) => {
      asked.current.clear();
      written.current.clear();
      run.current = newRoomRun();
      setCaptured(null);
      update({ type: 'opening' });
      // The catalogue's template itself, the number left for the room to fill in: the name the
      // participant's own page gives them, in the presenter's language.
      const anonymousName = t('room:participant.join.anonymousName', { number: ANONYMOUS_NUMBER });
      void send({ type: 'open', address, anonymousName }, { type: 'phase', phase: 'closed' });
    },
    [send, update],
  );

  const close = useCallback(() => {
    writeCurrent();
    update({ type: 'phase', phase: 'closing' });
    void send({ type: 'close' }, { type: 'phase', phase: 'open' });
  }, [send, update, writeCurrent]);

  const ask = useCallback(
    (question: RoomQuestion | null) => {
      writeCurrent();
      if (question) asked.current.set(question.id, question);
      void send({ type: 'question', question }).then((ok) => {
        if (ok) update({ type: 'asked', question });
      });
    },
    [send, update, writeCurrent],
  );

  const closeQuestion = useCallback(() => {
    // The room answers with the question's closed results, which are then written.
    void send({ type: 'close-question' });
  }, [send]);

  const hideNote = useCallback(
    (noteId: string, hidden: boolean) => void send({ type: 'hide-note', noteId, hidden }),
    [send],
  );

  return {
    state,
    interfaces,
    problem,
    capture: captured,
    open,
    close,
    ask,
    closeQuestion,
    hideNote,
  };
}
