/** The Deposit object of the API contract, from the package row and its files. */
import type { DepositFileRow, PackageRow } from './deposit.repository.js';

export function depositView(p: PackageRow, files: DepositFileRow[]) {
  return {
    id: p.id,
    handoverId: p.handoverId,
    handoverStatus: p.handoverStatus as 'draft' | 'submitted' | 'appraised' | 'approved' | 'received' | 'cancelled',
    agencyId: p.agencyId,
    agencyName: p.agencyName,
    originalName: p.originalName,
    sha256: p.sha256,
    sizeBytes: p.sizeBytes,
    metadataFile: p.metadataFile,
    files: files.map((f) => ({
      recordFileId: f.recordFileId, rowNo: f.rowNo, fileNotation: f.fileNotation, title: f.title, path: f.path, sha256: f.sha256,
      sizeBytes: f.sizeBytes, pages: f.pages, received: f.received, materialisedAt: f.materialisedAt,
    })),
    pages: p.pages,
    createdAt: p.createdAt,
    materialisedAt: p.materialisedAt,
  };
}
