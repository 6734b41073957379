import { api } from '../api.js';
import { isStaff, useAsync, useSession } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { date, num } from '../format.js';
import { Link, setSearch, useSearch } from '../router.js';
import type { HandoverSummary } from '../types.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Empty, HandoverStatusBadge, Loading, Pagination } from '../components/ui.js';

const LIMIT = 50;

const filesOf = (h: HandoverSummary) => h.files ?? h.summary?.files;

export function HandoversPage() {
  const { user } = useSession();
  const search = useSearch();
  const status = search.get('status') ?? '';
  const offset = Number(search.get('offset') ?? 0) || 0;
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
        <select aria-label={vi.handovers.status} value={status} onChange={(e) => setSearch({ status: e.target.value, offset: undefined })}>
          <option value="">{vi.handovers.status}: {vi.common.all}</option>
          {Object.entries(vi.handoverStatus).map(([k, v]) => (
            <option key={k} value={k}>{v}</option>
          ))}
        </select>
      </div>
      {list.loading && !list.data ? <Loading /> : <ErrorMessage error={list.error} />}
      {list.data && list.data.items.length === 0 && <Empty text={vi.handovers.none} />}
      {list.data && list.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="handovers-table">
              <thead>
                <tr>
                  <th className="num">#</th>
                  <th>{vi.handovers.titleField}</th>
                  {isStaff(user) && <th>{vi.handovers.agency}</th>}
                  <th>{vi.handovers.status}</th>
                  <th className="num">{vi.handovers.files}</th>
                  <th>{vi.wizard.handoverDate}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((h) => (
                  <tr key={h.id}>
                    <td className="num">{h.id}</td>
                    <td>
                      <Link to={`/handovers/${h.id}`}>{h.title}</Link>
                    </td>
                    {isStaff(user) && <td>{h.agencyName ?? h.agencyCode ?? '#' + h.agencyId}</td>}
                    <td>
                      <HandoverStatusBadge status={h.status} />
                    </td>
                    <td className="num">{filesOf(h) === undefined ? '—' : num(filesOf(h), 0)}</td>
                    <td>{date(h.handoverDate ?? null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination total={list.data.total} limit={LIMIT} offset={offset} onChange={(o) => setSearch({ offset: o || undefined })} />
        </>
      )}
    </div>
  );
}
