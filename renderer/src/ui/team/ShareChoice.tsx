import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberId } from '../../core/team/hlc';
import { memberName } from './memberName';
import type { TeamState } from './teamSession';
import './team.css';

/** What the team folder shares on the user's choice: each has its hint and "shared by" words. */
export type ShareKind = 'plan' | 'capture' | 'document';

export interface ShareChoiceProps {
  kind: ShareKind;
  shared: boolean;
  /** The member who last shared it (null: never shared). */
  sharedBy: MemberId | null;
  state: TeamState;
  me: MemberId;
  onChange: (shared: boolean) => void;
  /** Ids of what names the item (its title), so a list of these boxes can be told apart. */
  describedBy?: string;
}

/**
 * The "Share with team" check box, the same for a plan, a workshop session and an own document:
 * its hint says what sharing does for that kind, and who shared it (the author a teammate sees).
 */
export function ShareChoice(props: ShareChoiceProps) {
  const { kind, shared, sharedBy, state, me, onChange, describedBy } = props;
  const { t } = useTranslation('team');
  const id = useId();
  return (
    <div className="choice">
      <input
        type="checkbox"
        id={`${id}-share`}
        checked={shared}
        aria-describedby={[describedBy, `${id}-share-hint`].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={`${id}-share`}>{t('plan.shareWithTeam')}</label>
      <span id={`${id}-share-hint`} className="choice__hint">
        {t(`${kind}.shareHint`)}{' '}
        {shared &&
          sharedBy !== null &&
          (sharedBy === me
            ? t(`${kind}.sharedByYou`)
            : t(`${kind}.sharedBy`, { name: memberName(state, sharedBy, t) }))}
      </span>
    </div>
  );
}
