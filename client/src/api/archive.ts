/** Digital archive: AIP export jobs and PDF/A-2b downloads. */
import { download, get, id, post } from './transport.js';

export interface AipExport {
  id: number;
  scope: 'file' | 'fonds';
  recordFileId: number | null;
  fondsId: number | null;
  packageId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progressDone: number;
  progressTotal: number;
  stage: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  lockMode: 'object-lock' | 'read-only-fs' | 'none' | null;
  lockDetail: string | null;
  fixityStatus: string;
  error: string | null;
  createdAt: string | null;
}

export const archiveApi = {
  archive: {
    request: (b: { fileId?: number; fondsId?: number }) => post<AipExport>('/api/archive/aips', b),
    list: (q: { fileId?: number; fondsId?: number }) => get<{ items: AipExport[] }>('/api/archive/aips', q),
    downloadAip: (e: AipExport) => download(`/api/archive/aips/${id(e.id)}/download`, `${e.packageId}.zip`),
    downloadPdfa: (fileId: number) => download(`/api/archive/files/${id(fileId)}/pdfa`, `ho-so-${fileId}-pdfa.pdf`),
  },
};
