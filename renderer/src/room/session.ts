/**
 * The participant's token, kept in sessionStorage so a reload (or a phone waking the tab) rejoins
 * the same place in the room. It lives only as long as the tab, never in localStorage: a shared
 * hall laptop should not keep a participant's place for the next person.
 */
const KEY = 'onmuni-room-participant';

export interface Joined {
  token: string;
  /** The name they joined with; null: anonymous, shown as "Anonymous <number>" in the page's language. */
  name: string | null;
  number: number;
}

export function loadJoined(): Joined | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<Joined> | null;
    return typeof value?.token === 'string' &&
      (typeof value.name === 'string' || value.name === null) &&
      Number.isSafeInteger(value.number)
      ? { token: value.token, name: value.name, number: value.number as number }
      : null;
  } catch {
    return null;
  }
}

export function saveJoined(joined: Joined): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(joined));
  } catch {
    // Storage may be off (private mode); the page still works until it is reloaded.
  }
}

export function forgetJoined(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/** The join code from the QR code's `#code=123456` (the fragment never reaches the server). */
export function codeFromAddress(hash: string): string {
  const code = new URLSearchParams(hash.replace(/^#/, '')).get('code') ?? '';
  return /^\d{6,12}$/.test(code) ? code : '';
}
