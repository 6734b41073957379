/** TT 02/2019 metadata of digitised files and documents: read (by visibility), edit (staff), export XLSX / JSON. */
import { recordEvent } from '../audit/audit.repository.js';
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import type { Scope } from '../core/scope.js';
import { Download, XLSX_TYPE } from '../core/download.js';
import { writeXlsx } from '../spreadsheet/write-xlsx.js';
import * as repo from './metadata.repository.js';
import type { DocumentInput, DocumentPatchInput, FileMetadataInput } from './metadata.schemas.js';

const ACCESS_VI: Record<string, string> = { unrestricted: 'Sử dụng rộng rãi', restricted: 'Hạn chế sử dụng' };
const CONDITION_VI: Record<string, string> = { '01': 'Bình thường', '02': 'Nấm mốc nhẹ', '03': 'Mủn, dính nhẹ', '04': 'Dính bết, mủn nát', '05': 'Ố vàng', '06': 'Rách' };

/** The TT 02/2019 tag names, as agencies' software exchanges them. */
function fileTags(f: repo.FileMetadataRow) {
  return {
    FileCode: f.fileCode, Identifier: f.identifier, OrganId: f.organId, FileCatalog: f.fileCatalog, FileNotation: f.fileNotation,
    Title: f.title, Maintenance: f.retention, Rights: ACCESS_VI[f.accessLevel] ?? f.accessLevel, Language: f.language,
    StartDate: f.startDate, EndDate: f.endDate, TotalDoc: f.totalDoc, Description: f.description, InforSign: f.inforSign,
    Keyword: f.keyword, SheetNumber: f.sheets, PageNumber: f.pageNumber, Format: f.physicalCondition,
  };
}

function documentTags(d: repo.DocumentRow, f: repo.FileMetadataRow) {
  return {
    DocCode: d.docCode, FileCode: f.fileCode, Identifier: f.identifier, OrganId: f.organId, FileCatalog: f.fileCatalog,
    FileNotation: f.fileNotation, DocOrdinal: d.docOrdinal, TypeName: d.typeName, CodeNumber: d.codeNumber,
    CodeNotation: d.codeNotation, IssuedDate: d.issuedDate, OrganName: d.organName, Subject: d.subject, Language: d.language,
    PageAmount: d.pageAmount, Description: d.notes, InforSign: d.inforSign, Keyword: d.keyword,
    Mode: ACCESS_VI[d.accessLevel ?? 'unrestricted'], ConfidenceLevel: d.confidenceLevel === 'original' ? 'Bản gốc' : d.confidenceLevel === 'copy' ? 'Bản sao' : null,
    Autograph: d.autograph, Format: d.physicalCondition ? CONDITION_VI[d.physicalCondition] : null,
  };
}

export function createMetadataService(deps: Deps) {

  async function getFile(scope: Scope, fileId: number) {
    const f = await repo.fileMetadata(deps.db, scope, fileId);
    if (!f) throw ERRORS.notFound('hồ sơ');
    const documents = await repo.visibleDocuments(deps.db, scope, [fileId]);
    return { ...f, documents };
  }

  async function updateFile(scope: Scope, fileId: number, input: FileMetadataInput) {
    return deps.db.transaction(async (tx) => {
      const before = await repo.fileMetadata(tx, scope, fileId);
      if (!before) throw ERRORS.notFound('hồ sơ');
      await repo.upsertFileMetadata(tx, fileId, input);
      const after = (await repo.fileMetadata(tx, scope, fileId))!;
      await recordEvent(tx, scope.acting, { entityType: 'record_file', entityId: fileId, action: 'file_metadata.updated', before, after, at: deps.clock() });
      return after;
    });
  }

  async function listDocuments(scope: Scope, fileId: number) {
    if (!(await repo.fileMetadata(deps.db, scope, fileId))) throw ERRORS.notFound('hồ sơ');
    return { items: await repo.visibleDocuments(deps.db, scope, [fileId]) };
  }

  async function createDocument(scope: Scope, fileId: number, input: DocumentInput) {
    return deps.db.transaction(async (tx) => {
      if (!(await repo.fileMetadata(tx, scope, fileId))) throw ERRORS.notFound('hồ sơ');
      const taken = await tx.query(`SELECT 1 FROM documents WHERE record_file_id = $1 AND doc_ordinal = $2`, [fileId, input.docOrdinal]);
      if (taken.length) throw ERRORS.documentOrdinalTaken(input.docOrdinal);
      const id = await repo.insertDocument(tx, fileId, input);
      const doc = (await repo.documentById(tx, id))!;
      await recordEvent(tx, scope.acting, { entityType: 'document', entityId: id, action: 'document.created', after: doc, at: deps.clock() });
      return doc;
    });
  }

  async function updateDocument(scope: Scope, id: number, patch: DocumentPatchInput) {
    return deps.db.transaction(async (tx) => {
      const before = await repo.documentById(tx, id);
      if (!before) throw ERRORS.notFound('văn bản');
      if (patch.docOrdinal !== undefined && patch.docOrdinal !== before.docOrdinal) {
        const taken = await tx.query(`SELECT 1 FROM documents WHERE record_file_id = $1 AND doc_ordinal = $2`, [before.recordFileId, patch.docOrdinal]);
        if (taken.length) throw ERRORS.documentOrdinalTaken(patch.docOrdinal);
      }
      await repo.updateDocument(tx, id, patch);
      const after = (await repo.documentById(tx, id))!;
      await recordEvent(tx, scope.acting, { entityType: 'document', entityId: id, action: 'document.updated', before, after, at: deps.clock() });
      return after;
    });
  }

  async function collect(scope: Scope, target: { fileId?: number; fondsId?: number }) {
    let files: repo.FileMetadataRow[];
    let name: string;
    if (target.fileId) {
      const f = await repo.fileMetadata(deps.db, scope, target.fileId);
      if (!f) throw ERRORS.notFound('hồ sơ');
      files = [f];
      name = `ho-so-${f.fileNotation}`;
    } else {
      const fonds = await repo.fondsExists(deps.db, target.fondsId!);
      if (!fonds) throw ERRORS.notFound('phông');
      files = await repo.fondsFilesMetadata(deps.db, scope, fonds.id);
      name = `phong-${fonds.code}`;
    }
    const docs = await repo.visibleDocuments(deps.db, scope, files.map((f) => f.recordFileId));
    const byFile = new Map(files.map((f) => [f.recordFileId, f]));
    return { files, docs, byFile, name: name.replace(/[^\p{L}\p{N}._-]+/gu, '-') };
  }

  async function exportJson(scope: Scope, target: { fileId?: number; fondsId?: number }) {
    const { files, docs, byFile } = await collect(scope, target);
    return {
      standard: 'TT 02/2019/TT-BNV',
      exportedAt: deps.clock().toISOString(),
      files: files.map((f) => ({
        ...fileTags(f),
        documents: docs.filter((d) => d.recordFileId === f.recordFileId).map((d) => documentTags(d, byFile.get(d.recordFileId)!)),
      })),
    };
  }

  async function exportXlsx(scope: Scope, target: { fileId?: number; fondsId?: number }) {
    const { files, docs, byFile, name } = await collect(scope, target);
    const fileRows = files.map(fileTags);
    const docRows = docs.map((d) => documentTags(d, byFile.get(d.recordFileId)!));
    const columns = <T extends object>(sample: T) => Object.keys(sample).map((k) => ({ header: k, value: (r: T) => (r as Record<string, string | number | null>)[k] }));
    const body = await writeXlsx([
      { name: 'Hồ sơ', title: 'Siêu dữ liệu hồ sơ số hóa (TT 02/2019/TT-BNV)', columns: columns(fileTags({} as repo.FileMetadataRow)), rows: fileRows },
      { name: 'Văn bản', title: 'Siêu dữ liệu văn bản số hóa (TT 02/2019/TT-BNV)', columns: columns(documentTags({} as repo.DocumentRow, {} as repo.FileMetadataRow)), rows: docRows },
    ]);
    return Download.attachment(`sieu-du-lieu-${name}.xlsx`, XLSX_TYPE, body);
  }

  return { getFile, updateFile, listDocuments, createDocument, updateDocument, exportJson, exportXlsx };
}
