import type { TFunction } from 'i18next';
import type { MemberId } from '../../core/team/hlc';
import type { TeamState } from './teamSession';

/**
 * A member's display name as the team folder last said it; "You" for this member; "Unnamed
 * member" for someone who set no name or whose folder is not (or no longer) there.
 */
export function memberName(state: TeamState, id: MemberId, t: TFunction<'team'>): string {
  if (id === state.me) return t('activity.you');
  const member = state.members.find((candidate) => candidate.id === id);
  return member?.name.trim() || t('section.unnamed');
}
