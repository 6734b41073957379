import { useEffect, useState } from 'react';
import { ApiError, api } from '../api.js';
import { isStaff, useAction, useAsync, useSession } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { Link, setSearch, useSearch } from '../router.js';
import type { ImportCounts } from '../types.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FileUpload } from '../components/FileUpload.js';
import { ProblemsTable, problemsOf } from '../components/ProblemsTable.js';
import { AgencyStatusBadge, Empty, Loading, Pagination, Section } from '../components/ui.js';

const LIMIT = 50;

function ImportPanel({ onDone }: { onDone: () => void }) {
  const action = useAction();
  const [result, setResult] = useState<ImportCounts | null>(null);
  const upload = async (file: File) => {
    setResult(null);
    const r = await action.run(() => api.agencies.import(file));
    if (r) {
      setResult(r);
      onDone();
    }
  };
  const invalid = action.error instanceof ApiError && action.error.status === 422 ? problemsOf(action.error.details) : null;
  return (
    <Section title={vi.agencies.import}>
      <p className="muted small">{vi.agencies.importHint}</p>
      <FileUpload label={vi.common.upload} busy={action.busy} onUpload={upload} />
      {result && <div className="alert alert-ok">{vi.agencies.importDone(result.created, result.updated, result.unchanged)}</div>}
      {invalid ? (
        <ProblemsTable problems={invalid.problems} title={vi.agencies.importFailed} tone="error" testId="import-problems" />
      ) : (
        <ErrorMessage error={action.error} />
      )}
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
        <select aria-label={vi.agencies.level} value={level} onChange={(e) => setSearch({ level: e.target.value, offset: undefined })}>
          <option value="">{vi.agencies.level}: {vi.common.all}</option>
          {Object.entries(vi.levels).map(([k, v]) => (
            <option key={k} value={k}>{v}</option>
          ))}
        </select>
        <select aria-label={vi.agencies.status} value={status} onChange={(e) => setSearch({ status: e.target.value, offset: undefined })}>
          <option value="">{vi.agencies.status}: {vi.common.all}</option>
          {Object.entries(vi.agencyStatus).map(([k, v]) => (
            <option key={k} value={k}>{v}</option>
          ))}
        </select>
        <select aria-label={vi.common.sortBy} value={sort} onChange={(e) => setSearch({ sort: e.target.value, offset: undefined })}>
          <option value="code">{vi.common.sortBy}: {vi.agencies.sortCode}</option>
          <option value="name">{vi.common.sortBy}: {vi.agencies.sortName}</option>
        </select>
      </div>
      {list.loading && !list.data ? <Loading /> : <ErrorMessage error={list.error} />}
      {list.data && list.data.items.length === 0 && <Empty />}
      {list.data && list.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="agencies-table">
              <thead>
                <tr>
                  <th>{vi.agencies.code}</th>
                  <th>{vi.agencies.name}</th>
                  <th>{vi.agencies.level}</th>
                  <th>{vi.agencies.parent}</th>
                  <th>{vi.agencies.status}</th>
                  <th>{vi.agencies.successor}</th>
                  <th>{vi.agencies.fondsCodes}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((a) => (
                  <tr key={a.id}>
                    <td className="nowrap">{a.code}</td>
                    <td>
                      <Link to={`/agencies/${a.id}`}>{a.name}</Link>
                    </td>
                    <td>{vi.levels[a.level] ?? a.level}</td>
                    <td>{a.parentName ?? '—'}</td>
                    <td>
                      <AgencyStatusBadge status={a.status} />
                    </td>
                    <td>{a.successorId ? <Link to={`/agencies/${a.successorId}`}>{a.successorName ?? '#' + a.successorId}</Link> : '—'}</td>
                    <td className="small">{a.fondsCodes?.join(', ') || '—'}</td>
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
