import { useState } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { Link } from '../../router.js';
import type { PageView } from '../../types.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Loading } from '../../components/ui.js';

/**
 * Staff put a file's pages right: move a page up or down, give it a new image, or delete it (after a confirmation).
 * Every change goes to the server at once and the list is read back, so the numbers shown are the stored ones.
 * `version` changes whenever the batch around it makes progress, so new pages and finished thumbnails appear.
 */
export function PageEditor({ fileId, version, onChanged }: { fileId: number; version: string; onChanged: () => void }) {
  const [edits, setEdits] = useState(0);
  const pages = useAsync(() => api.digitization.filePages(fileId), [fileId, version, edits]);
  const action = useAction();
  const [confirming, setConfirming] = useState<number | null>(null);
  const list = pages.data?.items ?? [];

  const after = async (ok: unknown) => {
    if (ok === undefined) return;
    setEdits((n) => n + 1);
    onChanged();
  };
  const move = (i: number, delta: number) => {
    const ids = list.map((p) => p.id);
    [ids[i], ids[i + delta]] = [ids[i + delta]!, ids[i]!];
    void action.run(() => api.digitization.reorderPages(fileId, ids)).then(after);
  };
  const replace = (p: PageView, file: File | undefined) => {
    if (file) void action.run(() => api.digitization.replacePage(p.id, file)).then(after);
  };
  const remove = (p: PageView) => {
    setConfirming(null);
    void action.run(() => api.digitization.deletePage(p.id).then(() => true)).then(after);
  };

  const columns: Column<PageView>[] = [
    { header: vi.dig.pageNo, cell: (p) => <Link to={`/viewer/pages/${p.id}`}>{vi.dig.pageN(p.seq)}</Link>, className: 'nowrap' },
    {
      header: vi.dig.thumbnail,
      cell: (p) => (p.derivativesStatus === 'done' ? <img src={p.links.thumbnail} alt={vi.dig.pageN(p.seq)} className="page-thumb" width={80} /> : <Badge>{vi.dig.imagePending}</Badge>),
    },
    { header: vi.dig.ocr, cell: (p) => <Badge tone={p.ocrStatus === 'done' ? 'ok' : p.ocrStatus === 'failed' ? 'bad' : 'neutral'}>{vi.dig.ocrStatus[p.ocrStatus]}</Badge> },
    {
      header: '',
      cell: (p) => {
        const i = list.indexOf(p);
        if (confirming === p.id) {
          return (
            <span role="alert" className="confirm-inline">
              {vi.dig.confirmDelete(p.seq)}{' '}
              <button type="button" className="danger" disabled={action.busy} onClick={() => remove(p)}>{vi.dig.confirmDeleteYes}</button>{' '}
              <button type="button" onClick={() => setConfirming(null)}>{vi.dig.confirmDeleteNo}</button>
            </span>
          );
        }
        return (
          <span className="row-actions">
            <button type="button" disabled={action.busy || i <= 0} onClick={() => move(i, -1)} aria-label={vi.dig.moveUpLabel(p.seq)}>↑ {vi.dig.moveUp}</button>{' '}
            <button type="button" disabled={action.busy || i >= list.length - 1} onClick={() => move(i, 1)} aria-label={vi.dig.moveDownLabel(p.seq)}>↓ {vi.dig.moveDown}</button>{' '}
            {/* position: the hidden input is absolute; without a containing block here it escapes the table's scroll frame and widens a phone's page. */}
            <label className="button" style={{ position: 'relative' }}>
              <input
                type="file"
                className="visually-hidden"
                accept=".tif,.tiff,.jpg,.jpeg,.png,image/tiff,image/jpeg,image/png"
                disabled={action.busy}
                aria-label={vi.dig.replaceLabel(p.seq)}
                onChange={(e) => {
                  replace(p, e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
              {vi.dig.replace}
            </label>{' '}
            <button type="button" disabled={action.busy} onClick={() => setConfirming(p.id)} aria-label={vi.dig.deleteLabel(p.seq)}>{vi.dig.deletePage}</button>
          </span>
        );
      },
    },
  ];

  if (!pages.data) return pages.loading ? <Loading /> : <ErrorMessage error={pages.error} />;
  return (
    <>
      <p className="muted small">{vi.dig.pageEditHint}</p>
      <DataTable rows={list} columns={columns} rowKey={(p) => p.id} testId="page-editor" empty={vi.dig.noPages} />
      <ErrorMessage error={action.error} />
    </>
  );
}
