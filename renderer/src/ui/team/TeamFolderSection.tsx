import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wordError } from '../common/i18n/wordMessage';
import { useSettings } from '../settings/SettingsContext';
import { AnnotationOffer } from './AnnotationOffer';
import { LeaveTeamFolder } from './LeaveTeamFolder';
import { TeamMembers } from './TeamMembers';
import { TeamStatusLine } from './TeamStatusLine';
import { TeamWarnings } from './TeamWarnings';
import { useTeam } from './useTeam';
import type { TeamSession, TeamState } from './teamSession';
import './team.css';

/**
 * Settings → "Team folder": join a folder the team already syncs, see how syncing goes and who
 * is in it, choose what else is shared, and leave it (keeping everything on this device).
 */
export function TeamFolderSection() {
  const { t } = useTranslation('team');
  const team = useTeam();
  return (
    <section aria-labelledby="team-folder-heading" className="team-folder">
      <h2 id="team-folder-heading">{t('section.heading')}</h2>
      <p>{t('section.intro')}</p>
      <p>{t('section.whatIsShared')}</p>
      {team && <TeamFolderBody session={team.session} state={team.state} />}
    </section>
  );
}

function TeamFolderBody({ session, state }: { session: TeamSession; state: TeamState }) {
  const { t } = useTranslation('team');
  const { settings } = useSettings();
  const id = useId();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const name = settings.authorName.trim();
  // Starts the session (if the start-up did not) and keeps the member file's name in step.
  useEffect(() => session.start(name), [session, name]);

  const run = (work: () => Promise<string>) => {
    setBusy(true);
    setMessage('');
    work()
      .then(
        (said) => setMessage(said),
        (error: unknown) => setMessage(wordError(error)),
      )
      .finally(() => setBusy(false));
  };

  switch (state.status) {
    case 'unavailable':
      return (
        <p className="callout">
          {t(`section.unavailable.${state.unavailableReason ?? 'noFileSystemAccess'}`)}
        </p>
      );
    case 'off':
      return (
        <>
          <p>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                run(async () => ((await session.join()) ? '' : t('section.cancelled')))
              }
            >
              {t('section.choose')}
            </button>
          </p>
          <p role="status">{busy ? t('section.choosing') : message || state.failure}</p>
        </>
      );
    case 'needsPermission':
      return (
        <>
          <p>{t('status.needsPermission', { folder: state.folderName ?? '' })}</p>
          <p>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => run(async () => (await session.grantAgain(), ''))}
            >
              {t('status.grantAgain')}
            </button>
          </p>
          <p role="status">{message}</p>
        </>
      );
    default:
      return (
        <>
          <TeamStatusLine state={state} />
          <p>
            {name === ''
              ? t('section.noName', { name: t('section.unnamed') })
              : t('section.nameLine', { name })}
          </p>
          <TeamMembers session={session} state={state} />
          <TeamWarnings warnings={state.warnings} />
          <div className="choice team-folder__choice">
            <input
              type="checkbox"
              id={`${id}-assessments`}
              checked={state.preferences.shareAssessments}
              aria-describedby={`${id}-assessments-hint`}
              onChange={(event) => {
                const share = event.target.checked;
                run(async () => (await session.setShareAssessments(share), ''));
              }}
            />
            <label htmlFor={`${id}-assessments`}>{t('share.assessments')}</label>
            <span id={`${id}-assessments-hint`} className="choice__hint">
              {t('share.assessmentsHint')}
            </span>
          </div>
          {state.annotationOffer === 'asking' && <AnnotationOffer session={session} />}
          <p role="status">
            {state.annotationOffer === 'shared' && t('preview.shared')}
            {state.annotationOffer === 'kept' && t('preview.kept')}
            {message}
          </p>
          <LeaveTeamFolder session={session} folderName={state.folderName ?? ''} />
        </>
      );
  }
}
