import { z } from 'zod';
import { sessionSchema, type WorkshopSession } from '../../../core/workshops/schema';
import { RECORD_ID_PATTERN } from '../../../core/common/recordIds';

/**
 * Messages between the audience view and the presenter view of one presentation, over
 * `BroadcastChannel(presentChannelName(id))`. Any page of the same origin can post on a channel,
 * so every message is parsed from `unknown` and anything that does not fit is ignored.
 */

/** The channel of a workshop's presentation. */
export function presentChannelName(workshopId: string): string {
  return `onmuni-present-${workshopId}`;
}

/** Where a presentation stands; both windows hold the same one. */
export interface PresentState {
  /** The slide shown (0-based). */
  slide: number;
  /** Whether the audience screen shows the captured notes and votes. */
  showCapture: boolean;
  /**
   * Whether the screen shows the whole document the current slide comes from ("Show the full
   * document") instead of the slide. Moving to another slide turns it off.
   */
  showDocument: boolean;
  /** The recorded session this presentation adds notes and votes to. */
  sessionId: string;
  /** When the presentation started (ms since 1970), for the session's elapsed time. */
  startedAt: number;
  /** When the current block was entered (ms since 1970), for pacing. */
  blockStartedAt: number;
}

const windowId = z.string().regex(RECORD_ID_PATTERN);
const epochMs = z.number().int().min(0).max(8.64e15);

const presentStateSchema = z.strictObject({
  slide: z.number().int().min(0).max(100_000),
  showCapture: z.boolean(),
  showDocument: z.boolean(),
  sessionId: z.string().regex(RECORD_ID_PATTERN),
  startedAt: epochMs,
  blockStartedAt: epochMs,
});

const messageSchema = z.discriminatedUnion('type', [
  /** A window that just opened asks the others where the presentation stands. */
  z.strictObject({ v: z.literal(1), type: z.literal('hello'), from: windowId }),
  /** The sender's state after a change (or in answer to hello). */
  z.strictObject({
    v: z.literal(1),
    type: z.literal('state'),
    from: windowId,
    state: presentStateSchema,
  }),
  /** The recorded session after the sender added a note or a dot (already saved by the sender). */
  z.strictObject({
    v: z.literal(1),
    type: z.literal('session'),
    from: windowId,
    session: sessionSchema,
  }),
]);

/** One message of the presentation channel. */
export type PresentMessage =
  | { v: 1; type: 'hello'; from: string }
  | { v: 1; type: 'state'; from: string; state: PresentState }
  | { v: 1; type: 'session'; from: string; session: WorkshopSession };

/** A message parsed from untrusted data, or null when it is not one of ours. */
export function parsePresentMessage(data: unknown): PresentMessage | null {
  const result = messageSchema.safeParse(data);
  return result.success ? result.data : null;
}

/** Keeps a slide number inside a deck of `count` slides. */
export function clampSlide(slide: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(0, Math.trunc(slide)), count - 1);
}
