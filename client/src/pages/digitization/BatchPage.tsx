import { useEffect } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync, useSession, isStaff } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { num } from '../../format.js';
import { Link } from '../../router.js';
import type { BatchProgress } from '../../types.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Loading, Section, Stat } from '../../components/ui.js';
import { Bar, ScanUploader, size } from './ScanUploader.js';
import { PageEditor } from './PageEditor.js';
import { PageQualityList } from './PageQualityList.js';
import { pageQuality } from '../../i18n/page-quality.js';

type Master = BatchProgress['masters'][number];

const MASTER_COLUMNS: Column<Master>[] = [
  { header: vi.dig.original, cell: (m) => m.originalName },
  { header: vi.dig.format, cell: (m) => m.format.toUpperCase() },
  { header: vi.dig.size, cell: (m) => size(m.sizeBytes), align: 'right' },
  { header: vi.dig.pagesCount, cell: (m) => num(m.pageCount, 0), align: 'right' },
  { header: vi.dig.ocr, cell: (m) => `${num(m.ocrDone, 0)}/${num(m.pageCount, 0)}`, align: 'right' },
  {
    header: vi.dig.fixity,
    cell: (m) => <Badge tone={m.fixityStatus === 'ok' ? 'ok' : m.fixityStatus === 'unchecked' ? 'neutral' : 'bad'}>{vi.dig.fixityStatus[m.fixityStatus]}</Badge>,
  },
  { header: '', cell: (m) => (m.pageIds[0] ? <Link to={`/viewer/pages/${m.pageIds[0]}`}>{vi.dig.open}</Link> : null) },
];

/** One batch: upload scans into it and watch every page through derivatives and OCR (polled while work remains). */
export function BatchPage({ id }: { id: number }) {
  const { user } = useSession();
  const progress = useAsync(() => api.digitization.progress(id), [id]);
  const action = useAction();
  const p = progress.data;
  const working = !!p && !p.finished;
  useEffect(() => {
    if (!working) return;
    const t = setInterval(progress.reload, 2000);
    return () => clearInterval(t);
  }, [working, progress.reload]);

  if (!p) return progress.loading ? <Loading /> : <ErrorMessage error={progress.error} />;
  const ocrTotal = p.pages;
  return (
    <div className="page">
      <h1>{vi.dig.batch(p.id)}</h1>
      <p>
        {vi.dig.file}: <strong>{p.fileNotation}</strong> — {p.fileTitle}{' '}
        <Link to={`/digitization/files/${p.recordFileId}`}>{vi.dig.metadata}</Link> · <Link to={`/viewer/files/${p.recordFileId}`}>{vi.dig.viewPages}</Link>
      </p>
      {isStaff(user) && (
        <Section title={vi.dig.upload}>
          <ScanUploader batchId={id} onUploaded={progress.reload} />
        </Section>
      )}
      <Section
        title={vi.dig.progress}
        actions={
          <button type="button" disabled={action.busy || ocrTotal === 0} onClick={() => action.run(() => api.digitization.reocrBatch(id)).then(progress.reload)}>
            {vi.dig.reocr}
          </button>
        }
      >
        <div className="stats" data-testid="batch-progress" data-finished={p.finished ? 'true' : 'false'}>
          <Stat label={vi.dig.pagesCount} value={num(ocrTotal, 0)} />
          <Stat label={`${vi.dig.ocr}: ${vi.dig.queued}`} value={num(p.ocr.queued, 0)} />
          <Stat label={`${vi.dig.ocr}: ${vi.dig.running}`} value={num(p.ocr.running, 0)} tone="info" />
          <Stat label={`${vi.dig.ocr}: ${vi.dig.done}`} value={num(p.ocr.done, 0)} tone="ok" />
          <Stat label={`${vi.dig.ocr}: ${vi.dig.failedCount}`} value={num(p.ocr.failed, 0)} tone={p.ocr.failed ? 'bad' : 'neutral'} />
          <Stat label={`${vi.dig.derivatives}: ${vi.dig.done}`} value={`${num(p.derivatives.done, 0)}/${num(ocrTotal, 0)}`} />
        </div>
        <Bar label={vi.dig.ocr} value={p.ocr.done + p.ocr.failed} max={ocrTotal} testId="ocr-progress" />
        <p className="muted">{p.finished ? vi.dig.finished : vi.dig.live}</p>
        <ErrorMessage error={action.error} />
      </Section>
      {isStaff(user) && (
        <Section title={pageQuality.title}>
          <PageQualityList batchId={id} version={`${p.pages}-${p.ocr.done}-${p.quality.measured}`} />
        </Section>
      )}
      {isStaff(user) && (
        <Section title={vi.dig.pagesOfFile}>
          <PageEditor fileId={p.recordFileId} version={`${p.pages}-${p.derivatives.done}-${p.ocr.done}`} onChanged={progress.reload} />
        </Section>
      )}
      <Section title={vi.dig.masters}>
        <DataTable rows={p.masters} columns={MASTER_COLUMNS} rowKey={(m) => m.id} testId="masters" />
      </Section>
    </div>
  );
}
