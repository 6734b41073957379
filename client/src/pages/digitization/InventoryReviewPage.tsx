import { useRef, useState } from 'react';
import { inventoryReviewApi, type InventoryImportResult, type InventoryReviewView, type ReviewEdits } from '../../api/inventory-review.js';
import { ApiError } from '../../api/transport.js';
import { useAction, useAsync } from '../../hooks.js';
import { inventoryReview as t } from '../../i18n/inventory-review.js';
import { Link } from '../../router.js';
import { dateTime } from '../../format.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading, Section } from '../../components/ui.js';
import { ProblemsTable, problemsOf } from '../../components/ProblemsTable.js';
import type { Problem } from '../../types.js';

type Selected = { n: number; field: string } | null;

/** The page image with the selected cell's box, and every low-confidence cell's box, drawn over it (master pixels → %). */
function PageImage({ draft, pageId, selected }: { draft: InventoryReviewView; pageId: number; selected: Selected }) {
  const page = draft.pages.find((p) => p.pageId === pageId) ?? draft.pages[0];
  if (!page) return null;
  const boxes: { key: string; box: [number, number, number, number]; on: boolean; low: boolean }[] = [];
  for (const r of draft.rows) {
    for (const [field, c] of Object.entries(r.cells)) {
      const on = selected?.n === r.n && selected.field === field;
      if (!on && !c.low) continue;
      c.boxes.filter((b) => b.pageId === page.pageId).forEach((b, i) => boxes.push({ key: `${r.n}-${field}-${i}`, box: b.box, on, low: c.low }));
    }
  }
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;
  return (
    <figure style={{ position: 'relative', margin: 0 }} data-testid="review-image" data-page={page.seq}>
      <img src={`/api/digitization/pages/${page.pageId}/image`} alt={t.imageAlt(page.seq)} style={{ width: '100%', display: 'block', border: '1px solid #999' }} />
      {boxes.map(({ key, box: [x0, y0, x1, y1], on, low }) => (
        <div
          key={key}
          data-testid={on ? 'selected-box' : 'low-box'}
          style={{
            position: 'absolute', left: pct(x0, page.width), top: pct(y0, page.height), width: pct(x1 - x0, page.width), height: pct(y1 - y0, page.height),
            border: `${on ? 3 : 1}px solid ${on ? '#1f6feb' : low ? '#c0392b' : '#1f6feb'}`, background: on ? 'rgba(31,111,235,0.18)' : 'transparent', pointerEvents: 'none',
          }}
        />
      ))}
      <figcaption>{t.page(page.seq)}</figcaption>
    </figure>
  );
}

/**
 * "Số hóa mục lục": rows read from the file's scanned inventory pages beside the image. Selecting a cell draws its box
 * on the page; low-confidence cells are red; a cell is saved when it loses focus; every row must be marked seen
 * before the import, which shows the import's own problems table (row, column, message) when it refuses. The rows go
 * to the scanned file's fonds, named above the table; after the import the page links to that fonds' file list.
 */
export function InventoryReviewPage({ id }: { id: number }) {
  const loaded = useAsync(() => inventoryReviewApi.get(id).catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))), [id]);
  const [draft, setDraft] = useState<InventoryReviewView | null>(null);
  const [selected, setSelected] = useState<Selected>(null);
  const [pageId, setPageId] = useState<number | null>(null);
  const [buffer, setBuffer] = useState<Record<string, string>>({});
  const [range, setRange] = useState({ fromSeq: '', toSeq: '' });
  const [fill, setFill] = useState({ field: '', value: '' });
  const [problems, setProblems] = useState<{ problems: Problem[]; warnings: Problem[] }>({ problems: [], warnings: [] });
  const [result, setResult] = useState<InventoryImportResult | null>(null);
  const action = useAction();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const d = draft ?? loaded.data ?? null;
  if (loaded.loading && !d) return <Loading />;
  if (loaded.error) return <ErrorMessage error={loaded.error} />;

  const apply = async (fn: () => Promise<InventoryReviewView>) => {
    const next = await action.run(fn);
    if (next) setDraft(next);
    return next;
  };
  // Edits go one after another, so each answer (the whole draft) includes every earlier edit.
  const save = (edits: ReviewEdits) => {
    const next = queue.current.then(() => apply(() => inventoryReviewApi.edit(id, edits)));
    queue.current = next.catch(() => undefined);
    return next;
  };
  const extract = async () => {
    if (d && !window.confirm(t.reextractConfirm)) return;
    const body = { fromSeq: range.fromSeq ? Number(range.fromSeq) : undefined, toSeq: range.toSeq ? Number(range.toSeq) : undefined };
    setBuffer({});
    setProblems({ problems: [], warnings: [] });
    setResult(null);
    await apply(() => inventoryReviewApi.extract(id, body));
  };
  const runImport = async (preview: boolean) => {
    setResult(null);
    setProblems({ problems: [], warnings: [] });
    try {
      const r = await inventoryReviewApi.import(id, preview);
      setResult(r);
      setProblems({ problems: [], warnings: r.warnings });
      if (!preview) {
        setDraft(null);
        loaded.reload();
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'INVENTORY_INVALID') setProblems(problemsOf(e.details));
      else action.setError(e);
    }
  };

  const header = (
    <div className="form-grid" style={{ alignItems: 'end' }}>
      <label>{t.fromSeq} <input type="number" min={1} value={range.fromSeq} onChange={(e) => setRange({ ...range, fromSeq: e.target.value })} style={{ width: '5rem' }} /></label>
      <label>{t.toSeq} <input type="number" min={1} value={range.toSeq} onChange={(e) => setRange({ ...range, toSeq: e.target.value })} style={{ width: '5rem' }} /></label>
      <button type="button" onClick={extract} disabled={action.busy}>{d ? t.reextract : t.extract}</button>
    </div>
  );
  if (!d) {
    return (
      <div className="page">
        <h1>{t.title}</h1>
        <p>{t.intro} <Link to={`/digitization/files/${id}`}>{t.back}</Link></p>
        <p>{t.noDraft}</p>
        {header}
        <ErrorMessage error={action.error} />
      </div>
    );
  }

  const keyOf = (n: number, field: string) => `${n}:${field}`;
  const commit = (n: number, field: string) => {
    const k = keyOf(n, field);
    if (!(k in buffer)) return;
    const text = buffer[k];
    setBuffer(({ [k]: _, ...rest }) => rest);
    if (text !== d.rows[n - 1].cells[field].text) void save({ cells: [{ n, field, text }] });
  };
  const fillColumn = () => {
    if (!fill.field) return;
    const cells = d.rows.filter((r) => !r.cells[fill.field].text.trim()).map((r) => ({ n: r.n, field: fill.field, text: fill.value }));
    if (cells.length) void save({ cells });
  };
  // The finding aids are the fonds' file list (fonds → inventories → files).
  const fondsLink = (fondsId: number) => (
    <Link to={`/reading-room/finding-aids?fondsId=${fondsId}`} title={t.fondsFilesHint}>{t.fondsFiles}</Link>
  );
  const shownPage = pageId ?? d.rows[selected ? selected.n - 1 : 0]?.pageId ?? d.pages[0]?.pageId;

  return (
    <div className="page">
      <h1>{t.title}</h1>
      <p>{t.intro} <Link to={`/digitization/files/${id}`}>{t.back}</Link></p>
      {d.fonds
        ? <p data-testid="review-target">{t.target} <strong>{d.fonds.code} — {d.fonds.name}</strong></p>
        : <p className="alert alert-warn" role="alert" data-testid="review-target">{t.noFonds}</p>}
      {header}
      {d.unmappedHeaders.length > 0 && <p className="hint">{t.unmapped(d.unmappedHeaders.join(', '))}</p>}
      <ErrorMessage error={action.error} />
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <div style={{ flex: '0 1 40%', minWidth: 280, position: 'sticky', top: 0 }}>
          {d.pages.length > 1 && (
            <p>{d.pages.map((p) => <button key={p.pageId} type="button" aria-pressed={p.pageId === shownPage} onClick={() => setPageId(p.pageId)}>{t.page(p.seq)}</button>)}</p>
          )}
          <PageImage draft={d} pageId={shownPage!} selected={selected} />
          <p className="hint">{t.lowConfidence(d.lowConfidenceThreshold)}</p>
        </div>
        <div style={{ flex: '1 1 55%', overflowX: 'auto' }}>
          <Section title={t.unreviewed(d.unreviewed, d.rows.length)}>
            <div className="form-grid" style={{ alignItems: 'end' }}>
              <label>{t.fillColumn}{' '}
                <select value={fill.field} onChange={(e) => setFill({ ...fill, field: e.target.value })} aria-label={t.fillColumn}>
                  <option value="" />
                  {d.columns.map((c) => <option key={c.field} value={c.field}>{c.label}</option>)}
                </select>
              </label>
              <label>{t.fillValue} <input value={fill.value} onChange={(e) => setFill({ ...fill, value: e.target.value })} aria-label={t.fillValue} /></label>
              <button type="button" onClick={fillColumn} disabled={action.busy || !fill.field} title={t.fillHint}>{t.fill}</button>
            </div>
            <table className="data-table" data-testid="review-rows">
              <thead>
                <tr>
                  <th>{t.row}</th>
                  <th>{t.seen}</th>
                  {d.columns.map((c) => <th key={c.field}>{c.label}{c.header === null ? <small> ({t.notOnPage})</small> : null}</th>)}
                  <th>{t.readProblems}</th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={r.n} data-row={r.n} data-reviewed={r.reviewed}>
                    <td>{r.n}</td>
                    <td><input type="checkbox" checked={r.reviewed} aria-label={t.seenLabel(r.n)} onChange={(e) => void save({ reviewed: [{ n: r.n, reviewed: e.target.checked }] })} /></td>
                    {d.columns.map((c) => {
                      const cell = r.cells[c.field];
                      const k = keyOf(r.n, c.field);
                      const on = selected?.n === r.n && selected.field === c.field;
                      return (
                        <td key={c.field} data-field={c.field} data-low={cell.low} data-edited={cell.edited}
                          style={{ background: cell.low ? '#fdecea' : undefined, outline: on ? '2px solid #1f6feb' : undefined }}
                          title={cell.ocr === null ? t.notOnPage : `${t.confidence(cell.confidence)}${cell.edited ? `, ${t.edited}: "${cell.ocr}"` : ''}`}>
                          <input
                            value={buffer[k] ?? cell.text}
                            aria-label={t.cellLabel(c.label, r.n)}
                            size={c.field === 'title' ? 40 : c.field === 'notes' ? 14 : c.field === 'rowNo' || c.field === 'sheets' ? 4 : 9}
                            onFocus={() => { setSelected({ n: r.n, field: c.field }); setPageId(cell.boxes[0]?.pageId ?? r.pageId); }}
                            onChange={(e) => setBuffer({ ...buffer, [k]: e.target.value })}
                            onBlur={() => commit(r.n, c.field)}
                            onKeyDown={(e) => e.key === 'Enter' && commit(r.n, c.field)}
                          />
                        </td>
                      );
                    })}
                    <td style={{ minWidth: '14rem' }}>{r.problems.map((p) => p.message).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <p>
            <button type="button" onClick={() => runImport(true)} disabled={action.busy}>{t.check}</button>{' '}
            <button type="button" onClick={() => runImport(false)} disabled={action.busy || d.unreviewed > 0 || !d.fonds} title={d.unreviewed ? t.importBlocked : undefined}>{t.import}{d.fonds ? ` ${d.fonds.code}` : ''}</button>
            {d.importedAt && <> · {t.importedAt} {dateTime(d.importedAt)}</>}
            {d.importedAt && d.fonds && !(result && !result.preview) && <> · {fondsLink(d.fonds.id)}</>}
          </p>
          {result && (
            <p role="status" data-testid="import-result">
              {result.preview ? t.checked(result.imported) : result.unchanged ? t.unchanged(result.imported) : t.imported(result.imported, `${result.fonds.code} — ${result.fonds.name}`)}
              {!result.preview && <> {fondsLink(result.fonds.id)}</>}
            </p>
          )}
          <ProblemsTable problems={problems.problems} title={t.problemsTitle} tone="error" testId="import-problems" />
          <ProblemsTable problems={problems.warnings} title={t.warningsTitle} tone="warn" testId="import-warnings" />
        </div>
      </div>
    </div>
  );
}
