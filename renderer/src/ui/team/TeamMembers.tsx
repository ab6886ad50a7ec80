import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { wordError } from '../common/i18n/wordMessage';
import { ConfirmDialog } from './ConfirmDialog';
import type { TeamMemberView, TeamSession, TeamState } from './teamSession';

/**
 * Everyone with a member folder in the team folder. Removing a member (after a confirmation)
 * ignores their changes from now on; what they did before stays, shown as theirs.
 */
export function TeamMembers({ session, state }: { session: TeamSession; state: TeamState }) {
  const { t } = useTranslation('team');
  const [said, setSaid] = useState('');
  const [removing, setRemoving] = useState<TeamMemberView | null>(null);
  const others = state.members.filter((member) => !member.isMe);
  const nameOf = (member: TeamMemberView) => member.name.trim() || t('section.unnamed');

  const remove = (member: TeamMemberView) => {
    setRemoving(null);
    const name = nameOf(member);
    session.removeMember(member.id).then(
      () => setSaid(t('members.removedDone', { name })),
      (error: unknown) => setSaid(wordError(error)),
    );
  };

  return (
    <div className="team-members">
      <h3 id="team-members-heading">{t('members.heading')}</h3>
      <ul aria-labelledby="team-members-heading" className="team-members__list">
        {state.members.map((member) => (
          <li key={member.id}>
            <span>
              {member.isMe
                ? t('members.you', { name: nameOf(member) })
                : member.removed
                  ? t('members.removed', { name: nameOf(member) })
                  : nameOf(member)}
            </span>
            {!member.isMe && !member.removed && (
              <button
                type="button"
                className="button button--small button--secondary"
                aria-haspopup="dialog"
                onClick={() => setRemoving(member)}
              >
                <Trans
                  t={t}
                  i18nKey="members.remove"
                  values={{ name: nameOf(member) }}
                  components={{ sr: <span className="ontario-show-for-sr" /> }}
                />
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length === 0 && <p>{t('members.none')}</p>}
      <p role="status">{said}</p>
      {removing && (
        <ConfirmDialog
          title={t('members.removeTitle', { name: nameOf(removing) })}
          confirmText={t('members.removeConfirm')}
          cancelText={t('leave.cancel')}
          onConfirm={() => remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>{t('members.removeBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
