import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { isStaff, useAsync, useSession } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { Link, setSearch, useSearch } from '../router.js';
import type { Agency, ImportCounts } from '../types.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ImportWithPreview } from '../components/ImportWithPreview.js';
import { AgencyStatusBadge, FilterSelect, Loading, Pagination, Section } from '../components/ui.js';

const LIMIT = 50;

const COLUMNS: Column<Agency>[] = [
  { header: vi.agencies.code, cell: (a) => a.code, className: 'nowrap' },
  { header: vi.agencies.name, cell: (a) => <Link to={`/agencies/${a.id}`}>{a.name}</Link> },
  { header: vi.agencies.level, cell: (a) => vi.levels[a.level] ?? a.level },
  { header: vi.agencies.parent, cell: (a) => a.parentName ?? '—' },
  { header: vi.agencies.status, cell: (a) => <AgencyStatusBadge status={a.status} /> },
  {
    header: vi.agencies.successor,
    cell: (a) => (a.successorId ? <Link to={`/agencies/${a.successorId}`}>{a.successorName ?? '#' + a.successorId}</Link> : '—'),
  },
  { header: vi.agencies.fondsCodes, cell: (a) => a.fondsCodes?.join(', ') || '—', className: 'small' },
];

function ImportPanel({ onDone }: { onDone: () => void }) {
  return (
    <Section title={vi.agencies.import}>
      <p className="muted small">{vi.agencies.importHint}</p>
      <ImportWithPreview<ImportCounts> label={vi.common.upload} send={api.agencies.import} testId="import" refusedTitle={vi.agencies.importFailed} onDone={onDone}
        willDo={(r) => vi.importPreview.agencyCounts(r.created, r.updated, r.unchanged)} done={(r) => vi.agencies.importDone(r.created, r.updated, r.unchanged)} />
    </Section>
  );
}

export function AgenciesPage() {
  const { user } = useSession();
  const search = useSearch();
  const q = search.get('q') ?? '';
  const level = search.get('level') ?? '';
  const status = search.get('status') ?? '';
  const sort = search.get('sort') ?? 'code';
  const offset = Number(search.get('offset') ?? 0) || 0;
  const [text, setText] = useState(q);
  const [showImport, setShowImport] = useState(false);

  // Debounced: the list follows typing without a request per keystroke.
  useEffect(() => {
    if (text === q) return;
    const t = setTimeout(() => setSearch({ q: text.trim(), offset: undefined }), 300);
    return () => clearTimeout(t);
  }, [text, q]);

  const list = useAsync(
    () => api.agencies.list({ q: q || undefined, level: level || undefined, status: status || undefined, sort, limit: LIMIT, offset }),
    [q, level, status, sort, offset],
  );

  return (
    <div className="page">
      <div className="page-head">
        <h1>{vi.agencies.title}</h1>
        {isStaff(user) && (
          <button type="button" onClick={() => setShowImport((s) => !s)}>
            {vi.agencies.import}
          </button>
        )}
      </div>
      {showImport && <ImportPanel onDone={list.reload} />}
      <div className="filters">
        <input
          type="search"
          className="grow"
          value={text}
          placeholder={vi.agencies.searchPlaceholder}
          aria-label={vi.agencies.searchPlaceholder}
          onChange={(e) => setText(e.target.value)}
        />
        <FilterSelect label={vi.agencies.level} value={level} options={vi.levels} onChange={(v) => setSearch({ level: v, offset: undefined })} />
        <FilterSelect label={vi.agencies.status} value={status} options={vi.agencyStatus} onChange={(v) => setSearch({ status: v, offset: undefined })} />
        <select aria-label={vi.common.sortBy} value={sort} onChange={(e) => setSearch({ sort: e.target.value, offset: undefined })}>
          <option value="code">{vi.common.sortBy}: {vi.agencies.sortCode}</option>
          <option value="name">{vi.common.sortBy}: {vi.agencies.sortName}</option>
        </select>
      </div>
      {list.loading && !list.data ? <Loading /> : <ErrorMessage error={list.error} />}
      {list.data && (
        <>
          <DataTable columns={COLUMNS} rows={list.data.items} rowKey={(a) => a.id} testId="agencies-table" />
          {list.data.items.length > 0 && (
            <Pagination total={list.data.total} limit={LIMIT} offset={offset} onChange={(o) => setSearch({ offset: o || undefined })} />
          )}
        </>
      )}
    </div>
  );
}
