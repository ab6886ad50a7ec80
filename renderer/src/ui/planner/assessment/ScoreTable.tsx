import { DIMENSIONS, LEVEL_NAMES } from '../../../core/planner/assessment/dimensions';
import { compareAssessments, scoreAssessment } from '../../../core/planner/assessment/scoring';
import type { Assessment } from '../../../core/planner/schema';
import { formatDate } from '../plannerLabels';

/** "+1", "−2", "no change": a change in words and signs, never in colour alone. */
export function formatDelta(delta: number): string {
  if (delta === 0) return 'no change';
  return delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`;
}

export interface ScoreTableProps {
  latest: Assessment;
  previous: Assessment | null;
}

/** The levels of an assessment per dimension, with the earlier one and the change beside them. */
export function ScoreTable({ latest, previous }: ScoreTableProps) {
  const comparison = previous ? compareAssessments(previous.answers, latest.answers) : null;
  const score = scoreAssessment(latest.answers);
  const earlierScore = previous ? scoreAssessment(previous.answers) : null;
  return (
    <table className="planner-table score-table">
      <caption>
        Levels on {formatDate(latest.date)}
        {previous ? `, compared with ${formatDate(previous.date)}` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Dimension</th>
          <th scope="col">Level</th>
          {previous && <th scope="col">Earlier</th>}
          {previous && <th scope="col">Change</th>}
        </tr>
      </thead>
      <tbody>
        {DIMENSIONS.map((d) => {
          const change = comparison?.dimensions.find((c) => c.dimension === d.id);
          return (
            <tr key={d.id}>
              <th scope="row">{d.label}</th>
              <td>
                {latest.answers[d.id]}{' '}
                <span className="planner-muted">{LEVEL_NAMES[latest.answers[d.id]]}</span>
              </td>
              {previous && <td>{previous.answers[d.id]}</td>}
              {change && <td>{formatDelta(change.delta)}</td>}
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Score (0 to 100)</th>
          <td>{score.score}</td>
          {earlierScore && <td>{earlierScore.score}</td>}
          {comparison && <td>{formatDelta(comparison.scoreDelta)}</td>}
        </tr>
      </tfoot>
    </table>
  );
}
