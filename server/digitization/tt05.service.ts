/**
 * TT 05/2025 metadata beside TT 02/2019: read both regimes, convert a file (and its documents) to 2025 by the
 * mapping in tt05-mapping.ts, edit the 2025 fields (each edit resolves that field's flags). Every write is one
 * transaction with an audit event; a refused edit changes nothing.
 */
import { recordEvent } from '../audit/audit.repository.js';
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import type { Scope } from '../core/scope.js';
import type { Queryable } from '../db/db.js';
import type { Tt05DocumentInput, Tt05FileInput, Tt05FileView } from '../contract/tt05.js';
import { fileMetadata, visibleDocuments } from './metadata.repository.js';
import * as repo from './tt05.repository.js';
import { ACCESS_LEVELS_2025, BACKUP_MODES, BACKUP_STATUSES, CONFIDENCE_LEVELS_2025 } from '../core/tt05-codes.js';
import { fileList, mapDocument, mapFile, resolveFlags } from './tt05-mapping.js';
import { TT05_ERRORS } from '../core/errors-tt05.js';


const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

/** Retention kind and years must agree after the edit; choosing "permanent" clears the years. */
function retention(before: { retentionKind: string | null; retentionYears: number | null }, input: { retentionKind?: string | null; retentionYears?: number | null }) {
  const patch = { ...input };
  if (patch.retentionKind === 'permanent' && patch.retentionYears === undefined) patch.retentionYears = null;
  if (patch.retentionKind === null && patch.retentionYears === undefined) patch.retentionYears = null;
  const kind = patch.retentionKind !== undefined ? patch.retentionKind : before.retentionKind;
  const years = patch.retentionYears !== undefined ? patch.retentionYears : before.retentionYears;
  if (kind === 'limited' && years == null) throw TT05_ERRORS.yearsRequired();
  if (kind !== 'limited' && years != null) throw TT05_ERRORS.yearsForbidden();
  return patch;
}

export function createTt05Service(deps: Deps) {

  async function view(db: Queryable, scope: Scope, fileId: number): Promise<Tt05FileView> {
    const f = await fileMetadata(db, scope, fileId);
    if (!f) throw ERRORS.notFound('hồ sơ');
    const tt02 = (await repo.tt02File(db, fileId))!;
    const row = await repo.fileTt05(db, fileId);
    const visible = await visibleDocuments(db, scope, [fileId]);
    const docRows = new Map((await repo.documentsTt05(db, fileId)).map((d) => [d.documentId, d]));
    const documents = [];
    for (const d of visible) {
      const t = docRows.get(d.id);
      documents.push({
        documentId: d.id, docOrdinal: d.docOrdinal, subject: d.subject, regime: t?.regime ?? 'tt02_2019' as const,
        tt02: { docCode: d.docCode ?? null, accessLevel: d.accessLevel ?? null, confidenceLevel: d.confidenceLevel ?? null },
        fields: t && t.regime === 'tt05_2025' ? {
          retentionKind: t.retentionKind, retentionYears: t.retentionYears, accessLevel: t.accessLevel, confidenceLevel: t.confidenceLevel,
          backupMode: t.backupMode, backupStatus: t.backupStatus, processingHistory: t.processingHistory, archiveCode: t.archiveCode, sheetCount: t.sheetCount,
        } : null,
        flags: t?.flags ?? [], files: fileList(await repo.documentMasters(db, d.id)), convertedAt: iso(t?.convertedAt ?? null),
      });
    }
    return {
      recordFileId: fileId, regime: row?.regime ?? 'tt02_2019', verified: false,
      tt02: { retention: tt02.retention, accessLevel: tt02.accessLevel, secrecy: tt02.secrecy, fileCode: tt02.fileCode, sheets: tt02.sheets },
      fields: row && row.regime === 'tt05_2025' ? {
        retentionKind: row.retentionKind, retentionYears: row.retentionYears, accessLevel: row.accessLevel, confidenceLevel: row.confidenceLevel,
        paperFileCode: row.paperFileCode, backupMode: row.backupMode, backupStatus: row.backupStatus, processingHistory: row.processingHistory,
      } : null,
      flags: row?.flags ?? [], files: fileList(await repo.fileMasters(db, fileId)), convertedAt: iso(row?.convertedAt ?? null), documents,
      codeLists: { verified: false, accessLevel: ACCESS_LEVELS_2025, confidenceLevel: CONFIDENCE_LEVELS_2025, backupMode: BACKUP_MODES, backupStatus: BACKUP_STATUSES },
      limits: { verified: false, paperFileCode: 30, archiveCode: 30 },
    };
  }

  const get = (scope: Scope, fileId: number) => view(deps.db, scope, fileId);

  async function convert(scope: Scope, fileId: number) {
    return deps.db.transaction(async (tx) => {
      if (!(await fileMetadata(tx, scope, fileId))) throw ERRORS.notFound('hồ sơ');
      const fileDone = (await repo.fileTt05(tx, fileId))?.regime === 'tt05_2025';
      const at = deps.clock();
      const tt02 = (await repo.tt02File(tx, fileId))!;
      const docs = await repo.tt02Documents(tx, fileId);
      // A converted file keeps its (possibly edited) 2025 fields; only documents added since are converted.
      const done = new Set((await repo.documentsTt05(tx, fileId)).filter((d) => d.regime === 'tt05_2025').map((d) => d.documentId));
      const pending = docs.filter((d) => !done.has(d.id));
      if (fileDone && !pending.length) throw TT05_ERRORS.alreadyConverted();
      const file = mapFile({ ...tt02, documentConfidence: docs.map((d) => d.confidenceLevel) }, await repo.processingEvents(tx, fileId, null));
      if (!fileDone) {
        await repo.upsertFileTt05(tx, fileId, file.fields, repo.FILE_COLUMNS, { history: file.fields.processingHistory, flags: file.flags, regime: 'tt05_2025', convertedAt: at });
      }
      for (const d of pending) {
        const m = mapDocument(d, tt02, await repo.processingEvents(tx, fileId, d.id));
        await repo.upsertDocumentTt05(tx, d.id, m.fields, repo.DOCUMENT_COLUMNS, { history: m.fields.processingHistory, flags: m.flags, regime: 'tt05_2025', convertedAt: at });
      }
      await recordEvent(tx, scope.acting, {
        entityType: 'record_file', entityId: fileId, action: 'tt05.converted', at,
        data: { file: !fileDone, flags: fileDone ? [] : file.flags.map((f) => f.code), documents: pending.map((d) => d.id) },
      });
      return view(tx, scope, fileId);
    });
  }

  async function updateFile(scope: Scope, fileId: number, input: Tt05FileInput) {
    if (!Object.values(input).some((v) => v !== undefined)) throw ERRORS.emptyPatch();
    return deps.db.transaction(async (tx) => {
      if (!(await fileMetadata(tx, scope, fileId))) throw ERRORS.notFound('hồ sơ');
      const before = await repo.fileTt05(tx, fileId);
      if (before?.regime !== 'tt05_2025') throw TT05_ERRORS.notConverted();
      const patch = retention(before, input);
      const flags = resolveFlags(before.flags, patch);
      await repo.upsertFileTt05(tx, fileId, patch, repo.FILE_COLUMNS, { flags });
      await recordEvent(tx, scope.acting, { entityType: 'record_file', entityId: fileId, action: 'tt05.file_updated', before, after: { ...patch, flags }, at: deps.clock() });
      return view(tx, scope, fileId);
    });
  }

  async function updateDocument(scope: Scope, documentId: number, input: Tt05DocumentInput) {
    if (!Object.values(input).some((v) => v !== undefined)) throw ERRORS.emptyPatch();
    return deps.db.transaction(async (tx) => {
      const [doc] = await tx.query<{ recordFileId: number }>(`SELECT record_file_id AS "recordFileId" FROM documents WHERE id = $1`, [documentId]);
      const visible = doc ? await visibleDocuments(tx, scope, [doc.recordFileId]) : [];
      if (!doc || !visible.some((d) => d.id === documentId)) throw ERRORS.notFound('văn bản');
      const before = await repo.documentTt05(tx, documentId);
      if (before?.regime !== 'tt05_2025') throw TT05_ERRORS.notConverted();
      const patch = retention(before, input);
      const flags = resolveFlags(before.flags, patch);
      await repo.upsertDocumentTt05(tx, documentId, patch, repo.DOCUMENT_COLUMNS, { flags });
      await recordEvent(tx, scope.acting, { entityType: 'document', entityId: documentId, action: 'tt05.document_updated', before, after: { ...patch, flags }, at: deps.clock() });
      return view(tx, scope, doc.recordFileId);
    });
  }

  return { get, convert, updateFile, updateDocument };
}
