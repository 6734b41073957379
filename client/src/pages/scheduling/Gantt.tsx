/** Weekly Gantt of a plan in plain SVG: per agency (rows = items) or per team (rows = people, cell = load vs capacity). */
import { useState } from 'react';
import { vi } from '../../i18n/vi.js';
import { date, num } from '../../format.js';
import type { PlanView } from '../../types.js';

const DAY = 86_400_000;
const addDays = (s: string, n: number) => new Date(Date.parse(`${s}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const LABEL_W = 300;
const ROW_H = 18;
const HEAD_H = 30;

/** A week that starts a month gets the label "thg 1/2027"; with narrow cells only every second or third month, so labels never overlap. */
function monthStarts(week: string, i: number, cellW: number): boolean {
  if (i === 0) return true;
  if (week.slice(8, 10) > '07') return false;
  const monthW = cellW * 4.3;
  const every = monthW >= 70 ? 1 : monthW * 2 >= 70 ? 2 : 3;
  return (Number(week.slice(5, 7)) - 1) % every === 0;
}

interface Row { key: string; label: string; group?: string; cells: Map<string, number>; capacity?: Map<string, number>; title?: string }

function weeksOf(plan: PlanView): string[] {
  const last = plan.assignments.reduce((m, a) => (a.week > m ? a.week : m), plan.startDate);
  const out: string[] = [];
  for (let w = plan.startDate; w <= last; w = addDays(w, 7)) out.push(w);
  return out;
}

function agencyRows(plan: PlanView): Row[] {
  const byItem = new Map<string, Map<string, number>>();
  for (const a of plan.assignments) {
    const m = byItem.get(a.itemId) ?? new Map<string, number>();
    m.set(a.week, (m.get(a.week) ?? 0) + a.minutes);
    byItem.set(a.itemId, m);
  }
  const items = [...plan.items].sort((x, y) => (x.agencyName ?? '').localeCompare(y.agencyName ?? '') || x.itemId.localeCompare(y.itemId));
  return items.map((i) => ({
    key: i.itemId, group: i.agencyName ?? '—', label: i.label, cells: byItem.get(i.itemId) ?? new Map(),
    title: `${i.label} — ${vi.sched.finish}: ${date(i.finish)}`,
  }));
}

function teamRows(plan: PlanView): Row[] {
  return plan.staff
    .map((s) => ({
      key: s.staffId, group: vi.sched.teams[s.skills[0]] ?? s.skills[0], label: s.name,
      cells: new Map(s.weeks.map((w) => [w.week, w.minutes])), capacity: new Map(s.weeks.map((w) => [w.week, w.capacity])),
    }))
    .sort((a, b) => a.group.localeCompare(b.group) || a.label.localeCompare(b.label));
}

export function Gantt({ plan }: { plan: PlanView }) {
  const [mode, setMode] = useState<'agency' | 'team'>('agency');
  const weeks = weeksOf(plan);
  const rows = mode === 'agency' ? agencyRows(plan) : teamRows(plan);
  const cellW = Math.max(8, Math.min(22, Math.floor(900 / Math.max(weeks.length, 1))));
  // Group headings take a row of their own.
  const lines: ({ kind: 'group'; text: string } | { kind: 'row'; row: Row })[] = [];
  let group: string | undefined;
  for (const r of rows) {
    if (r.group !== group) lines.push({ kind: 'group', text: (group = r.group) ?? '' });
    lines.push({ kind: 'row', row: r });
  }
  const max = Math.max(1, ...rows.flatMap((r) => [...r.cells.values()]));
  const width = LABEL_W + weeks.length * cellW + 4;
  const height = HEAD_H + lines.length * ROW_H + 4;
  return (
    <div>
      <div className="segmented" role="group" aria-label={vi.sched.gantt}>
        <button type="button" className={mode === 'agency' ? 'primary' : undefined} onClick={() => setMode('agency')}>{vi.sched.perAgency}</button>
        <button type="button" className={mode === 'team' ? 'primary' : undefined} onClick={() => setMode('team')}>{vi.sched.perTeam}</button>
      </div>
      <p className="muted small">{vi.sched.ganttHint}</p>
      <div className="gantt-wrap">
        <svg width={width} height={height} role="img" aria-label={`${vi.sched.gantt}: ${mode === 'agency' ? vi.sched.perAgency : vi.sched.perTeam}`} data-testid={`gantt-${mode}`}>
          {weeks.map((w, i) => (monthStarts(w, i, cellW) ? (
            <text key={w} x={LABEL_W + i * cellW} y={12} className="gantt-month">{vi.sched.monthLabel(Number(w.slice(5, 7)), w.slice(0, 4))}</text>
          ) : null))}
          {lines.map((l, li) => {
            const y = HEAD_H + li * ROW_H;
            if (l.kind === 'group') return <text key={`g${li}`} x={4} y={y + 13} className="gantt-group">{l.text}</text>;
            const r = l.row;
            return (
              <g key={r.key}>
                <text x={14} y={y + 13} className="gantt-label">{r.label.length > 44 ? `${r.label.slice(0, 43)}…` : r.label}<title>{r.title ?? r.label}</title></text>
                {weeks.map((w, i) => {
                  const m = r.cells.get(w) ?? 0;
                  if (!m) return null;
                  const cap = r.capacity?.get(w);
                  const share = cap ? m / cap : m / max;
                  return (
                    <rect key={w} x={LABEL_W + i * cellW} y={y + 3} width={cellW - 1} height={ROW_H - 5} className="gantt-cell"
                      style={{ opacity: 0.25 + 0.75 * Math.min(share, 1) }}>
                      <title>{`${vi.sched.week} ${date(w)}: ${vi.sched.hours(num(m / 60))}${cap !== undefined ? ` / ${vi.sched.capacity} ${num(cap / 60)}` : ''}`}</title>
                    </rect>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
