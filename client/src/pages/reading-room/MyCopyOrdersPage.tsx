import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { dateTime, formatNumber } from '../../format.js';
import { readingRoomAdminApi as rra } from '../../api/reading-room-admin.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Empty, Loading, Section } from '../../components/ui.js';

const t = vi.rr;
const c = vi.circ;
const money = (n: number, currency: string) => `${formatNumber(n)} ${currency === 'VND' ? 'đ' : currency}`;

/**
 * The reader's own copy orders (shown on "Phiếu của tôi"): state, fee, receipt and certification-register numbers.
 * A delivered digital copy (watermarked) downloads from here, as a PDF or as a DIP (PDF/A + metadata); a certified copy's sealed paper is collected at the desk.
 */
export function MyCopyOrdersSection() {
  const orders = useAsync(() => rra.myCopyOrders(), []);
  const action = useAction();
  const rows = orders.data?.items ?? [];
  return (
    <Section title={t.myCopiesTitle}>
      <ErrorMessage error={action.error ?? orders.error} />
      {orders.loading && !orders.data ? <Loading /> : rows.length === 0 ? <Empty text={t.myCopiesEmpty} /> : (
        <ul className="plain-list" data-testid="my-copy-orders">
          {rows.map((o) => (
            <li key={o.id} data-testid={`my-copy-${o.requestNo}-${o.requestYear}`}>
              <strong>{t.number} {o.requestNo}/{o.requestYear}</strong> {o.certified && <Badge tone="info">{c.certified}</Badge>}
              {' · '}<span data-testid="my-copy-status">{c.copyStatus[o.status] ?? o.statusLabel ?? o.status}</span>
              <div className="small">
                {c.fee}: <strong>{money(o.totalFee, o.currency)}</strong> ({c.feeLine(o.pages, money(o.feePerPage, o.currency), o.certifications, money(o.feePerCertification, o.currency))})
              </div>
              {o.receiptNo && <div className="small">{c.receiptNo}: {o.receiptNo}{o.paidAt && ` · ${dateTime(o.paidAt)}`}</div>}
              {o.certificationNumber && o.certificationYear && <div className="small" data-testid="my-copy-cert">{c.certNo(o.certificationNumber, o.certificationYear)}</div>}
              {o.status === 'delivered' && o.hasCopy && (
                <div className="small">
                  <button type="button" className="text-link" disabled={action.busy} onClick={() => action.run(() => rra.downloadMyCopy(o.id))}>{t.myCopiesDownload}</button>
                  {' · '}<button type="button" className="text-link" data-testid="my-copy-dip" disabled={action.busy} onClick={() => action.run(() => rra.downloadMyDip(o.id))}>{t.myCopiesDip}</button>
                  {o.certified && <span className="muted"> — {t.myCopiesPickup}</span>}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

