import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import type { FindingFile, RequestKind } from '../../types/reading-room.js';
import { navigate } from '../../router.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Empty, Field, Loading, Section } from '../../components/ui.js';

const t = vi.rr;

/** Staff enter a paper slip received in person or by post for a verified reader: find the files, then submit. */
export function StaffRequestPage({ readerId }: { readerId: number }) {
  const reader = useAsync(() => api.rr.reader(readerId), [readerId]);
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const found = useAsync(() => (query ? api.rr.files({ q: query, limit: 20, offset: 0 }) : Promise.resolve(null)), [query]);
  const [chosen, setChosen] = useState<FindingFile[]>([]);
  const [kind, setKind] = useState<RequestKind>('read');
  const [channel, setChannel] = useState<'in_person' | 'post'>('in_person');
  const action = useAction();
  const search = (e: FormEvent) => { e.preventDefault(); setQuery(q.trim()); };
  const submit = async () => {
    const r = await action.run(() => api.rr.submitForReader({ readerId, kind, channel, lines: chosen.map((f) => ({ recordFileId: f.id })) }));
    if (r) navigate(`/reading-room/requests/${r.id}`);
  };
  return (
    <div className="page">
      <div className="page-head"><h1>{t.staffEntryTitle}</h1></div>
      {reader.data && <p><strong>{reader.data.fullName}</strong> · {t.cardNo} {reader.data.cardNo ?? '—'}</p>}
      <form className="toolbar" onSubmit={search} role="search">
        <input aria-label={t.search} placeholder={t.search} value={q} maxLength={300} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className="primary">{t.searchButton}</button>
      </form>
      {found.loading && query ? <Loading /> : found.data && (found.data.items.length === 0 ? <Empty text={t.noFiles} /> : (
        <ul className="stack" data-testid="staff-found">
          {found.data.items.map((f) => (
            <li key={f.id}>
              <strong>{f.fileNotation}</strong> {f.title} {f.restricted && <Badge tone="warn">{t.restricted}</Badge>}{' '}
              <button type="button" disabled={chosen.some((c) => c.id === f.id)} onClick={() => setChosen([...chosen, f])}>{t.addToCart}</button>
            </li>
          ))}
        </ul>
      ))}
      <Section title={`${t.linesTitle} (${chosen.length})`}>
        {chosen.length === 0 ? <Empty text={t.cartEmpty} /> : (
          <ul className="stack" data-testid="staff-chosen">
            {chosen.map((f) => <li key={f.id}><strong>{f.fileNotation}</strong> {f.title} <button type="button" onClick={() => setChosen(chosen.filter((c) => c.id !== f.id))}>{t.remove}</button></li>)}
          </ul>
        )}
        <div className="form-grid">
          <Field label={t.kindLabel}>
            <select value={kind} onChange={(e) => setKind(e.target.value as RequestKind)}>
              {(['read', 'copy', 'certified_copy'] as const).map((k) => <option key={k} value={k}>{t.kind[k]}</option>)}
            </select>
          </Field>
          <Field label={t.channelLabel}>
            <select value={channel} onChange={(e) => setChannel(e.target.value as 'in_person' | 'post')}>
              <option value="in_person">{t.channel.in_person}</option>
              <option value="post">{t.channel.post}</option>
            </select>
          </Field>
        </div>
        <ErrorMessage error={action.error ?? reader.error ?? found.error} />
        <button type="button" className="primary" disabled={action.busy || chosen.length === 0} onClick={submit}>{t.submit}</button>
      </Section>
    </div>
  );
}
