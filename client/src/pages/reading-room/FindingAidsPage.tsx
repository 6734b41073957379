import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync, useSession } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { date, yearSpan } from '../../format.js';
import type { FindingFile } from '../../types/reading-room.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Empty, Loading, Pagination, Section } from '../../components/ui.js';
import { Link, useSearch } from '../../router.js';

const t = vi.rr;
const LIMIT = 50;

function dates(f: FindingFile) {
  if (f.dateText) return f.dateText;
  return f.startDate && f.startDate !== f.endDate ? `${date(f.startDate)} – ${date(f.endDate)}` : date(f.endDate);
}

/** Finding aids: fonds → inventories → files, digitised or not, with accent-insensitive search and the cart. */
export function FindingAidsPage() {
  const { user } = useSession();
  const reader = user.role === 'researcher';
  const linkedFonds = Number(useSearch().get('fondsId'));
  const [fondsId, setFondsId] = useState<number | null>(Number.isInteger(linkedFonds) && linkedFonds > 0 ? linkedFonds : null);
  const [catalog, setCatalog] = useState<string | undefined>(undefined);
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const fonds = useAsync(() => api.rr.fonds(), []);
  const inv = useAsync(() => (fondsId ? api.rr.inventories(fondsId) : Promise.resolve(null)), [fondsId]);
  const browsing = fondsId !== null || query !== '';
  const files = useAsync(
    () => (browsing ? api.rr.files({ fondsId: fondsId ?? undefined, catalog, q: query || undefined, limit: LIMIT, offset }) : Promise.resolve(null)),
    [fondsId, catalog, query, offset, browsing],
  );
  const search = (e: FormEvent) => { e.preventDefault(); setOffset(0); setQuery(q.trim()); };
  const add = async (b: { recordFileIds?: number[]; boxId?: number }) => {
    setNotice(null);
    const r = await action.run(() => api.rr.addToCart(b));
    if (r) setNotice(t.added(r.added, r.alreadyInCart));
  };
  return (
    <div className="page">
      <div className="page-head"><h1>{t.findingTitle}</h1></div>
      <form className="toolbar" onSubmit={search} role="search">
        <input aria-label={t.search} placeholder={t.search} value={q} maxLength={300} onChange={(e) => setQ(e.target.value)} data-testid="finding-q" />
        <button type="submit" className="primary">{t.searchButton}</button>
      </form>
      {notice && <div className="alert alert-ok" role="status">{notice}</div>}
      <ErrorMessage error={action.error ?? fonds.error ?? files.error} />
      {fondsId === null ? (
        <Section title={t.fonds}>
          {!fonds.data ? <Loading /> : fonds.data.items.length === 0 ? <Empty /> : (
            <ul className="stack" data-testid="fonds-list">
              {fonds.data.items.map((f) => (
                <li key={f.id}>
                  <button type="button" onClick={() => { setFondsId(f.id); setCatalog(undefined); setOffset(0); }}>
                    <strong>{f.code}</strong> {f.name}
                  </button>{' '}
                  <span className="small muted">{yearSpan(f.startYear, f.endYear)} · {f.files} {t.files}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : (
        <Section title={inv.data ? `${inv.data.fonds.code} — ${inv.data.fonds.name}` : t.fonds}
          actions={<button type="button" onClick={() => { setFondsId(null); setCatalog(undefined); }}>{t.backToFonds}</button>}>
          {inv.data && (
            <div className="filters" role="group" aria-label={t.inventory}>
              <button type="button" className={catalog === undefined ? 'primary' : undefined} onClick={() => { setCatalog(undefined); setOffset(0); }}>{t.all}</button>
              {inv.data.inventories.map((i) => (
                <button key={i.catalog ?? ''} type="button" className={catalog === (i.catalog ?? '') ? 'primary' : undefined}
                  onClick={() => { setCatalog(i.catalog ?? ''); setOffset(0); }}>
                  {i.catalog ? `${t.inventory} ${i.catalog}` : t.noInventory} ({i.files})
                </button>
              ))}
            </div>
          )}
        </Section>
      )}
      {browsing && (
        <Section title={query ? `${t.searchButton}: “${query}”` : t.filesTitle}>
          {!files.data ? <Loading /> : files.data.items.length === 0 ? <Empty text={t.noFiles} /> : (
            <>
              <div className="table-wrap">
                <table className="table" data-testid="finding-files">
                  <thead><tr><th>{t.notation}</th><th>{t.title}</th><th>{t.dates}</th><th>{t.box}</th><th /></tr></thead>
                  <tbody>
                    {files.data.items.map((f) => (
                      <tr key={f.id}>
                        <td className="nowrap">{f.fondsCode ? `${f.fondsCode} · ` : ''}{f.catalog ? `MLS ${f.catalog} · ` : ''}<strong>{f.fileNotation}</strong></td>
                        <td>{f.title} {f.restricted && <Badge tone="warn">{t.restricted}</Badge>} <Badge tone={f.digitised ? 'info' : 'neutral'}>{f.digitised ? t.digitised : t.notDigitised}</Badge></td>
                        <td className="small">{dates(f)}</td>
                        <td className="nowrap">{f.boxCode ?? '—'}</td>
                        <td className="nowrap">
                          {reader && <button type="button" disabled={action.busy} onClick={() => add({ recordFileIds: [f.id] })}>{t.addToCart}</button>}
                          {reader && f.boxId && <button type="button" disabled={action.busy} onClick={() => add({ boxId: f.boxId! })}>{t.addBox}</button>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination total={files.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
            </>
          )}
        </Section>
      )}
      {reader && <p><Link to="/reading-room/cart">{t.navCart} →</Link></p>}
    </div>
  );
}
