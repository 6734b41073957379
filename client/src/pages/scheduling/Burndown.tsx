/** Burndown in plain SVG: remaining person-hours as planned (dashed) and as recorded (solid), with the forecast. */
import { vi } from '../../i18n/vi.js';
import { date, num } from '../../format.js';
import type { Burndown } from '../../types.js';

const W = 760;
const H = 240;
const PAD = { l: 56, r: 16, t: 12, b: 28 };

export function BurndownChart({ data }: { data: Burndown }) {
  const weeks = data.weeks;
  if (!weeks.length) return null;
  const maxY = Math.max(1, data.remainingAtStartHours);
  const x = (i: number) => PAD.l + (i / Math.max(weeks.length - 1, 1)) * (W - PAD.l - PAD.r);
  const y = (h: number) => PAD.t + (1 - h / maxY) * (H - PAD.t - PAD.b);
  const planned = weeks.map((w, i) => `${x(i)},${y(w.plannedRemainingHours)}`).join(' ');
  const actual = weeks.flatMap((w, i) => (w.actualRemainingHours === null ? [] : [`${x(i)},${y(w.actualRemainingHours)}`])).join(' ');
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * maxY);
  const every = Math.max(1, Math.ceil(weeks.length / 10));
  return (
    <figure className="burndown">
      <svg width={W} height={H} role="img" aria-label={vi.sched.burndown} data-testid="burndown">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} className="chart-grid" />
            <text x={PAD.l - 6} y={y(t) + 4} textAnchor="end" className="chart-axis">{num(t, 0)}</text>
          </g>
        ))}
        {weeks.map((w, i) => (i % every === 0 ? <text key={w.week} x={x(i)} y={H - 8} textAnchor="middle" className="chart-axis">{date(w.week).slice(0, 5)}</text> : null))}
        <polyline points={planned} className="chart-planned" />
        {actual && <polyline points={actual} className="chart-actual" />}
      </svg>
      <figcaption className="small">
        <span className="legend-planned">— — {vi.sched.planned}</span> <span className="legend-actual">—— {vi.sched.actual}</span>
        {' · '}{vi.sched.remaining(num(data.remainingNowHours, 0))}
        {' · '}{vi.sched.pace(num(data.paceHoursPerWeek), data.paceWeeks)}
        {' · '}{vi.sched.forecast}: <strong data-testid="forecast">{data.forecastClear ? date(data.forecastClear) : vi.sched.noForecast}</strong>
      </figcaption>
    </figure>
  );
}
