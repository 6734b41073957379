import { api } from '../api.js';
import { vi } from '../i18n/vi.js';
import type { RegisterImportResult } from '../types.js';
import { ImportWithPreview } from './ImportWithPreview.js';

/** The agency's register of files still held in its current archive; feeds the deadline figures. */
export function RegisterImport({ agencyId, onDone }: { agencyId: number; onDone: () => void }) {
  return (
    <div className="stack-gap">
      <p className="muted small">{vi.wizard.uploadHint}</p>
      <ImportWithPreview<RegisterImportResult> label={vi.agency.registerImport} send={(file, preview) => api.agencies.importFiles(agencyId, file, preview)}
        testId="register-import" refusedTitle={vi.wizard.invalid} onDone={onDone}
        willDo={(r) => vi.importPreview.registerCount(r.imported)} done={(r) => (r.unchanged ? vi.wizard.unchanged : vi.wizard.imported(r.imported))} />
    </div>
  );
}
