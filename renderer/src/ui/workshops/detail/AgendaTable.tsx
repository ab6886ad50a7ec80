import { Trans, useTranslation } from 'react-i18next';
import { compareWithTarget, scheduleBlocks, totalMinutes } from '../../../core/workshops/timing';
import { formatClockSpan, formatDuration, targetText } from '../timeWords';

export interface AgendaTableProps {
  blocks: ReadonlyArray<{ key: string; title: string; minutes: number }>;
  /** Minutes since midnight the session starts at. */
  startMinutes: number;
  targetMinutes: number | null;
}

/** The agenda: each block's start and end from the start time and the lengths, and the total. */
export function AgendaTable({ blocks, startMinutes, targetMinutes }: AgendaTableProps) {
  const { t } = useTranslation('workshops');
  const schedule = scheduleBlocks(blocks, startMinutes);
  const total = totalMinutes(blocks);
  const target = targetMinutes === null ? null : compareWithTarget(blocks, targetMinutes);
  return (
    <>
      <table className="ws-agenda">
        <caption className="ontario-show-for-sr">{t('agenda.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agenda.time')}</th>
            <th scope="col">{t('agenda.block')}</th>
            <th scope="col" className="ws-num">
              {t('agenda.length')}
            </th>
          </tr>
        </thead>
        <tbody>
          {blocks.map((block, i) => {
            const slot = schedule[i];
            return (
              <tr key={block.key}>
                <td className="ws-time">
                  {slot ? formatClockSpan(slot.startMinutes, slot.endMinutes) : ''}
                </td>
                <th scope="row">{block.title}</th>
                <td className="ws-num">{formatDuration(block.minutes)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('agenda.total')}
            </th>
            <td className="ws-num">{formatDuration(total)}</td>
          </tr>
        </tfoot>
      </table>
      {target && (
        <p className={`ws-target ws-target--${target.status}`}>
          <Trans
            t={t}
            i18nKey="agenda.target"
            values={{ length: formatDuration(total), comparison: targetText(target) }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
    </>
  );
}
