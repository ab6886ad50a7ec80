import { useCallback, useState } from 'react';

/** A message for screen readers, and a function that replaces it. */
export interface Announcement {
  message: string;
  announce: (text: string) => void;
}

/**
 * State for a polite live region. The same message twice in a row must be heard twice, so a
 * repeat alternates a trailing no-break space (changes the text, not what is read).
 */
export function useAnnouncement(): Announcement {
  const [message, setMessage] = useState('');
  const announce = useCallback(
    (text: string) => setMessage((previous) => (previous === text ? `${text}\u00a0` : text)),
    [],
  );
  return { message, announce };
}

/** A visually hidden live region, always in the page so that changes to it are read. */
export function Announcer({ message }: { message: string }) {
  return (
    <p className="planner-sr-only" role="status" aria-live="polite">
      {message}
    </p>
  );
}
