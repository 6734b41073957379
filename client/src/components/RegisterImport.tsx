import { useState } from 'react';
import { ApiError, api } from '../api.js';
import { useAction } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { ErrorMessage } from './ErrorMessage.js';
import { FileUpload } from './FileUpload.js';
import { ProblemsTable, problemsOf } from './ProblemsTable.js';

/** The agency's register of files still held in its current archive; feeds the deadline figures. */
export function RegisterImport({ agencyId, onDone }: { agencyId: number; onDone: () => void }) {
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const upload = async (file: File) => {
    setDone(null);
    const r = await action.run(() => api.agencies.importFiles(agencyId, file));
    if (r) {
      setDone(r.unchanged ? vi.wizard.unchanged : vi.wizard.imported(r.imported));
      onDone();
    }
  };
  const invalid = action.error instanceof ApiError && action.error.status === 422 ? problemsOf(action.error.details) : null;
  return (
    <div className="stack-gap">
      <p className="muted small">{vi.wizard.uploadHint}</p>
      <FileUpload label={vi.agency.registerImport} busy={action.busy} onUpload={upload} />
      {done && <div className="alert alert-ok">{done}</div>}
      {invalid ? <ProblemsTable problems={invalid.problems} title={vi.wizard.invalid} tone="error" /> : <ErrorMessage error={action.error} />}
    </div>
  );
}

