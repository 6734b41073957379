import { useEffect, useState, type FormEvent } from 'react';
import { useAction, useAsync } from '../../hooks.js';
import { tt05 as s } from '../../i18n/tt05.js';
import { dateTime } from '../../format.js';
import { tt05Api, type Tt05DocumentView, type Tt05FileView, type Tt05Flag } from '../../api/tt05.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field, Loading, Section } from '../../components/ui.js';

type Fields = Record<string, string>;
type Kind = 'file' | 'document';
/** Flags and errors span the whole grid row (the grid's cells are one field wide). */
const FULL_ROW = { gridColumn: '1 / -1' } as const;

/** The fields staff edit; texts carry their (unverified) maximum, the server checks the same. */
const CODE_FIELDS = ['accessLevel', 'confidenceLevel', 'backupMode', 'backupStatus'] as const;
const TEXTS: Record<Kind, [string, number][]> = { file: [['paperFileCode', 30]], document: [['archiveCode', 30]] };

function toForm(fields: Record<string, unknown> | null): Fields {
  const f: Fields = {};
  for (const [k, v] of Object.entries(fields ?? {})) if (k !== 'processingHistory') f[k] = v == null ? '' : String(v);
  return f;
}

function toBody(kind: Kind, f: Fields): Record<string, unknown> {
  const text = (k: string) => (f[k]?.trim() ? f[k]!.trim() : null);
  const num = (k: string) => (f[k]?.trim() ? Number(f[k]) : null);
  const body: Record<string, unknown> = { retentionKind: text('retentionKind'), retentionYears: f.retentionKind === 'limited' ? num('retentionYears') : null };
  for (const k of CODE_FIELDS) body[k] = text(k);
  for (const [k] of TEXTS[kind]) body[k] = text(k);
  if (kind === 'document') body.sheetCount = num('sheetCount');
  return body;
}

function Flags({ flags, testId }: { flags: Tt05Flag[]; testId: string }) {
  if (!flags.length) return <p className="muted small" data-testid={testId}>{s.noFlags}</p>;
  return (
    <div className="alert alert-warn" data-testid={testId}>
      <strong>{s.flags} ({flags.length})</strong>
      <ul>{flags.map((f, i) => <li key={i} data-flag={f.field}><strong>{s.fields[f.field] ?? f.field}:</strong> {f.reason}</li>)}</ul>
    </div>
  );
}

/** One 2025 form (the file's or a document's): the flags to resolve, then the fields; saving resolves filled flags. */
function Tt05Form(props: { kind: Kind; view: Tt05FileView; fields: Record<string, unknown>; flags: Tt05Flag[]; staff: boolean; save: (body: Record<string, unknown>) => Promise<Tt05FileView>; onSaved: (v: Tt05FileView) => void; testId: string }) {
  const { kind, view, staff } = props;
  const [f, setF] = useState<Fields>(() => toForm(props.fields));
  const [saved, setSaved] = useState(false);
  const action = useAction();
  useEffect(() => setF(toForm(props.fields)), [props.fields]);
  const set = (k: string) => (e: { target: { value: string } }) => { setSaved(false); setF({ ...f, [k]: e.target.value }); };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const v = await action.run(() => props.save(toBody(kind, f)));
    if (v) { setSaved(true); props.onSaved(v); }
  };
  const select = (k: string, options: Record<string, string>) => (
    <Field label={s.fields[k]!}>
      <select name={k} value={f[k] ?? ''} onChange={set(k)} disabled={!staff}>
        <option value="">{s.none}</option>
        {Object.entries(options).map(([v, label]) => <option key={v} value={v}>{v} — {label}</option>)}
      </select>
    </Field>
  );
  return (
    <form className="form-grid" onSubmit={submit} data-testid={props.testId}>
      <div style={FULL_ROW}><Flags flags={props.flags} testId={`${props.testId}-flags`} /></div>
      <Field label={s.fields.retentionKind!}>
        <select name="retentionKind" value={f.retentionKind ?? ''} onChange={set('retentionKind')} disabled={!staff}>
          {Object.entries(s.retentionKinds).map(([v, label]) => <option key={v} value={v}>{label}</option>)}
        </select>
      </Field>
      {f.retentionKind === 'limited' && (
        <Field label={s.fields.retentionYears!}>
          <input name="retentionYears" type="number" min={1} max={100} value={f.retentionYears ?? ''} onChange={set('retentionYears')} readOnly={!staff} />
        </Field>
      )}
      {select('accessLevel', view.codeLists.accessLevel)}
      {select('confidenceLevel', view.codeLists.confidenceLevel)}
      {TEXTS[kind].map(([k, max]) => (
        <Field key={k} label={`${s.fields[k]} (${s.max(max)})`}>
          <input name={k} value={f[k] ?? ''} onChange={set(k)} readOnly={!staff} />
        </Field>
      ))}
      {kind === 'document' && (
        <Field label={s.fields.sheetCount!}>
          <input name="sheetCount" type="number" min={0} value={f.sheetCount ?? ''} onChange={set('sheetCount')} readOnly={!staff} />
        </Field>
      )}
      {select('backupMode', view.codeLists.backupMode)}
      {select('backupStatus', view.codeLists.backupStatus)}
      {staff && (
        <div className="form-actions">
          <button type="submit" className="primary" disabled={action.busy}>{s.save}</button>
          {saved && <span role="status">{s.saved}</span>}
        </div>
      )}
      <div style={FULL_ROW}><ErrorMessage error={action.error} /></div>
    </form>
  );
}

function History({ steps }: { steps: { at: string; step: string; agent: string }[] }) {
  return (
    <DataTable rows={steps} rowKey={(_, i) => i} testId="tt05-history" columns={[
      { header: s.historyCols.at, cell: (r) => dateTime(r.at) }, { header: s.historyCols.step, cell: (r) => r.step }, { header: s.historyCols.agent, cell: (r) => r.agent },
    ]} />
  );
}

function FileList({ files, testId }: { files: Tt05FileView['files']; testId: string }) {
  return (
    <DataTable rows={files} rowKey={(r) => r.sha256 + r.name} testId={testId} columns={[
      { header: s.fileCols.name, cell: (r) => r.name }, { header: s.fileCols.format, cell: (r) => r.format },
      { header: s.fileCols.size, cell: (r) => r.size, align: 'right' }, { header: s.fileCols.sha256, cell: (r) => <code className="small">{r.sha256.slice(0, 16)}…</code> },
    ]} />
  );
}

function DocumentBlock({ d, view, staff, onSaved }: { d: Tt05DocumentView; view: Tt05FileView; staff: boolean; onSaved: (v: Tt05FileView) => void }) {
  return (
    <div data-testid={`tt05-document-${d.docOrdinal}`}>
      <h3>{s.document(d.docOrdinal, d.subject)}</h3>
      {d.fields && <Tt05Form kind="document" view={view} fields={d.fields} flags={d.flags} staff={staff} save={(b) => tt05Api.updateDocument(d.documentId, b)} onSaved={onSaved} testId={`tt05-document-form-${d.docOrdinal}`} />}
      <FileList files={d.files} testId={`tt05-document-files-${d.docOrdinal}`} />
    </div>
  );
}

/** TT 05/2025 section of the file metadata page: the regime, the mapped fields, the flags to resolve, editable by staff. */
export function Tt05Metadata({ fileId, staff }: { fileId: number; staff: boolean }) {
  const loaded = useAsync(() => tt05Api.get(fileId), [fileId]);
  const [view, setView] = useState<Tt05FileView | null>(null);
  const convert = useAction();
  useEffect(() => setView(loaded.data), [loaded.data]);
  if (!view) return loaded.loading ? <Loading /> : <ErrorMessage error={loaded.error} />;
  const converted = view.regime === 'tt05_2025' && view.fields;
  // Documents added after the file was converted still follow TT 02/2019 until converted too.
  const pendingDocs = view.documents.filter((d) => d.regime !== 'tt05_2025').length;
  const doConvert = async () => {
    const v = await convert.run(() => tt05Api.convert(fileId));
    if (v) setView(v);
  };
  return (
    <Section
      title={s.title}
      actions={staff && (!converted || pendingDocs > 0)
        ? <button type="button" className="primary" onClick={doConvert} disabled={convert.busy}>{converted ? s.convertDocuments(pendingDocs) : s.convert}</button>
        : undefined}
    >
      <div data-testid="tt05">
        <p>
          {s.regime}: <strong data-testid="tt05-regime">{s.regimes[view.regime]}</strong>
          {view.convertedAt && <span className="muted small"> · {s.convertedAt} {dateTime(view.convertedAt)}</span>}
        </p>
        <p className="muted small">{s.unverified}</p>
        <p className="small">
          {s.tt02}: {s.tt02Retention} “{view.tt02.retention}”, {s.tt02Access} “{s.accessLevels2019[view.tt02.accessLevel] ?? view.tt02.accessLevel}”
        </p>
        <ErrorMessage error={convert.error} />
        {!converted && <p className="muted">{s.notConverted} {staff && s.convertHint}</p>}
        {converted && (
          <>
            <Tt05Form kind="file" view={view} fields={view.fields!} flags={view.flags} staff={staff} save={(b) => tt05Api.updateFile(fileId, b)} onSaved={setView} testId="tt05-file-form" />
            <h3>{s.history}</h3>
            <History steps={view.fields!.processingHistory} />
          </>
        )}
        <h3>{s.files}</h3>
        <FileList files={view.files} testId="tt05-files" />
        {converted && view.documents.length > 0 && (
          <>
            <h3>{s.documents}</h3>
            {view.documents.map((d) => d.regime !== 'tt05_2025'
              ? <p key={d.documentId} className="muted small">{s.document(d.docOrdinal, d.subject)} — {s.regimes.tt02_2019}</p>
              : <DocumentBlock key={d.documentId} d={d} view={view} staff={staff} onSaved={setView} />)}
          </>
        )}
      </div>
    </Section>
  );
}
