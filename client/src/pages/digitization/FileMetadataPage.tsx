import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction, useAsync, useSession, isStaff } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { archive } from '../../i18n/archive.js';
import { inventoryReview } from '../../i18n/inventory-review.js';
import { date } from '../../format.js';
import { Link } from '../../router.js';
import type { DocumentMeta, FileMetadata } from '../../types.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field, Loading, Section } from '../../components/ui.js';
import { DateInput } from '../../components/DateInput.js';
import { DocumentSplit } from './DocumentSplit.js';
import { Tt05Metadata } from './Tt05Metadata.js';

/** Field → max length (TT 02/2019 annex as implemented; the server checks the same limits). */
const FILE_TEXT: [keyof FileMetadata & string, number][] = [
  ['fileCode', 30], ['title', 1000], ['identifier', 13], ['organId', 13], ['fileCatalog', 4], ['language', 100],
  ['description', 2000], ['inforSign', 30], ['keyword', 100],
];
const FILE_COUNTS = ['totalDoc', 'pageNumber'] as const;

const DOC_COLUMNS: Column<DocumentMeta>[] = [
  { header: vi.meta.docFields.docOrdinal, cell: (d) => d.docOrdinal, align: 'right' },
  { header: vi.meta.docFields.typeName, cell: (d) => d.typeName ?? '—' },
  { header: `${vi.meta.docFields.codeNumber}/${vi.meta.docFields.codeNotation}`, cell: (d) => [d.codeNumber, d.codeNotation].filter(Boolean).join('/') || '—' },
  { header: vi.meta.docFields.issuedDate, cell: (d) => date(d.issuedDate ?? null) },
  { header: vi.meta.docFields.subject, cell: (d) => d.subject },
  { header: vi.meta.docFields.accessLevel, cell: (d) => vi.meta.accessLevels[d.accessLevel ?? 'unrestricted'] },
];

/** TT 02/2019 description of a digitised file and its documents: staff edit, everyone with the right reads and exports. */
export function FileMetadataPage({ id }: { id: number }) {
  const { user } = useSession();
  const meta = useAsync(() => api.digitization.metadata(id), [id]);
  const action = useAction();
  const staff = isStaff(user);
  const [form, setForm] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (meta.data) setForm(Object.fromEntries([...FILE_TEXT.map(([k]) => k), ...FILE_COUNTS].map((k) => [k, String((meta.data as Record<string, unknown>)[k] ?? '')])));
  }, [meta.data]);
  if (!meta.data) return meta.loading ? <Loading /> : <ErrorMessage error={meta.error} />;
  const m = meta.data;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body: Record<string, unknown> = {};
    for (const [k] of FILE_TEXT) body[k] = form[k]?.trim() ? form[k]!.trim() : k === 'title' || k === 'language' ? undefined : null;
    for (const k of FILE_COUNTS) body[k] = form[k] ? Number(form[k]) : null;
    if (await action.run(() => api.digitization.updateMetadata(id, body))) {
      setSaved(true);
      meta.reload();
    }
  };
  return (
    <div className="page">
      <h1>{vi.meta.title}</h1>
      <p>
        <strong>{m.fileNotation}</strong> — {m.title} · <Link to={`/viewer/files/${id}`}>{vi.dig.viewPages}</Link>
        {staff && <> · <Link to={`/archive/files/${id}`}>{archive.arch.link}</Link></>}
        {staff && <> · <Link to={`/digitization/files/${id}/inventory-review`}>{inventoryReview.link}</Link></>}
      </p>
      <Section
        title={vi.dig.file}
        actions={
          <>
            <button type="button" onClick={() => action.run(() => api.digitization.exportMetadata(id, 'xlsx'))}>{vi.meta.exportXlsx}</button>
            <button type="button" onClick={() => action.run(() => api.digitization.exportMetadata(id, 'json'))}>{vi.meta.exportJson}</button>
          </>
        }
      >
        <form className="form-grid" onSubmit={save} data-testid="file-metadata">
          {FILE_TEXT.map(([k, max]) => (
            <Field key={k} label={`${vi.meta.fileFields[k]} (≤ ${max})`} wide={max > 100}>
              {max > 100 ? (
                <textarea value={form[k] ?? ''} readOnly={!staff} rows={k === 'description' ? 4 : 2} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
              ) : (
                <input value={form[k] ?? ''} readOnly={!staff} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
              )}
            </Field>
          ))}
          {FILE_COUNTS.map((k) => (
            <Field key={k} label={vi.meta.fileFields[k]}>
              <input type="number" min={0} value={form[k] ?? ''} readOnly={!staff} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
            </Field>
          ))}
          {staff && (
            <div className="form-actions">
              <button type="submit" className="primary" disabled={action.busy}>{vi.meta.save}</button>
              {saved && <span role="status">{vi.meta.saved}</span>}
            </div>
          )}
          <ErrorMessage error={action.error} />
        </form>
      </Section>
      <Section title={vi.meta.documents}>
        <DataTable rows={m.documents} columns={DOC_COLUMNS} rowKey={(d) => d.id} testId="documents" />
        {staff && <NewDocument fileId={id} next={m.documents.length + 1} onDone={meta.reload} />}
      </Section>
      {staff && <DocumentSplit fileId={id} nextOrdinal={Math.max(0, ...m.documents.map((d) => d.docOrdinal)) + 1} onDone={meta.reload} />}
      <Tt05Metadata key={m.documents.length} fileId={id} staff={staff} />
    </div>
  );
}

function NewDocument({ fileId, next, onDone }: { fileId: number; next: number; onDone: () => void }) {
  const empty = { typeName: '', codeNumber: '', codeNotation: '', issuedDate: '', organName: '', subject: '', accessLevel: 'unrestricted', confidenceLevel: '', physicalCondition: '' };
  const [d, setD] = useState(empty);
  const action = useAction();
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.trim() ? v.trim() : null]));
    if (await action.run(() => api.digitization.createDocument(fileId, { ...body, docOrdinal: next, accessLevel: d.accessLevel }))) {
      setD(empty);
      onDone();
    }
  };
  const text = (k: keyof typeof empty, max: number) => (
    <Field label={`${vi.meta.docFields[k]} (≤ ${max})`} wide={max > 100}>
      <input value={d[k]} onChange={set(k)} />
    </Field>
  );
  const select = (k: keyof typeof empty, options: Record<string, string>) => (
    <Field label={vi.meta.docFields[k]}>
      <select value={d[k]} onChange={set(k)}>
        {Object.entries(options).map(([v, label]) => <option key={v} value={v}>{label}</option>)}
      </select>
    </Field>
  );
  return (
    <form className="form-grid" onSubmit={submit} data-testid="new-document">
      <h3>{vi.meta.addDocument} ({vi.meta.docFields.docOrdinal} {next})</h3>
      {text('typeName', 100)}
      {text('codeNumber', 11)}
      {text('codeNotation', 30)}
      <Field label={vi.meta.docFields.issuedDate}>
        <DateInput value={d.issuedDate} onChange={(v) => setD({ ...d, issuedDate: v })} />
      </Field>
      {text('organName', 200)}
      {text('subject', 500)}
      {select('accessLevel', vi.meta.accessLevels)}
      {select('confidenceLevel', vi.meta.confidence)}
      {select('physicalCondition', vi.meta.conditions)}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={action.busy}>{vi.meta.addDocument}</button>
      </div>
      <ErrorMessage error={action.error} />
    </form>
  );
}
