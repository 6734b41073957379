/** Small building blocks shared by the pages. */
import { cloneElement, isValidElement, useId, type ReactNode } from 'react';
import { vi } from '../i18n/vi.js';
import { num, percent } from '../format.js';

export function Loading() {
  return <p className="muted">{vi.common.loading}</p>;
}

export function Empty({ text = vi.common.empty }: { text?: string }) {
  return <p className="muted empty">{text}</p>;
}

export function Section(props: { title: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`card ${props.className ?? ''}`}>
      <header className="card-head">
        <h2>{props.title}</h2>
        {props.actions && <div className="card-actions">{props.actions}</div>}
      </header>
      {props.children}
    </section>
  );
}

const FORM_CONTROLS = new Set(['input', 'select', 'textarea']);

/**
 * A labelled form control. A single input/select/textarea gets a real <label for>, so its accessible
 * name is exactly the label (a wrapping label would also read out the selected option); composite
 * children (a search box plus a select) are grouped under the label instead.
 */
export function Field(props: { label: string; children: ReactNode; wide?: boolean; hint?: string }) {
  const autoId = useId();
  const cls = `field ${props.wide ? 'field-wide' : ''}`;
  const child = props.children;
  // Our own single-input controls (DateInput) mark themselves with `formControl`.
  const single = isValidElement<{ id?: string }>(child) &&
    (typeof child.type === 'string' ? FORM_CONTROLS.has(child.type) : (child.type as { formControl?: boolean }).formControl === true);
  if (single && isValidElement<{ id?: string }>(child)) {
    const id = child.props.id ?? autoId;
    return (
      <div className={cls}>
        <label className="field-label" htmlFor={id}>
          {props.label}
        </label>
        {cloneElement(child, { id })}
        {props.hint && <span className="field-hint">{props.hint}</span>}
      </div>
    );
  }
  return (
    <div className={cls} role="group" aria-label={props.label}>
      <span className="field-label">{props.label}</span>
      {child}
      {props.hint && <span className="field-hint">{props.hint}</span>}
    </div>
  );
}

export type Tone = 'neutral' | 'info' | 'ok' | 'warn' | 'bad';

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

const HANDOVER_TONES: Record<string, Tone> = { draft: 'neutral', submitted: 'info', appraised: 'info', approved: 'warn', received: 'ok' };
const PLAN_TONES: Record<string, Tone> = { planned: 'neutral', inventory_submitted: 'info', appraised: 'info', approved: 'warn', received: 'ok' };
const DUE_TONES: Record<string, Tone> = {
  overdue: 'bad', due_this_year: 'warn', due_next_year: 'info', later: 'neutral', pending_declassification: 'neutral', deposited: 'ok',
};
const AGENCY_TONES: Record<string, Tone> = { active: 'ok', merged: 'warn', dissolved: 'neutral' };

export function HandoverStatusBadge({ status }: { status: string }) {
  return <Badge tone={HANDOVER_TONES[status]}>{vi.handoverStatus[status] ?? status}</Badge>;
}
export function PlanStatusBadge({ status }: { status: string }) {
  return <Badge tone={PLAN_TONES[status]}>{vi.planStatus[status] ?? status}</Badge>;
}
export function DueStatusBadge({ status }: { status: string }) {
  return <Badge tone={DUE_TONES[status]}>{vi.dueStatus[status] ?? status}</Badge>;
}
export function AgencyStatusBadge({ status }: { status: string }) {
  return <Badge tone={AGENCY_TONES[status]}>{vi.agencyStatus[status] ?? status}</Badge>;
}

/** A list filter: first "‹label›: all" (no filter), then one option per entry of a label map. */
export function FilterSelect(props: { label: string; value: string; options: Record<string, string>; onChange: (value: string) => void }) {
  return (
    <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">{props.label}: {vi.common.all}</option>
      {Object.entries(props.options).map(([k, v]) => (
        <option key={k} value={k}>{v}</option>
      ))}
    </select>
  );
}

export function Pagination(props: { total: number; limit: number; offset: number; onChange: (offset: number) => void }) {
  const { total, limit, offset } = props;
  if (total <= limit && offset === 0) return null;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <div className="pagination">
      <button type="button" disabled={offset === 0} onClick={() => props.onChange(Math.max(0, offset - limit))}>
        ‹ {vi.common.previous}
      </button>
      <span>{vi.common.pageInfo(from, to, total)}</span>
      <button type="button" disabled={to >= total} onClick={() => props.onChange(offset + limit)}>
        {vi.common.next} ›
      </button>
    </div>
  );
}

/** A horizontal bar: used metres of capacity; amber from 80 %, red from 95 %. */
export function OccupancyBar(props: { used: number; capacity: number; label?: string }) {
  const p = percent(props.used, props.capacity);
  const tone = p >= 95 ? 'bad' : p >= 80 ? 'warn' : 'ok';
  return (
    <div className="occupancy" title={`${num(props.used, 2)} / ${num(props.capacity, 2)} m`}>
      <div className="occupancy-track">
        <div className={`occupancy-fill occupancy-${tone}`} style={{ width: `${p}%` }} />
      </div>
      <span className="occupancy-text">
        {props.label ?? `${num(props.used, 1)} / ${num(props.capacity, 1)} m`} ({num(p, 0)}%)
      </span>
    </div>
  );
}

export function Stat(props: { label: string; value: ReactNode; sub?: ReactNode; tone?: Tone }) {
  return (
    <div className={`stat stat-${props.tone ?? 'neutral'}`}>
      <div className="stat-value">{props.value}</div>
      <div className="stat-label">{props.label}</div>
      {props.sub && <div className="stat-sub">{props.sub}</div>}
    </div>
  );
}
