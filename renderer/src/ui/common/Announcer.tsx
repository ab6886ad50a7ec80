import { useCallback, useState } from 'react';

/** A message for screen readers, and a function that replaces it. */
export interface Announcement {
  message: string;
  announce: (text: string) => void;
}

/**
 * State for a polite live region. Saying the same thing twice in a row must be heard twice, so a
 * repeat alternates a trailing no-break space, which changes the text but not what is read.
 */
export function useAnnouncement(): Announcement {
  const [message, setMessage] = useState('');
  const announce = useCallback(
    (text: string) => setMessage((previous) => (previous === text ? `${text}\u00a0` : text)),
    [],
  );
  return { message, announce };
}

/**
 * A visually hidden live region. It is always in the page (a region added together with its text
 * is often not read), and says only what sighted users already see changing.
 */
export function Announcer({ message }: { message: string }) {
  return (
    <p className="ontario-show-for-sr" role="status" aria-live="polite">
      {message}
    </p>
  );
}
