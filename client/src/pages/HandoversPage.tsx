import { api } from '../api.js';
import { isStaff, useAsync, useSession } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { date, num } from '../format.js';
import { Link, setSearch, useSearch } from '../router.js';
import type { HandoverSummary } from '../types.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FilterSelect, HandoverStatusBadge, Loading, Pagination } from '../components/ui.js';

const LIMIT = 50;

const AGENCY: Column<HandoverSummary> = { header: vi.handovers.agency, cell: (h) => h.agencyName ?? h.agencyCode ?? '#' + h.agencyId };

const COLUMNS: Column<HandoverSummary>[] = [
  { header: '#', cell: (h) => h.id, align: 'right' },
  { header: vi.handovers.titleField, cell: (h) => <Link to={`/handovers/${h.id}`}>{h.title}</Link> },
  AGENCY,
  { header: vi.handovers.status, cell: (h) => <HandoverStatusBadge status={h.status} /> },
  { header: vi.handovers.files, cell: (h) => num(h.files, 0), align: 'right' },
  { header: vi.wizard.handoverDate, cell: (h) => date(h.handoverDate) },
];

export function HandoversPage() {
  const { user } = useSession();
  const search = useSearch();
  const status = search.get('status') ?? '';
  const offset = Number(search.get('offset') ?? 0) || 0;
  const columns = isStaff(user) ? COLUMNS : COLUMNS.filter((c) => c !== AGENCY);
  const list = useAsync(() => api.handovers.list({ status: status || undefined, limit: LIMIT, offset }), [status, offset]);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{vi.handovers.title}</h1>
        <Link to="/handovers/new" className="button primary">
          {vi.handovers.new}
        </Link>
      </div>
      <div className="filters">
        <FilterSelect label={vi.handovers.status} value={status} options={vi.handoverStatus} onChange={(v) => setSearch({ status: v, offset: undefined })} />
      </div>
      {list.loading && !list.data ? <Loading /> : <ErrorMessage error={list.error} />}
      {list.data && (
        <>
          <DataTable columns={columns} rows={list.data.items} rowKey={(h) => h.id} empty={vi.handovers.none} testId="handovers-table" />
          {list.data.items.length > 0 && (
            <Pagination total={list.data.total} limit={LIMIT} offset={offset} onChange={(o) => setSearch({ offset: o || undefined })} />
          )}
        </>
      )}
    </div>
  );
}
