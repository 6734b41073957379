/** Pieces the backlog and restoration lists share: the XLSX/CSV import panel and a delete button that asks twice. */
import { useState } from 'react';
import { ApiError } from '../../api.js';
import { useAction } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { FileUpload } from '../../components/FileUpload.js';
import { ProblemsTable, problemsOf } from '../../components/ProblemsTable.js';

const s = vi.sched;

export function ImportItems(props: {
  label: string; hint: string; testId: string; onDone: () => void;
  upload: (file: File) => Promise<{ created: number; updated: number }>; imported: (created: number, updated: number) => string;
}) {
  const action = useAction();
  const [result, setResult] = useState<string | null>(null);
  const problems = action.error instanceof ApiError ? problemsOf(action.error.details).problems : [];
  return (
    <div>
      <p className="muted small">{props.hint}</p>
      <FileUpload label={props.label} busy={action.busy} onUpload={async (file) => {
        setResult(null);
        const r = await action.run(() => props.upload(file));
        if (r) { setResult(props.imported(r.created, r.updated)); props.onDone(); }
      }} />
      {result && <p className="ok-text" role="status">{result}</p>}
      {problems.length ? <ProblemsTable problems={problems} title={s.importRefused} tone="error" testId={props.testId} /> : <ErrorMessage error={action.error} />}
    </div>
  );
}

/** First click arms, second click deletes; no native dialog, so it reads the same in every browser. */
export function DeleteItem({ remove, onDone }: { remove: () => Promise<unknown>; onDone: () => void }) {
  const action = useAction();
  const [armed, setArmed] = useState(false);
  const click = async () => {
    if (!armed) return setArmed(true);
    if (await action.run(remove)) onDone();
  };
  return (
    <>
      <button type="button" className={armed ? 'danger' : undefined} disabled={action.busy} onClick={click}>{armed ? s.confirmDelete : s.deleteItem}</button>
      <ErrorMessage error={action.error} />
    </>
  );
}
