import { useState } from 'react';
import { ApiError, api } from '../../api.js';
import { useAction } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import type { Handover, InventoryUploadResult } from '../../types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { FileUpload } from '../../components/FileUpload.js';
import { ProblemsTable, problemsOf } from '../../components/ProblemsTable.js';
import { Section } from '../../components/ui.js';

/** Steps 2 and 3: upload the Mục lục (all problems listed at once on refusal), then send it for appraisal. */
export function InventoryStep({ h, onChanged }: { h: Handover; onChanged: () => void }) {
  const upload = useAction();
  const submit = useAction();
  const [result, setResult] = useState<InventoryUploadResult | null>(null);
  const files = h.summary?.files ?? 0;

  const onUpload = async (file: File) => {
    setResult(null);
    const r = await upload.run(() => api.handovers.uploadInventory(h.id, file));
    if (r) {
      setResult(r);
      onChanged();
    }
  };
  const refused = upload.error instanceof ApiError && upload.error.status === 422 ? problemsOf(upload.error.details) : null;

  return (
    <>
      <Section title={vi.wizard.uploadTitle}>
        <p className="muted small">{vi.wizard.uploadHint}</p>
        {h.sourceFilename && <p className="small">{vi.wizard.currentFile(h.sourceFilename)}</p>}
        <FileUpload label={vi.wizard.uploadSubmit} busy={upload.busy} onUpload={onUpload} />
        {result && (
          <div className="alert alert-ok" data-testid="upload-ok">
            {result.unchanged ? vi.wizard.unchanged : vi.wizard.imported(result.imported)}
          </div>
        )}
        {result && <ProblemsTable problems={result.warnings ?? []} title={vi.wizard.warnings} tone="warn" testId="upload-warnings" />}
        {refused ? (
          <>
            <div className="alert alert-error" role="alert">{upload.error instanceof ApiError ? upload.error.message : ''}</div>
            <ProblemsTable problems={refused.problems} title={vi.wizard.invalid} tone="error" testId="upload-problems" />
            <ProblemsTable problems={refused.warnings} title={vi.wizard.warnings} tone="warn" />
          </>
        ) : (
          <ErrorMessage error={upload.error} />
        )}
      </Section>
      <Section title={vi.wizard.submitTitle}>
        {files === 0 && <p className="muted">{vi.wizard.submitNeedsRows}</p>}
        <button type="button" className="primary" disabled={files === 0 || submit.busy} onClick={() => submit.run(() => api.handovers.submit(h.id)).then((r) => r && onChanged())}>
          {vi.wizard.submit}
        </button>
        <ErrorMessage error={submit.error} />
      </Section>
    </>
  );
}
