import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, MATURITY_LEVELS } from '../../../core/planner/assessment/dimensions';
import type { AssessmentAnswers } from '../../../core/planner/schema';
import { dimensionLabel } from '../plannerLabels';

export interface RadarChartProps {
  answers: AssessmentAnswers;
  /** An earlier assessment, drawn dashed underneath for comparison. */
  previous?: AssessmentAnswers | null;
  /** Words for the chart's title, e.g. "Digital maturity on November 26, 2026". */
  title: string;
}

const SIZE = 360;
const CENTRE = SIZE / 2;
const RADIUS = 120;
/** Room at the sides for the longer dimension names. */
const PAD = 110;

function point(axis: number, level: number): [number, number] {
  const angle = (Math.PI * 2 * axis) / DIMENSIONS.length - Math.PI / 2;
  const r = (RADIUS * level) / 5;
  return [CENTRE + r * Math.cos(angle), CENTRE + r * Math.sin(angle)];
}

function polygon(answers: AssessmentAnswers): string {
  return DIMENSIONS.map((d, i) =>
    point(i, answers[d.id])
      .map((n) => n.toFixed(1))
      .join(','),
  ).join(' ');
}

/**
 * The eight dimensions as a radar chart. The SVG is one image with a title and a description
 * that states every level; the table beside it carries the same numbers for everyone.
 */
export function RadarChart({ answers, previous, title }: RadarChartProps) {
  const { t } = useTranslation('planner');
  const id = useId();
  const description = DIMENSIONS.map((d) => {
    const values = { dimension: dimensionLabel(d.id), level: answers[d.id] };
    return previous
      ? t('radar.describeLevelCompared', { ...values, previous: previous[d.id] })
      : t('radar.describeLevel', values);
  }).join(t('radar.describeSeparator'));
  return (
    <svg
      className="radar"
      viewBox={`${-PAD} 0 ${SIZE + 2 * PAD} ${SIZE}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {MATURITY_LEVELS.map((level) => (
        <polygon
          key={level}
          className="radar__ring"
          points={DIMENSIONS.map((_, i) => point(i, level).join(',')).join(' ')}
        />
      ))}
      {DIMENSIONS.map((d, i) => {
        const [x, y] = point(i, 5);
        const [lx, ly] = point(i, 6.1);
        const anchor = Math.abs(lx - CENTRE) < 10 ? 'middle' : lx < CENTRE ? 'end' : 'start';
        return (
          <g key={d.id}>
            <line className="radar__axis" x1={CENTRE} y1={CENTRE} x2={x} y2={y} />
            <text
              className="radar__label"
              x={lx}
              y={ly}
              textAnchor={anchor}
              dominantBaseline="middle"
            >
              {dimensionLabel(d.id)}
            </text>
          </g>
        );
      })}
      {MATURITY_LEVELS.map((level) => {
        const [x, y] = point(0, level);
        return (
          <text key={level} className="radar__tick" x={x + 4} y={y - 2}>
            {level}
          </text>
        );
      })}
      {previous && <polygon className="radar__previous" points={polygon(previous)} />}
      <polygon className="radar__current" points={polygon(answers)} />
      {DIMENSIONS.map((d, i) => {
        const [x, y] = point(i, answers[d.id]);
        return <circle key={d.id} className="radar__dot" cx={x} cy={y} r={4} />;
      })}
    </svg>
  );
}

/** The chart with a visible key saying which line is which date. */
export function RadarFigure({
  answers,
  previous,
  date,
  previousDate,
}: {
  answers: AssessmentAnswers;
  previous: AssessmentAnswers | null;
  date: string;
  previousDate: string | null;
}) {
  const { t } = useTranslation('planner');
  return (
    <div className="radar-figure">
      <RadarChart
        answers={answers}
        previous={previous}
        title={
          previousDate
            ? t('radar.titleCompared', { date, previousDate })
            : t('radar.title', { date })
        }
      />
      <p className="radar-figure__key">
        {previousDate ? t('radar.keyCompared', { date, previousDate }) : t('radar.key', { date })}
      </p>
    </div>
  );
}
