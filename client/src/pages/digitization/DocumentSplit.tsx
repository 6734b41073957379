import { useEffect, useState } from 'react';
import { proposalsApi } from '../../api/proposals.js';
import { useAction, useAsync } from '../../hooks.js';
import { proposals as t } from '../../i18n/proposals.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Section } from '../../components/ui.js';
import { DocumentProposals, EDITABLE, formFromProposal, unconfirmed, type DocumentForm } from './DocumentProposals.js';

const POLL_MS = 2000;

/**
 * Splitting a digitised file into documents: staff ask for an OCR reading of the pages, confirm or move the proposed
 * boundaries (the pages that open a document), accept or correct every field of each document, then create them
 * all at once. Pages already in a document cannot start or join another.
 */
export function DocumentSplit({ fileId, nextOrdinal, onDone }: { fileId: number; nextOrdinal: number; onDone: () => void }) {
  const data = useAsync(() => proposalsApi.forFile(fileId), [fileId]);
  const action = useAction();
  const [starts, setStarts] = useState<Set<number> | null>(null);
  const [forms, setForms] = useState<Map<number, DocumentForm>>(new Map());
  const [created, setCreated] = useState<number | null>(null);
  const view = data.data;
  const reading = view?.proposals.some((p) => p.status === 'queued') ?? false;

  // While pages are being read, the view is reloaded until every reading is in.
  useEffect(() => {
    if (!reading) return;
    const timer = setTimeout(data.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [reading, view]);

  // Proposed boundaries become the starting selection once the reading is complete, free pages only.
  useEffect(() => {
    if (!view || reading || !view.proposals.length) return;
    const free = new Set(view.pages.filter((p) => p.documentId === null).map((p) => p.pageId));
    setStarts((s) => s ?? new Set(view.proposedStarts.filter((id) => free.has(id))));
  }, [view, reading]);

  if (!view) return data.loading ? null : <ErrorMessage error={data.error} />;
  const byPage = new Map(view.proposals.map((p) => [p.pageId, p]));
  const formOf = (pageId: number) => forms.get(pageId) ?? formFromProposal(byPage.get(pageId)?.fields ?? null);
  const chosen = view.pages.filter((p) => starts?.has(p.pageId));
  const left = chosen.reduce((n, p) => n + unconfirmed(formOf(p.pageId)), 0);

  const request = async () => {
    setStarts(null);
    setForms(new Map());
    setCreated(null);
    if (await action.run(() => proposalsApi.request(fileId))) data.reload();
  };
  const toggle = (pageId: number) => {
    const next = new Set(starts ?? []);
    if (next.has(pageId)) next.delete(pageId);
    else next.add(pageId);
    setStarts(next);
  };
  const rangeOf = (i: number) => {
    const from = view.pages.findIndex((p) => p.pageId === chosen[i].pageId);
    const nextStart = chosen[i + 1] ? view.pages.findIndex((p) => p.pageId === chosen[i + 1].pageId) : view.pages.length;
    // A range stops before a page that already belongs to a document.
    let to = from;
    while (to + 1 < nextStart && view.pages[to + 1].documentId === null) to++;
    return { from, to };
  };
  const submit = async () => {
    const documents = chosen.map((p, i) => {
      const f = formOf(p.pageId);
      const { to } = rangeOf(i);
      return {
        firstPageId: p.pageId,
        lastPageId: view.pages[to].pageId,
        fields: { ...Object.fromEntries(EDITABLE.map((k) => [k, f[k].value.trim() || null])), docOrdinal: nextOrdinal + i },
      };
    });
    const r = await action.run(() => proposalsApi.split(fileId, documents));
    if (r) {
      setCreated(r.documents.length);
      setStarts(new Set());
      setForms(new Map());
      data.reload();
      onDone();
    }
  };

  const done = view.proposals.filter((p) => p.status !== 'queued').length;
  return (
    <Section
      title={t.title}
      actions={<button type="button" onClick={request} disabled={action.busy || reading}>{view.proposals.length ? t.reread : t.read}</button>}
    >
      <p className="hint">{t.intro}</p>
      {!view.pages.length && <p>{t.noPages}</p>}
      {reading && <p role="status" data-testid="proposals-reading">{t.reading(done, view.proposals.length)}</p>}
      {created !== null && <p role="status">{t.created(created)}</p>}
      {!reading && view.proposals.length > 0 && starts && (
        <>
          <fieldset data-testid="document-boundaries">
            <legend>{t.boundaries}</legend>
            <p className="hint">{t.boundariesHint}</p>
            {view.pages.map((p) => {
              const pr = byPage.get(p.pageId);
              return (
                <label key={p.pageId} style={{ display: 'block' }} data-page={p.seq}>
                  <input type="checkbox" checked={starts.has(p.pageId)} disabled={p.documentId !== null} onChange={() => toggle(p.pageId)} />{' '}
                  {t.page(p.seq)} — {t.startsDocument}
                  {view.proposedStarts.includes(p.pageId) && ` (${t.proposedStart})`}
                  {p.documentId !== null && ` (${t.inDocument})`}
                  {pr?.status === 'failed' && ` — ${t.failed}`}
                </label>
              );
            })}
          </fieldset>
          {chosen.map((p, i) => {
            const { from, to } = rangeOf(i);
            return (
              <DocumentProposals
                key={p.pageId}
                page={p}
                fields={byPage.get(p.pageId)?.fields ?? null}
                form={formOf(p.pageId)}
                onChange={(f) => setForms(new Map(forms).set(p.pageId, f))}
                title={`${t.document(nextOrdinal + i)} (${t.pagesRange(view.pages[from].seq, view.pages[to].seq)})`}
              />
            );
          })}
          {chosen.length > 0 && (
            <div className="form-actions">
              <button type="button" className="primary" onClick={submit} disabled={action.busy || left > 0}>{t.create}</button>
              {left > 0 && <span>{t.unconfirmed(left)}</span>}
            </div>
          )}
        </>
      )}
      <ErrorMessage error={action.error} />
    </Section>
  );
}
