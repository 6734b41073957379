import { useState } from 'react';
import { pageQualityApi, type BatchPageQualityView } from '../../api/page-quality.js';
import { useAsync } from '../../hooks.js';
import { pageQuality as q } from '../../i18n/page-quality.js';
import { vi } from '../../i18n/vi.js';
import { num } from '../../format.js';
import { Link } from '../../router.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Loading } from '../../components/ui.js';

const pct = (x: number | null) => (x === null ? '—' : `${num(x * 100, 0)} %`);

// Three columns (and table-narrow: no phone min-width), so a 390 px phone shows page, figures and verdict side by side.
const COLUMNS: Column<BatchPageQualityView>[] = [
  {
    header: q.page,
    cell: (p) => (
      <>
        <Link to={`/viewer/pages/${p.id}`}>{vi.dig.pageN(p.seq)}</Link>
        {p.tableRead ? <> <Badge tone="info">{q.tableRead}</Badge></> : p.suspectedTable ? <> <Badge tone="warn">{q.tableSuspected}</Badge></> : null}
      </>
    ),
  },
  {
    header: q.confidence,
    cell: (p) => (
      <>
        <span title={q.meanConfidence}>{p.meanWordConfidence === null ? '—' : num(p.meanWordConfidence, 1)}</span>
        <br />
        <span className="muted small" title={q.lowShare}>{q.lowShareOf(pct(p.lowConfidenceShare))}</span>
      </>
    ),
    align: 'right',
  },
  {
    header: q.review,
    cell: (p) => {
      if (p.needsReview === null) return <Badge>{q.notYet}</Badge>;
      if (!p.needsReview) return <Badge tone="ok">{q.ok}</Badge>;
      return (
        <div data-testid="needs-review">
          <Badge tone="bad">{q.needsReview}</Badge>
          {p.reasons.map((r) => (
            <div key={r.code} className="small" title={r.message}>{q.reasons[r.code] ?? r.message}</div>
          ))}
        </div>
      );
    },
  },
];

/**
 * The batch's pages with their OCR quality, so staff open the pages worth checking first. `version` changes as the
 * batch makes progress, so figures appear as OCR finishes.
 */
export function PageQualityList({ batchId, version }: { batchId: number; version: string }) {
  const [only, setOnly] = useState(false);
  const pages = useAsync(() => pageQualityApi.batchPages(batchId, only), [batchId, version, only]);
  const d = pages.data;
  return (
    <>
      <p className="muted small">{q.intro}</p>
      <p>
        <label className="checkbox">
          <input type="checkbox" checked={only} onChange={(e) => setOnly(e.target.checked)} /> {q.onlyNeedsReview}
        </label>
        {d && <> · <strong data-testid="needs-review-count">{q.summary(d.needsReview, d.total)}</strong></>}
      </p>
      {!d ? (
        pages.loading ? <Loading /> : <ErrorMessage error={pages.error} />
      ) : (
        <DataTable rows={d.items} columns={COLUMNS} rowKey={(p) => p.id} testId="page-quality" className="table-dense table-narrow" empty={only ? q.noneNeedsReview : q.none} />
      )}
    </>
  );
}
