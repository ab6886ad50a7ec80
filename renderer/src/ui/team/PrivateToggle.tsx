import { useContext, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setAnnotationPrivate, type Annotation } from '../../core/annotations';
import { HostContext } from '../common/HostContext';
import { annotationsSessionFor, type AnnotationsSession } from '../annotations/annotationsSession';
import { useTeam } from './useTeam';
import './team.css';

/**
 * "Private" on an annotation: a private one never leaves this device through the team folder.
 * Shown once the window has joined a team folder (before that nothing is shared anyway), and on
 * an annotation already marked private, so it can be shared again.
 */
export function PrivateToggle({
  annotation,
  describedBy,
}: {
  annotation: Annotation;
  /** The id of the quote, so a screen reader hears which annotation the box is for. */
  describedBy: string;
}) {
  const { t } = useTranslation('team');
  const id = useId();
  const host = useContext(HostContext);
  const team = useTeam();
  const [session, setSession] = useState<AnnotationsSession | null>(null);
  useEffect(() => {
    if (!host) return;
    let live = true;
    annotationsSessionFor(host.storage).then(
      (opened) => live && setSession(opened),
      // The annotations could not be opened: the page around this says why.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);
  const joined =
    team !== null && team.state.status !== 'off' && team.state.status !== 'unavailable';
  if (!session || (!joined && !annotation.private)) return null;
  return (
    <span className="choice team-private">
      <input
        type="checkbox"
        id={`${id}-private`}
        checked={annotation.private}
        aria-describedby={`${describedBy} ${id}-private-hint`}
        onChange={(event) => {
          const isPrivate = event.target.checked;
          session.apply((db) => setAnnotationPrivate(db, annotation.id, isPrivate, session.clock));
        }}
      />
      <label htmlFor={`${id}-private`}>{t('private.label')}</label>
      <span id={`${id}-private-hint`} className="ontario-show-for-sr">
        {t('private.hint')}
      </span>
    </span>
  );
}
