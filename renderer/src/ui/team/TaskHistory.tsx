import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { taskHistory, type HistoryItem } from '../../core/team/plannerRecords';
import { memberOf } from '../../core/team/hlc';
import { DELETED_FIELD, type TeamRecord } from '../../core/team/records';
import { formatDate } from '../common/i18n/format';
import { memberName } from './memberName';
import { changeAction } from './teamActivity';
import type { TeamState } from './teamSession';
import { useTeam } from './useTeam';
import './team.css';

/** Task fields the catalogue words; any other is "other details". */
const WORDED_FIELDS = [
  'title',
  'status',
  'owner',
  'notes',
  'dueDate',
  'phaseId',
  'dependencies',
  'linkedDocIds',
  'estimatedCostCents',
  'order',
  'planId',
] as const;

function isWorded(name: string): name is (typeof WORDED_FIELDS)[number] {
  return (WORDED_FIELDS as readonly string[]).includes(name);
}

/**
 * The task editor's "History": its latest changes, newest first, who made each and, for every
 * field an edit changed, whether that edit is the one in force or whose later change replaced it
 * (last writer wins per field when two people edit the same task).
 */
export function TaskHistory({ taskId }: { taskId: string }) {
  const { t } = useTranslation('team');
  const team = useTeam();
  if (!team) return null;
  const record = team.session.record('task', taskId);
  const items = record ? taskHistory(record) : [];
  return (
    <details className="team-history">
      <summary>{t('history.summary')}</summary>
      <p>{t('history.intro')}</p>
      {!record || items.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <ol className="team-history__list">
          {items.map((item, index) => {
            const entry = record.history[index];
            if (!entry) return null;
            const action = changeAction(record, entry, index);
            const edit = action === 'changed' || action === 'shared' || action === 'unshared';
            return (
              <li key={item.at}>
                {t('history.entry', {
                  who: memberName(team.state, item.member, t),
                  when: formatDate(item.wallMs, { dateStyle: 'medium', timeStyle: 'short' }),
                  what: t(`history.action.${edit ? 'changed' : action}`),
                })}
                {edit && (
                  <ul>
                    {fieldLines(record, item, team.state, t).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}

/** One line per field an edit set: "status (current)", "owner (replaced by Sam’s later change)". */
function fieldLines(
  record: TeamRecord,
  item: HistoryItem,
  state: TeamState,
  t: TFunction<'team'>,
): string[] {
  return item.fields
    .filter(({ name }) => name !== DELETED_FIELD)
    .map(({ name, won }) => {
      const field = isWorded(name) ? t(`field.${name}`) : t('field.other');
      const winner = record.fields[name];
      const outcome =
        won || !winner
          ? t('history.won')
          : t('history.lost', { who: memberName(state, memberOf(winner.at), t) });
      return t('history.field', { field, outcome });
    });
}
