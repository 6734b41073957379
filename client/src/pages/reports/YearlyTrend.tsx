/** The trend of one §7 figure over the years, as plain SVG bars (no chart library); the figure is chosen from a list. */
import { useState } from 'react';
import { api } from '../../api.js';
import { useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { num } from '../../format.js';
import type { YearlyReport } from '../../types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/ui.js';

type Metric = keyof typeof vi.dashboard.trendMetrics;
const VALUE: Record<Metric, (r: YearlyReport) => number> = {
  filesReceived: (r) => r.filesReceived,
  metresMeasured: (r) => r.metresReceived.measured,
  metresEstimated: (r) => r.metresReceived.estimated,
  agenciesAppraised: (r) => r.agenciesAppraised,
  agenciesDeposited: (r) => r.agenciesDeposited,
  pagesDigitised: (r) => r.pagesDigitised,
  processedMetres: (r) => r.processed.metres,
  processedFiles: (r) => r.processed.files,
  pagesRestored: (r) => r.pagesRestored,
  holdingsFiles: (r) => r.holdings.files,
};
const W = 640;
const H = 220;
const PAD = { left: 8, right: 8, top: 22, bottom: 24 };

export function YearlyTrend({ to }: { to: number }) {
  const [metric, setMetric] = useState<Metric>('filesReceived');
  const r = useAsync(() => api.reports.series(to), [to]);
  if (!r.data) return r.error ? <ErrorMessage error={r.error} /> : <Loading />;
  // At most the last 15 years: bars stay readable on a phone.
  const years = r.data.years.slice(-15);
  const values = years.map(VALUE[metric]);
  const max = Math.max(0, ...values);
  const slot = (W - PAD.left - PAD.right) / Math.max(years.length, 1);
  const barW = Math.max(4, Math.min(48, slot * 0.7));
  const plotH = H - PAD.top - PAD.bottom;
  const digits = metric === 'metresMeasured' || metric === 'metresEstimated' || metric === 'processedMetres' ? 2 : 0;
  const label = vi.dashboard.trendMetrics[metric];
  return (
    <div className="yearly-trend">
      <label className="field">
        <span className="field-label">{vi.dashboard.trendMetric}</span>
        <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)} data-testid="trend-metric">
          {Object.entries(vi.dashboard.trendMetrics).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </select>
      </label>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={vi.dashboard.trendTitle(label, years[0]?.year ?? to, to)} data-testid="yearly-trend">
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="chart-grid" />
        {years.map((y, i) => {
          const v = values[i];
          const h = max > 0 ? (v / max) * plotH : 0;
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g key={y.year}>
              <rect x={x} y={H - PAD.bottom - h} width={barW} height={h} className="chart-bar"><title>{`${y.year}: ${num(v, digits)}`}</title></rect>
              {(years.length <= 10 || v === max) && <text x={x + barW / 2} y={H - PAD.bottom - h - 4} textAnchor="middle" className="chart-axis">{num(v, digits)}</text>}
              <text x={x + barW / 2} y={H - 8} textAnchor="middle" className="chart-axis">{y.year}</text>
            </g>
          );
        })}
      </svg>
      {max === 0 && <p className="muted small">{vi.dashboard.trendEmpty}</p>}
    </div>
  );
}
