import { useState } from 'react';
import { api } from '../api.js';
import { useAction, useAsync } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { num } from '../format.js';
import { Link, setSearch, useSearch } from '../router.js';
import type { OverdueAgency, ReminderBatch } from '../types.js';
import { DataTable, type Column, type TableSort } from '../components/DataTable.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { AgencyStatusBadge, FilterSelect, Loading } from '../components/ui.js';
import { SendReminders, SentReminders } from '../components/SendReminders.js';

const SORTS = [
  ['overdueFiles', vi.overdue.overdueFiles],
  ['earliestDueYear', vi.overdue.earliestDueYear],
  ['name', vi.agencies.sortName],
  ['code', vi.agencies.sortCode],
] as const;

const COLUMNS: Column<OverdueAgency>[] = [
  { header: vi.agencies.code, cell: (a) => a.code, className: 'nowrap', sortKey: 'code' },
  { header: vi.agencies.name, cell: (a) => <Link to={`/agencies/${a.agencyId}`}>{a.name}</Link>, sortKey: 'name' },
  { header: vi.agencies.level, cell: (a) => vi.levels[a.level] ?? a.level },
  { header: vi.agencies.status, cell: (a) => <AgencyStatusBadge status={a.status} /> },
  { header: vi.overdue.overdueFiles, cell: (a) => num(a.overdueFiles, 0), align: 'right', className: 'strong', sortKey: 'overdueFiles' },
  { header: vi.overdue.earliestDueYear, cell: (a) => a.earliestDueYear ?? '—', align: 'right', sortKey: 'earliestDueYear' },
  { header: vi.overdue.yearsOverdue, cell: (a) => num(a.yearsOverdue, 0), align: 'right' },
  { header: vi.overdue.dueThisYear, cell: (a) => num(a.dueThisYear, 0), align: 'right' },
];

export function OverduePage() {
  const search = useSearch();
  const sort = search.get('sort') ?? 'overdueFiles';
  const order = search.get('order') ?? 'desc';
  const level = search.get('level') ?? '';
  const query = { sort, order, level: level || undefined };
  const r = useAsync(() => api.deadlines.overdue(query), [sort, order, level]);
  const xlsx = useAction();
  // Agencies ticked for a reminder letter; the form opens only on "Gửi công văn đôn đốc".
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<ReminderBatch | null>(null);
  const rows = r.data?.items ?? [];
  const toggle = (id: number) => setPicked((p) => { const n = new Set(p); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const allPicked = rows.length > 0 && rows.every((a) => picked.has(a.agencyId));
  const pickColumn: Column<OverdueAgency> = {
    header: <input type="checkbox" aria-label={vi.reminders.selectAll} checked={allPicked} onChange={() => setPicked(allPicked ? new Set() : new Set(rows.map((a) => a.agencyId)))} />,
    cell: (a) => <input type="checkbox" aria-label={vi.reminders.select(a.name)} checked={picked.has(a.agencyId)} onChange={() => toggle(a.agencyId)} />,
  };

  /** Clicking a column header sorts by it; clicking again flips the order. */
  const tableSort: TableSort = {
    key: sort,
    order: order === 'asc' ? 'asc' : 'desc',
    onSort: (key) => setSearch({ sort: key, order: sort === key && order === 'desc' ? 'asc' : 'desc' }),
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>
          {vi.overdue.title}
          {r.data && <span className="muted"> · {vi.deadlines.currentYear(r.data.currentYear)}</span>}
        </h1>
        <button type="button" className="primary" disabled={xlsx.busy} onClick={() => xlsx.run(() => api.deadlines.overdueXlsx(query))}>
          {vi.overdue.xlsx}
        </button>
        <button type="button" className="primary" disabled={picked.size === 0} onClick={() => { setSent(null); setSending(true); }}>
          {vi.reminders.send}
        </button>
      </div>
      {picked.size > 0 && <p className="muted">{vi.reminders.selected(picked.size)}</p>}
      {sending && (
        <SendReminders
          agencyIds={[...picked]}
          onCancel={() => setSending(false)}
          onSent={(b) => { setSent(b); setSending(false); setPicked(new Set()); }}
        />
      )}
      {sent && <SentReminders batch={sent} />}
      <ErrorMessage error={xlsx.error} />
      <div className="filters">
        <select aria-label={vi.common.sortBy} value={sort} onChange={(e) => setSearch({ sort: e.target.value })}>
          {SORTS.map(([k, label]) => (
            <option key={k} value={k}>{vi.common.sortBy}: {label}</option>
          ))}
        </select>
        <select aria-label={vi.common.order} value={order} onChange={(e) => setSearch({ order: e.target.value })}>
          <option value="desc">{vi.common.desc}</option>
          <option value="asc">{vi.common.asc}</option>
        </select>
        <FilterSelect label={vi.agencies.level} value={level} options={vi.levels} onChange={(v) => setSearch({ level: v })} />
      </div>
      {r.loading && !r.data ? <Loading /> : <ErrorMessage error={r.error} />}
      {r.data && (
        <DataTable columns={[pickColumn, ...COLUMNS]} rows={r.data.items} rowKey={(a) => a.agencyId} empty={vi.overdue.none} testId="overdue-table" sort={tableSort} />
      )}
    </div>
  );
}
