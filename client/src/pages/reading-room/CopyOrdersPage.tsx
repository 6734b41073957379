import { useState } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { formatNumber } from '../../format.js';
import type { CopyOrder, CopyStatus } from '../../types/reading-room-circulation.js';
import { Link } from '../../router.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Empty, Field, Loading, Section } from '../../components/ui.js';

const t = vi.circ;
const money = (n: number, currency: string) => `${formatNumber(n)} ${currency === 'VND' ? 'đ' : currency}`;

/** The next steps of one order as buttons; payment asks for the receipt number. */
function OrderActions({ order, onDone }: { order: CopyOrder; onDone: () => void }) {
  const detail = useAsync(() => api.circ.copyOrder(order.id), [order.id, order.status]);
  const action = useAction();
  const [receipt, setReceipt] = useState('');
  const move = async (to: CopyStatus) => {
    if (await action.run(() => api.circ.transition(order.id, to === 'paid' ? { to, receiptNo: receipt } : { to }))) onDone();
  };
  const next = detail.data?.next ?? [];
  return (
    <div className="inline">
      {next.includes('paid') && <input aria-label={t.receiptNo} placeholder={t.receiptNo} value={receipt} maxLength={50} onChange={(e) => setReceipt(e.target.value)} />}
      {next.map((s) => (
        <button key={s} type="button" disabled={action.busy || (s === 'paid' && !receipt.trim())} onClick={() => move(s)}>{t.moveTo(t.copyStatus[s] ?? s)}</button>
      ))}
      {order.hasCopy && <button type="button" className="text-link" onClick={() => action.run(() => api.circ.copyPdf(order.id))}>{t.copyPdf}</button>}
      {order.certificationNumber && <button type="button" className="text-link" onClick={() => action.run(() => api.circ.certificatePdf(order.id))}>{t.certificatePdf}</button>}
      <ErrorMessage error={action.error} />
    </div>
  );
}

/** Copy orders beside circulation: quote, payment with receipt, copying, signature and seal, delivery. */
export function CopyOrdersPage() {
  const orders = useAsync(() => api.circ.copyOrders(), []);
  const create = useAction();
  const [requestId, setRequestId] = useState('');
  const [pages, setPages] = useState('');
  const rows = orders.data?.items ?? [];
  return (
    <div className="page">
      <div className="page-head"><h1>{t.copiesTitle}</h1><Link to="/reading-room/certification-register">{t.registerTitle}</Link></div>
      <Section title={t.newQuote}>
        <form className="form-grid" onSubmit={async (e) => {
          e.preventDefault();
          const r = await create.run(() => api.circ.quote({ requestId: Number(requestId), pages: pages ? Number(pages) : undefined }));
          if (r) { setRequestId(''); setPages(''); orders.reload(); }
        }}>
          <Field label={t.requestId}><input inputMode="numeric" value={requestId} onChange={(e) => setRequestId(e.target.value)} required data-testid="quote-request" /></Field>
          <Field label={t.pages}><input inputMode="numeric" value={pages} onChange={(e) => setPages(e.target.value)} /></Field>
          <div className="form-actions"><button type="submit" className="primary" disabled={create.busy}>{t.newQuote}</button></div>
        </form>
        <ErrorMessage error={create.error} />
      </Section>
      <ErrorMessage error={orders.error} />
      {orders.loading && !orders.data ? <Loading /> : rows.length === 0 ? <Empty text={t.copiesEmpty} /> : (
        <div className="table-wrap">
          <table className="table" data-testid="copy-orders">
            <thead><tr><th>{t.request}</th><th>{t.status}</th><th>{t.fee}</th><th /></tr></thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} data-testid={`copy-order-${o.id}`}>
                  <td>{o.requestNo}/{o.requestYear} · {o.readerName} {o.certified && <Badge tone="info">{t.certified}</Badge>}</td>
                  <td>
                    <span data-testid="copy-status">{t.copyStatus[o.status] ?? o.status}</span>
                    {o.receiptNo && <div className="small">{t.receiptNo}: {o.receiptNo}</div>}
                    {o.certificationNumber && o.certificationYear && <div className="small" data-testid="cert-no">{t.certNo(o.certificationNumber, o.certificationYear)}</div>}
                  </td>
                  <td><strong>{money(o.totalFee, o.currency)}</strong><div className="small muted">{t.feeLine(o.pages, money(o.feePerPage, o.currency), o.certifications, money(o.feePerCertification, o.currency))}</div></td>
                  <td><OrderActions order={o} onDone={orders.reload} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
