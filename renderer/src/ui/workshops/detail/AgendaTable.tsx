import {
  compareWithTarget,
  formatClockTime12h,
  formatDuration,
  scheduleBlocks,
  totalMinutes,
} from '../../../core/workshops/timing';

export interface AgendaTableProps {
  blocks: ReadonlyArray<{ key: string; title: string; minutes: number }>;
  /** Minutes since midnight the session starts at. */
  startMinutes: number;
  targetMinutes: number | null;
}

/** The agenda: each block's start and end from the start time and the lengths, and the total. */
export function AgendaTable({ blocks, startMinutes, targetMinutes }: AgendaTableProps) {
  const schedule = scheduleBlocks(blocks, startMinutes);
  const total = totalMinutes(blocks);
  const target = targetMinutes === null ? null : compareWithTarget(blocks, targetMinutes);
  return (
    <>
      <table className="ws-agenda">
        <caption className="ontario-show-for-sr">Agenda with start times</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Block</th>
            <th scope="col" className="ws-num">
              Length
            </th>
          </tr>
        </thead>
        <tbody>
          {blocks.map((block, i) => {
            const slot = schedule[i];
            return (
              <tr key={block.key}>
                <td className="ws-time">
                  {slot
                    ? `${formatClockTime12h(slot.startMinutes)} – ${formatClockTime12h(slot.endMinutes)}`
                    : ''}
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
              Total
            </th>
            <td className="ws-num">{formatDuration(total)}</td>
          </tr>
        </tfoot>
      </table>
      {target && (
        <p className={`ws-target ws-target--${target.status}`}>
          <strong>Length:</strong> {formatDuration(total)}.{' '}
          {target.status === 'on-target' ? `${target.message}.` : `${target.message}.`}
        </p>
      )}
    </>
  );
}
