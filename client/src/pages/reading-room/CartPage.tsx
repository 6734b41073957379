import { useState } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import type { RequestKind } from '../../types/reading-room.js';
import { navigate } from '../../router.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Empty, Field, Loading, Section } from '../../components/ui.js';

const t = vi.rr;

/** The reader's cart (kept on the server) and submitting it as one request slip. */
export function CartPage() {
  const cart = useAsync(() => api.rr.cart(), []);
  const action = useAction();
  const [kind, setKind] = useState<RequestKind>('read');
  const [note, setNote] = useState('');
  const [pages, setPages] = useState<Record<number, { from: string; to: string }>>({});
  const items = cart.data?.items ?? [];
  const copies = kind === 'copy' || kind === 'certified_copy';
  const submit = async () => {
    const lines = items.map((f) => ({
      recordFileId: f.id,
      pageFrom: copies && pages[f.id]?.from ? Number(pages[f.id]!.from) : null,
      pageTo: copies && pages[f.id]?.to ? Number(pages[f.id]!.to) : null,
    }));
    const r = await action.run(() => api.rr.submit({ kind, note: note || null, lines }));
    if (r) navigate(`/reading-room/my-requests?submitted=${encodeURIComponent(r.number)}`);
  };
  return (
    <div className="page">
      <div className="page-head"><h1>{t.cartTitle}</h1></div>
      <ErrorMessage error={action.error ?? cart.error} />
      {!cart.data ? <Loading /> : items.length === 0 ? <Empty text={t.cartEmpty} /> : (
        <>
          <p className="muted" data-testid="cart-count">{t.cartLimit(items.length, cart.data.maxFiles)}</p>
          <div className="table-wrap">
            <table className="table" data-testid="cart">
              <thead><tr><th>{t.notation}</th><th>{t.title}</th>{copies && <th>{t.pages}</th>}<th /></tr></thead>
              <tbody>
                {items.map((f) => (
                  <tr key={f.id}>
                    <td className="nowrap"><strong>{f.fileNotation}</strong></td>
                    <td>{f.title} {f.restricted && <Badge tone="warn">{t.restricted}</Badge>}</td>
                    {copies && (
                      <td className="nowrap">
                        <input aria-label={t.pageFrom} size={4} inputMode="numeric" value={pages[f.id]?.from ?? ''} onChange={(e) => setPages({ ...pages, [f.id]: { from: e.target.value, to: pages[f.id]?.to ?? '' } })} />
                        {' – '}
                        <input aria-label={t.pageTo} size={4} inputMode="numeric" value={pages[f.id]?.to ?? ''} onChange={(e) => setPages({ ...pages, [f.id]: { from: pages[f.id]?.from ?? '', to: e.target.value } })} />
                      </td>
                    )}
                    <td><button type="button" disabled={action.busy} onClick={async () => { await action.run(() => api.rr.removeFromCart(f.id)); cart.reload(); }}>{t.remove}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Section title={t.submit}>
            <div className="form-grid">
              <Field label={t.kindLabel}>
                <select value={kind} onChange={(e) => setKind(e.target.value as RequestKind)} data-testid="request-kind">
                  {(['read', 'copy', 'certified_copy'] as const).map((k) => <option key={k} value={k}>{t.kind[k]}</option>)}
                </select>
              </Field>
              <Field label={t.note}><input value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} /></Field>
            </div>
            <button type="button" className="primary" disabled={action.busy} onClick={submit}>{t.submit}</button>
          </Section>
        </>
      )}
    </div>
  );
}
