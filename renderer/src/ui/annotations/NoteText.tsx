import type { MouseEvent } from 'react';
import { noteToSegments } from '../../core/annotations';
import { useHost } from '../common/HostContext';

/**
 * A note as plain text: every line kept, every character shown as typed (React escapes it; no
 * HTML is ever parsed). Only https: addresses become links, and they open through the host,
 * which asks before leaving the app; any other scheme (javascript:, data:, http:) stays text.
 */
export function NoteText({ note, className }: { note: string; className?: string }) {
  const host = useHost();
  if (note === '') return null;
  // Every button and modifier: a middle or Ctrl-click must not open a tab unasked either.
  const open = (event: MouseEvent<HTMLAnchorElement>, url: string) => {
    event.preventDefault();
    if (event.button === 0 || event.button === 1) void host.openExternal(url);
  };
  return (
    <div className={className ? `anno-note ${className}` : 'anno-note'}>
      {noteToSegments(note).map((line, lineIndex) => (
        // Lines have no identity of their own; their place is their key.
        <p key={lineIndex} className="anno-note__line">
          {line.map((segment, index) =>
            segment.kind === 'link' ? (
              <a
                key={index}
                href={segment.url}
                rel="noopener noreferrer"
                onClick={(event) => open(event, segment.url)}
                onAuxClick={(event) => open(event, segment.url)}
              >
                {segment.text}
              </a>
            ) : (
              <span key={index}>{segment.text}</span>
            ),
          )}
          {line.length === 1 && line[0]?.kind === 'text' && line[0].text === '' ? '\u00a0' : null}
        </p>
      ))}
    </div>
  );
}
