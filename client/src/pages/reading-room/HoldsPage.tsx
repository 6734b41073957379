import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { date, dateTime } from '../../format.js';
import type { FindingFile } from '../../types/reading-room.js';
import { readingRoomAdminApi as rra, type ReadingHold } from '../../api/reading-room-admin.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Empty, Field, Loading, Section } from '../../components/ui.js';

const t = vi.rr;
type Reason = 'processing' | 'restoration';

/** Find a file through the finding aids (same accent-insensitive search), then hold it with a reason and an end day. */
function PlaceHold({ onPlaced }: { onPlaced: () => void }) {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const found = useAsync(() => (query ? api.rr.files({ q: query, limit: 20, offset: 0 }) : Promise.resolve(null)), [query]);
  const [file, setFile] = useState<FindingFile | null>(null);
  const [reason, setReason] = useState<Reason>('processing');
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  const place = async () => {
    if (!file) return;
    const r = await action.run(() => rra.placeHold({ recordFileId: file.id, reason, untilDay: until || null, note: note.trim() || null }));
    if (r) { setFile(null); setUntil(''); setNote(''); onPlaced(); }
  };
  return (
    <Section title={t.holdNew}>
      <form className="inline" onSubmit={(e: FormEvent) => { e.preventDefault(); setQuery(q.trim()); }}>
        <input aria-label={t.holdFind} placeholder={t.holdFind} value={q} maxLength={300} onChange={(e) => setQ(e.target.value)} data-testid="hold-search" />
        <button type="submit">{t.searchButton}</button>
      </form>
      <ErrorMessage error={found.error} />
      {found.data && (found.data.items.length === 0 ? <Empty text={t.noFiles} /> : (
        <ul className="plain-list" data-testid="hold-found">
          {found.data.items.map((f) => (
            <li key={f.id}>
              <button type="button" className="text-link" onClick={() => setFile(f)}>{t.holdChoose}</button> {f.fileNotation} · {f.title}
            </li>
          ))}
        </ul>
      ))}
      {file && (
        <div className="form-grid">
          <Field label={t.holdChosen} wide><strong data-testid="hold-chosen">{file.fileNotation} · {file.title}</strong></Field>
          <Field label={t.holdReasonLabel}>
            <select value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
              <option value="processing">{t.holdReason.processing}</option>
              <option value="restoration">{t.holdReason.restoration}</option>
            </select>
          </Field>
          <Field label={t.holdUntil}><input type="date" value={until} onChange={(e) => setUntil(e.target.value)} /></Field>
          <Field label={t.holdNote} wide><input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} /></Field>
          <div className="form-actions"><button type="button" className="primary" disabled={action.busy} onClick={place}>{t.holdPlace}</button></div>
        </div>
      )}
      <ErrorMessage error={action.error} />
    </Section>
  );
}

function HoldRow({ h, onLifted }: { h: ReadingHold; onLifted: () => void }) {
  const action = useAction();
  return (
    <tr data-testid={`hold-${h.id}`} className={h.active ? undefined : 'row-muted'}>
      <td>{h.fileNotation}<div className="small">{h.title}</div></td>
      <td>{t.holdReason[h.reason] ?? h.reason}{h.note && <div className="small muted">{h.note}</div>}</td>
      <td>{h.untilDay ? date(h.untilDay) : t.holdUntilNone}</td>
      <td className="small">{h.createdByName ?? '—'} · {dateTime(h.createdAt)}</td>
      <td data-testid="hold-state">
        {h.active ? <Badge tone="warn">{t.holdActive}</Badge> : <Badge>{t.holdEnded}</Badge>}
        {h.liftedAt && <div className="small">{t.holdLiftedAt} {dateTime(h.liftedAt)}</div>}
      </td>
      <td>
        {h.active && !h.liftedAt && (
          <button type="button" disabled={action.busy} onClick={async () => { if (await action.run(() => rra.liftHold(h.id))) onLifted(); }}>{t.holdLift}</button>
        )}
        <ErrorMessage error={action.error} />
      </td>
    </tr>
  );
}

/** Staff: files out of service while under processing (chỉnh lý) or restoration (tu bổ); servability refuses them. */
export function HoldsPage() {
  const [activeOnly, setActiveOnly] = useState(false);
  const holds = useAsync(() => rra.holds(activeOnly), [activeOnly]);
  const rows = holds.data?.items ?? [];
  return (
    <div className="page">
      <div className="page-head"><h1>{t.holdsTitle}</h1></div>
      <p className="muted">{t.holdsIntro}</p>
      <PlaceHold onPlaced={holds.reload} />
      <label className="inline"><input type="checkbox" checked={activeOnly} onChange={(e) => setActiveOnly(e.target.checked)} /> {t.holdsActiveOnly}</label>
      <ErrorMessage error={holds.error} />
      {holds.loading && !holds.data ? <Loading /> : rows.length === 0 ? <Empty text={t.holdsEmpty} /> : (
        <div className="table-wrap">
          <table className="table" data-testid="holds">
            <thead><tr><th>{t.notation}</th><th>{t.holdReasonLabel}</th><th>{t.holdUntil}</th><th>{t.holdCreated}</th><th>{t.filterStatus}</th><th /></tr></thead>
            <tbody>{rows.map((h) => <HoldRow key={h.id} h={h} onLifted={holds.reload} />)}</tbody>
          </table>
        </div>
      )}
    </div>
  );
}
