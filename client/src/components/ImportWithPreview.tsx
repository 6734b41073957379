import { useState } from 'react';
import { ApiError } from '../api.js';
import { useAction } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import type { Problem } from '../types.js';
import { ErrorMessage } from './ErrorMessage.js';
import { FileUpload } from './FileUpload.js';
import { ProblemsTable, problemsOf } from './ProblemsTable.js';

type Result = { warnings?: Problem[]; preview?: true };

/**
 * Every one-shot spreadsheet import: the file is first sent as a preview (checked and counted, nothing saved). When
 * the server read something differently from how it was written (legacy-font cells converted, columns ignored), the
 * warnings and the counts are shown and nothing is saved until the user confirms; a file read exactly as written is
 * imported at once, as there is nothing to review. A refused file lists its problems by row and column.
 */
export function ImportWithPreview<R extends Result>(props: {
  label: string;
  /** The import call; `preview` asks the server to check and count only. */
  send: (file: File, preview: boolean) => Promise<R>;
  /** What the preview says will happen, and what the import did. */
  willDo: (r: R) => string;
  done: (r: R) => string;
  onDone: () => void;
  refusedTitle: string;
  /** data-testid prefix: `-preview`, `-warnings`, `-done` and the refusal's `-problems`. */
  testId: string;
}) {
  const action = useAction();
  const [pending, setPending] = useState<{ file: File; preview: R } | null>(null);
  const [result, setResult] = useState<{ text: string; warnings: Problem[] } | null>(null);
  const [discarded, setDiscarded] = useState(false);

  const commit = async (file: File) => {
    const r = await action.run(() => props.send(file, false));
    setPending(null);
    if (r) {
      setResult({ text: props.done(r), warnings: r.warnings ?? [] });
      props.onDone();
    }
  };
  const choose = async (file: File) => {
    setResult(null);
    setPending(null);
    setDiscarded(false);
    const p = await action.run(() => props.send(file, true));
    if (!p) return;
    if ((p.warnings ?? []).length === 0) return commit(file);
    setPending({ file, preview: p });
  };
  const refused = action.error instanceof ApiError && action.error.status === 422 ? problemsOf(action.error.details) : null;

  return (
    <div className="stack-gap">
      <FileUpload label={props.label} busy={action.busy} onUpload={choose} />
      {pending && (
        <div className="alert alert-warn" data-testid={`${props.testId}-preview`}>
          <p><strong>{vi.importPreview.title}</strong></p>
          <p className="small">{vi.importPreview.intro}</p>
          <p>{props.willDo(pending.preview)}</p>
          <ProblemsTable problems={pending.preview.warnings ?? []} title={vi.importPreview.warnings((pending.preview.warnings ?? []).length)} tone="warn" testId={`${props.testId}-warnings`} />
          <div className="form-actions">
            <button type="button" className="primary" disabled={action.busy} onClick={() => commit(pending.file)}>{vi.importPreview.confirm}</button>
            <button type="button" disabled={action.busy} onClick={() => { setPending(null); setDiscarded(true); }}>{vi.importPreview.discard}</button>
          </div>
        </div>
      )}
      {discarded && <p className="muted" role="status">{vi.importPreview.discarded}</p>}
      {result && (
        <>
          <div className="alert alert-ok" role="status" data-testid={`${props.testId}-done`}>{result.text}</div>
          <ProblemsTable problems={result.warnings} title={vi.wizard.warnings} tone="warn" />
        </>
      )}
      {refused ? (
        <>
          <ProblemsTable problems={refused.problems} title={props.refusedTitle} tone="error" testId={`${props.testId}-problems`} />
          <ProblemsTable problems={refused.warnings} title={vi.wizard.warnings} tone="warn" />
        </>
      ) : (
        <ErrorMessage error={action.error} />
      )}
    </div>
  );
}
