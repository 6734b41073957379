/** One file's digital-archive page: request an AIP (a background job), watch its progress, download it; PDF/A-2b. */
import { useEffect, useState } from 'react';
import { archiveApi, type AipExport } from '../../api/archive.js';
import { useAction, useAsync } from '../../hooks.js';
import { archive } from '../../i18n/archive.js';
import { num } from '../../format.js';
import { Link } from '../../router.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Loading, Section } from '../../components/ui.js';

const a = archive.arch;
const api = archiveApi.archive;

export function AipExportPage({ id }: { id: number }) {
  const list = useAsync(() => api.list({ fileId: id }), [id]);
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const busy = list.data?.items.some((e) => e.status === 'queued' || e.status === 'running') ?? false;
  // Polls while a package is being built, so progress shows without reloading.
  useEffect(() => {
    if (!busy) return;
    const t = setInterval(list.reload, 1000);
    return () => clearInterval(t);
  }, [busy, list.reload]);

  const columns: Column<AipExport>[] = [
    { header: a.package, cell: (e) => <code>{e.packageId}</code> },
    { header: a.status, cell: (e) => <Badge tone={e.status === 'done' ? 'ok' : e.status === 'failed' ? 'bad' : 'neutral'}>{a.statusLabel[e.status]}</Badge> },
    {
      header: a.progress,
      cell: (e) => (
        <span data-testid={`aip-progress-${e.id}`}>
          <progress max={Math.max(1, e.progressTotal)} value={e.progressDone} /> {e.progressDone}/{e.progressTotal}
          {e.stage ? <span className="muted small"> · {e.stage}</span> : null}
          {e.error ? <span className="error small"> · {e.error}</span> : null}
        </span>
      ),
    },
    { header: a.lock, cell: (e) => (e.lockMode ? <span title={e.lockDetail ?? ''}><Badge tone={e.lockMode === 'none' ? 'bad' : 'ok'}>{a.lockLabel[e.lockMode]}</Badge></span> : '—') },
    { header: a.fixity, cell: (e) => a.fixityLabel[e.fixityStatus] ?? e.fixityStatus },
    { header: a.size, cell: (e) => (e.sizeBytes ? `${num(e.sizeBytes / 1024, 0)} KB` : '—'), className: 'nowrap' },
    {
      header: '',
      cell: (e) => (e.status === 'done' ? <button type="button" data-testid={`aip-download-${e.id}`} onClick={() => action.run(() => api.downloadAip(e))}>{a.download}</button> : null),
    },
  ];

  const start = async () => {
    setNotice(null);
    if (await action.run(() => api.request({ fileId: id }))) {
      setNotice(a.started);
      list.reload();
    }
  };
  return (
    <div className="page">
      <h1>{a.title}</h1>
      <p><Link to={`/digitization/files/${id}`}>{a.fileNo(id)}</Link></p>
      <Section
        title={a.exports}
        actions={
          <>
            <button type="button" onClick={() => action.run(() => api.downloadPdfa(id))}>{a.pdfa}</button>
            <button type="button" className="primary" disabled={action.busy || busy} onClick={start} data-testid="aip-export">{a.export}</button>
          </>
        }
      >
        <p className="muted small">{a.pdfaHint}</p>
        {notice && <p className="notice" role="status">{notice}</p>}
        <ErrorMessage error={action.error} />
        {list.loading && !list.data ? <Loading /> : <ErrorMessage error={list.error} />}
        {list.data && <DataTable columns={columns} rows={list.data.items} rowKey={(e) => e.id} empty={a.none} testId="aip-exports" />}
      </Section>
    </div>
  );
}
