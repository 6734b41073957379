import { api } from '../api.js';
import { useAction, useAsync } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { num } from '../format.js';
import { Link, setSearch, useSearch } from '../router.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { AgencyStatusBadge, Empty, Loading } from '../components/ui.js';

const SORTS = [
  ['overdueFiles', vi.overdue.overdueFiles],
  ['earliestDueYear', vi.overdue.earliestDueYear],
  ['name', vi.agencies.sortName],
  ['code', vi.agencies.sortCode],
] as const;

export function OverduePage() {
  const search = useSearch();
  const sort = search.get('sort') ?? 'overdueFiles';
  const order = search.get('order') ?? 'desc';
  const level = search.get('level') ?? '';
  const query = { sort, order, level: level || undefined };
  const r = useAsync(() => api.deadlines.overdue(query), [sort, order, level]);
  const xlsx = useAction();

  /** Clicking a column header sorts by it; clicking again flips the order. */
  const header = (key: string, label: string, numeric = false) => (
    <th className={numeric ? 'num' : undefined} aria-sort={sort === key ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="th-sort" onClick={() => setSearch({ sort: key, order: sort === key && order === 'desc' ? 'asc' : 'desc' })}>
        {label} {sort === key ? (order === 'asc' ? '▲' : '▼') : ''}
      </button>
    </th>
  );

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
      </div>
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
        <select aria-label={vi.agencies.level} value={level} onChange={(e) => setSearch({ level: e.target.value })}>
          <option value="">{vi.agencies.level}: {vi.common.all}</option>
          {Object.entries(vi.levels).map(([k, v]) => (
            <option key={k} value={k}>{v}</option>
          ))}
        </select>
      </div>
      {r.loading && !r.data ? <Loading /> : <ErrorMessage error={r.error} />}
      {r.data && r.data.items.length === 0 && <Empty text={vi.overdue.none} />}
      {r.data && r.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="overdue-table">
            <thead>
              <tr>
                {header('code', vi.agencies.code)}
                {header('name', vi.agencies.name)}
                <th>{vi.agencies.level}</th>
                <th>{vi.agencies.status}</th>
                {header('overdueFiles', vi.overdue.overdueFiles, true)}
                {header('earliestDueYear', vi.overdue.earliestDueYear, true)}
                <th className="num">{vi.overdue.yearsOverdue}</th>
                <th className="num">{vi.overdue.dueThisYear}</th>
              </tr>
            </thead>
            <tbody>
              {r.data.items.map((a) => (
                <tr key={a.agencyId}>
                  <td className="nowrap">{a.code}</td>
                  <td>
                    <Link to={`/agencies/${a.agencyId}`}>{a.name}</Link>
                  </td>
                  <td>{vi.levels[a.level] ?? a.level}</td>
                  <td>
                    <AgencyStatusBadge status={a.status} />
                  </td>
                  <td className="num strong">{num(a.overdueFiles, 0)}</td>
                  <td className="num">{a.earliestDueYear ?? '—'}</td>
                  <td className="num">{num(a.yearsOverdue, 0)}</td>
                  <td className="num">{num(a.dueThisYear, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
