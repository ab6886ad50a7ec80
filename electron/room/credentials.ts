/**
 * The room's secrets: the join code everyone in the hall sees, and each participant's token.
 * Both come from the operating system's cryptographic random source. The server keeps only a
 * hash of each token, and compares codes in constant time; neither is ever logged.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { JOIN_CODE_DIGITS } from '../../renderer/src/core/room/protocol';

/** A join code of JOIN_CODE_DIGITS uniformly random digits (leading zeros allowed). */
export function newJoinCode(): string {
  return Array.from({ length: JOIN_CODE_DIGITS }, () => String(randomInt(10))).join('');
}

/** A participant token: 256 random bits, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the server stores instead of a token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** True when the typed code is the room's, compared in constant time. */
export function isJoinCode(typed: string, joinCode: string): boolean {
  const a = createHash('sha256').update(typed).digest();
  const b = createHash('sha256').update(joinCode).digest();
  return timingSafeEqual(a, b);
}
