import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { dateTime, num } from '../../format.js';
import { Link, navigate } from '../../router.js';
import type { Batch, DigitizableFile } from '../../types.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Field, Loading, Section } from '../../components/ui.js';

const COLUMNS: Column<Batch>[] = [
  { header: '#', cell: (b) => <Link to={`/digitization/batches/${b.id}`}>{b.id}</Link>, align: 'right' },
  { header: vi.dig.file, cell: (b) => `${b.fileNotation} — ${b.fileTitle}` },
  { header: vi.dig.label, cell: (b) => b.label ?? '—' },
  { header: vi.dig.createdAt, cell: (b) => dateTime(b.createdAt), className: 'nowrap' },
  { header: '', cell: (b) => <Link to={`/viewer/files/${b.recordFileId}`}>{vi.dig.viewPages}</Link> },
];

/** Staff: pick a received file, open a batch for it, then upload into the batch. */
export function DigitizationPage() {
  const batches = useAsync(() => api.digitization.batches({ limit: 100 }), []);
  return (
    <div className="page">
      <h1>{vi.dig.title}</h1>
      <NewBatch />
      <Section title={vi.dig.batches}>
        {batches.loading && <Loading />}
        <ErrorMessage error={batches.error} />
        {batches.data && <DataTable rows={batches.data.items} columns={COLUMNS} rowKey={(b) => b.id} />}
      </Section>
    </div>
  );
}

function NewBatch() {
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<DigitizableFile | null>(null);
  const [label, setLabel] = useState('');
  const files = useAsync(() => api.digitization.files({ q, limit: 20 }), [q]);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!picked) return;
    const b = await action.run(() => api.digitization.createBatch({ recordFileId: picked.id, label: label || null }));
    if (b) navigate(`/digitization/batches/${b.id}`);
  };
  return (
    <Section title={vi.dig.newBatch}>
      <form className="form-grid" onSubmit={submit}>
        <Field label={vi.dig.findFile} wide>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </Field>
        <ul className="pick-list" aria-label={vi.dig.pickFile}>
          {files.data?.items.map((f) => (
            <li key={f.id}>
              <label>
                <input type="radio" name="file" checked={picked?.id === f.id} onChange={() => setPicked(f)} /> <strong>{f.fileNotation}</strong> {f.title}{' '}
                <span className="muted">
                  ({f.agencyName}
                  {f.fondsCode ? `, ${vi.search.fonds} ${f.fondsCode}` : ''}, {num(f.pages, 0)} {vi.dig.pagesCount.toLowerCase()})
                </span>{' '}
                {f.accessLevel === 'restricted' && <Badge tone="warn">{vi.meta.accessLevels.restricted}</Badge>}
              </label>
            </li>
          ))}
          {files.data && files.data.items.length === 0 && <li className="muted">{vi.dig.noFiles}</li>}
        </ul>
        <Field label={vi.dig.label}>
          <input value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!picked || action.busy}>
            {vi.dig.create}
          </button>
        </div>
        <ErrorMessage error={action.error} />
      </form>
    </Section>
  );
}
