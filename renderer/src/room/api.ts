/**
 * The participant page's requests to the room server (protocol.ts describes them). Each answer
 * is either ok or the server's error code, so the page can word every refusal; a request that
 * never reached the room is `unreachable`.
 */
import type {
  JoinAnswer,
  JoinRequest,
  NoteRequest,
  ParticipantState,
  RoomErrorCode,
  UpvoteRequest,
  VoteRequest,
} from '../core/room/protocol';

export type Failure = RoomErrorCode | 'unreachable';
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: Failure };

async function call<T>(path: string, init: RequestInit, token?: string): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: {
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      },
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    return { ok: false, error: 'unreachable' };
  }
  if (response.ok) {
    const value = (response.status === 204 ? undefined : await response.json()) as T;
    return { ok: true, value };
  }
  const body = (await response.json().catch(() => null)) as { error?: RoomErrorCode } | null;
  return { ok: false, error: body?.error ?? 'unreachable' };
}

const post = <T>(path: string, body: unknown, token?: string) =>
  call<T>(path, { method: 'POST', body: JSON.stringify(body) }, token);

export const roomApi = {
  join: (request: JoinRequest) => post<JoinAnswer>('api/join', request),
  state: (token: string) => call<ParticipantState>('api/state', { method: 'GET' }, token),
  vote: (token: string, request: VoteRequest) => post<undefined>('api/vote', request, token),
  note: (token: string, request: NoteRequest) => post<undefined>('api/note', request, token),
  upvote: (token: string, request: UpvoteRequest) => post<undefined>('api/upvote', request, token),
  /** The event stream's address (EventSource cannot send the token as a header). */
  eventsUrl: (token: string) => `api/events?token=${encodeURIComponent(token)}`,
};
