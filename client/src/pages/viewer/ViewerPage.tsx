import { useEffect, useState } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync, useSession, isStaff } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { num } from '../../format.js';
import { Link, navigate, useSearch } from '../../router.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading, Section } from '../../components/ui.js';
import { DeepZoom } from './DeepZoom.js';
import { RestrictedOr } from './RestrictedNotice.js';

/** /viewer/files/:id opens the file's first visible page, keeping the query so hits stay highlighted. */
export function FileViewerRedirect({ fileId }: { fileId: number }) {
  const params = useSearch();
  const pages = useAsync(() => api.digitization.filePages(fileId), [fileId]);
  useEffect(() => {
    const first = pages.data?.items[0];
    if (first) navigate(`/viewer/pages/${first.id}${params.toString() ? `?${params}` : ''}`, { replace: true });
  }, [pages.data]);
  if (pages.data && pages.data.items.length === 0) return <p>{vi.viewer.notReady}</p>;
  return pages.error ? <RestrictedOr error={pages.error} fileId={fileId} /> : <Loading />;
}

/** One scanned page: deep zoom with the matched words boxed, the OCR text beside it, page navigation and exports. */
export function ViewerPage({ id }: { id: number }) {
  const { user } = useSession();
  const params = useSearch();
  const [q, setQ] = useState(params.get('q') ?? '');
  const exact = params.get('exact') === '1';
  const page = useAsync(() => api.digitization.page(id), [id]);
  const fileId = page.data?.recordFileId;
  const siblings = useAsync(() => (fileId ? api.digitization.filePages(fileId) : Promise.resolve(null)), [fileId]);
  const hits = useAsync(() => (q.trim() ? api.search.pageHits(id, q.trim(), exact || undefined) : Promise.resolve(null)), [id, q, exact]);
  const text = useAsync(() => (page.data?.ocrStatus === 'done' ? api.digitization.pageText(id) : Promise.resolve(null)), [id, page.data?.ocrStatus]);
  const action = useAction();

  if (!page.data) return page.loading ? <Loading /> : <RestrictedOr error={page.error} pageId={id} />;
  const p = page.data;
  const list = siblings.data?.items ?? [];
  const at = list.findIndex((x) => x.id === p.id);
  const go = (delta: number) => {
    const next = list[at + delta];
    if (next) navigate(`/viewer/pages/${next.id}${params.toString() ? `?${params}` : ''}`);
  };
  return (
    <div className="page viewer-page">
      <h1>
        {p.fileNotation} — {p.fileTitle}
      </h1>
      {!p.fixityOk && (
        <div className="alert alert-error" role="alert" data-testid="fixity-warning">
          {vi.viewer.fixityBad}
        </div>
      )}
      <div className="toolbar">
        <button type="button" disabled={at <= 0} onClick={() => go(-1)}>
          {vi.viewer.prev}
        </button>
        <span data-testid="page-position">{vi.viewer.page(p.seq, list.length || p.seq)}</span>
        <button type="button" disabled={at < 0 || at >= list.length - 1} onClick={() => go(1)}>
          {vi.viewer.next}
        </button>
        <label className="inline-field">
          {vi.viewer.highlight}: <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        {hits.data && <span data-testid="hit-count">{vi.viewer.hits(hits.data.words.length)}</span>}
      </div>
      <div className="viewer-layout">
        {p.derivativesStatus === 'done' ? <DeepZoom infoUrl={p.links.iiif} boxes={hits.data?.words ?? []} /> : <p>{vi.viewer.notReady}</p>}
        <aside>
          <Section title={vi.viewer.text}>
            {p.ocrStatus === 'done' ? (
              <>
                <p className="muted small">{vi.viewer.confidence(num(p.ocrConfidence ?? 0, 1))}</p>
                <pre className="ocr-text" data-testid="ocr-text">{text.data ?? ''}</pre>
              </>
            ) : (
              <p>{vi.viewer.notOcr}</p>
            )}
            {isStaff(user) && (
              <button type="button" disabled={action.busy} onClick={() => action.run(() => api.digitization.reocrPage(p.id)).then(page.reload)}>
                {vi.dig.reocrPage}
              </button>
            )}
            <ErrorMessage error={action.error} />
          </Section>
          <Section title={vi.viewer.exports}>
            {user.role === 'researcher' && <p className="muted small" data-testid="stamped-note">{vi.viewer.stampedNote}</p>}
            <ul className="link-list">
              {(['txt', 'alto', 'hocr', 'pdf'] as const).map((f) => (
                <li key={f}>
                  <button type="button" className="text-link" onClick={() => action.run(() => api.digitization.exportPage(p.id, f))}>
                    {vi.viewer.exportPage[f]}
                  </button>
                </li>
              ))}
              {(['txt', 'hocr', 'pdf'] as const).map((f) => (
                <li key={`file-${f}`}>
                  <button type="button" className="text-link" onClick={() => action.run(() => api.digitization.exportFile(p.recordFileId, f))}>
                    {vi.viewer.exportFile[f]}
                  </button>
                </li>
              ))}
              <li>
                <a href={`/api/iiif/3/file-${p.recordFileId}/manifest.json`} target="_blank" rel="noreferrer">
                  {vi.viewer.manifest}
                </a>
              </li>
              <li>
                <Link to={`/digitization/files/${p.recordFileId}`}>{vi.dig.metadata}</Link>
              </li>
              {user.role === 'researcher' && (
                <li>
                  <button type="button" className="text-link" onClick={() => action.run(() => api.circ.downloadPage(p.id))}>{vi.circ.download}</button>
                </li>
              )}
            </ul>
          </Section>
        </aside>
      </div>
    </div>
  );
}
