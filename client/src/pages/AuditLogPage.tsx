/** The append-only change log, filtered by who, what and when; newest first, older pages on request. */
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { useAsync } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { dateTime, formatNumber } from '../format.js';
import { Link, setSearch, useSearch } from '../router.js';
import type { AuditEvent } from '../types.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { DateInput } from '../components/DateInput.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Field, Loading } from '../components/ui.js';

const LIMIT = 100;
const a = vi.audit;

/** Where the changed thing can be opened, if it has a page. */
const PAGES: Record<string, (id: string) => string> = {
  agency: (id) => `/agencies/${id}`,
  handover: (id) => `/handovers/${id}`,
  plan: (id) => `/plans/${id}`,
  schedule_plan: (id) => `/scheduling/plans/${id}`,
  digitization_batch: (id) => `/digitization/batches/${id}`,
  record_file: (id) => `/digitization/files/${id}`,
  page: (id) => `/viewer/pages/${id}`,
};

function Entity({ e }: { e: AuditEvent }) {
  const label = `${a.entityLabel(e.entityType)} ${e.entityId}`;
  const to = PAGES[e.entityType]?.(e.entityId);
  return to && /^\d+$/.test(e.entityId) ? <Link to={to}>{label}</Link> : <>{label}</>;
}

/** The fields a change touched: keys whose value differs between before and after. */
function changedFields(e: AuditEvent): string {
  const before = (e.before && typeof e.before === 'object' ? e.before : {}) as Record<string, unknown>;
  const after = (e.after && typeof e.after === 'object' ? e.after : {}) as Record<string, unknown>;
  if (!e.before) return '';
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]) && !['updatedAt', 'updated_at'].includes(k),
  );
  return keys.length ? a.changed(keys.length) : '';
}

const COLUMNS: Column<AuditEvent>[] = [
  { header: a.at, cell: (e) => dateTime(e.at), className: 'nowrap' },
  { header: a.who, cell: (e) => e.actorName ?? vi.audit.system },
  { header: a.what, cell: (e) => <span title={e.action}>{a.actionLabel(e.action)}</span> },
  { header: a.entity, cell: (e) => <Entity e={e} /> },
  { header: a.details, cell: (e) => changedFields(e), className: 'small' },
];

export function AuditLogPage() {
  const search = useSearch();
  const actor = search.get('actor') ?? '';
  const entityType = search.get('entityType') ?? '';
  const action = search.get('action') ?? '';
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const [text, setText] = useState(actor);
  const [pages, setPages] = useState<number[]>([]);
  useEffect(() => {
    if (text === actor) return;
    const t = setTimeout(() => setSearch({ actor: text.trim() }), 300);
    return () => clearTimeout(t);
  }, [text, actor]);
  // A new filter starts again from the newest event.
  useEffect(() => setPages([]), [actor, entityType, action, from, to]);
  const beforeId = pages[pages.length - 1];
  const kinds = useAsync(() => api.audit.kinds(), []);
  const list = useAsync(
    () => api.audit.events({ actor: actor || undefined, entityType: entityType || undefined, action: action || undefined, from: from || undefined, to: to || undefined, beforeId, limit: LIMIT }),
    [actor, entityType, action, from, to, beforeId],
  );
  const types = [...new Set((kinds.data?.items ?? []).map((k) => k.entityType))].sort((x, y) => a.entityLabel(x).localeCompare(a.entityLabel(y), 'vi'));
  const actions = (kinds.data?.items ?? []).filter((k) => !entityType || k.entityType === entityType);
  const rows = list.data ?? [];
  return (
    <div className="page">
      <h1>{a.title}</h1>
      <p className="muted">{a.hint}</p>
      <div className="filters" role="group" aria-label={a.filters}>
        <Field label={a.who}>
          <input type="search" value={text} placeholder={a.whoPlaceholder} onChange={(e) => setText(e.target.value)} />
        </Field>
        <Field label={a.entity}>
          <select value={entityType} onChange={(e) => setSearch({ entityType: e.target.value, action: undefined })}>
            <option value="">{vi.common.all}</option>
            {types.map((t) => <option key={t} value={t}>{a.entityLabel(t)}</option>)}
          </select>
        </Field>
        <Field label={a.what}>
          <select value={action} onChange={(e) => setSearch({ action: e.target.value })}>
            <option value="">{vi.common.all}</option>
            {actions.map((k) => <option key={k.entityType + k.action} value={k.action}>{a.actionLabel(k.action)} ({formatNumber(k.count)})</option>)}
          </select>
        </Field>
        <Field label={a.from}>
          <DateInput value={from} onChange={(v) => setSearch({ from: v })} />
        </Field>
        <Field label={a.to}>
          <DateInput value={to} onChange={(v) => setSearch({ to: v })} />
        </Field>
      </div>
      {list.loading && !list.data ? <Loading /> : <ErrorMessage error={list.error ?? kinds.error} />}
      {list.data && <DataTable columns={COLUMNS} rows={rows} rowKey={(e) => e.id} testId="audit-table" empty={a.none} />}
      <div className="pagination">
        <button type="button" disabled={pages.length === 0} onClick={() => setPages((p) => p.slice(0, -1))}>‹ {a.newer}</button>
        <button type="button" disabled={rows.length < LIMIT} onClick={() => setPages((p) => [...p, rows[rows.length - 1].id])}>{a.older} ›</button>
      </div>
    </div>
  );
}
