/**
 * A participant of a workshop room as a phone would be: Node's fetch on the room's join address,
 * through the room's real participant API (core/room/protocol.ts).
 */
import type { JoinAnswer, RoomQuestion } from '../../../renderer/src/core/room/protocol';

/** A poll the tests make current. */
export const POLL: RoomQuestion = {
  id: 'b1-first-step',
  kind: 'poll',
  prompt: 'Which step comes first?',
  options: [
    { id: 'o1', label: 'An inventory of our records' },
    { id: 'o2', label: 'A council briefing' },
  ],
  dots: 1,
};

/** Posts JSON to the room's participant API; `token` goes in the Authorization header. */
export function post(joinUrl: string, path: string, body: unknown, token?: string) {
  return fetch(new URL(path, joinUrl), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
}

/** Joins with the code and a name; throws unless the room let the participant in. */
export async function join(joinUrl: string, code: string, name: string): Promise<JoinAnswer> {
  const response = await post(joinUrl, '/api/join', { code, name });
  if (response.status !== 200) throw new Error(`join answered ${response.status}`);
  return (await response.json()) as JoinAnswer;
}

/** True once nothing answers on the address any more (the room's server is closed). */
export async function isUnreachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return false;
  } catch {
    return true;
  }
}
