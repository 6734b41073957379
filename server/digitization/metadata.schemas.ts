/**
 * TT 02/2019 metadata (docs/domain.md §4.2–4.3): one zod schema per body gives the type and the check, with the field
 * lengths of the annex and Vietnamese messages. The TT 02/2019 tag name of each field is in its comment.
 */
import { z } from 'zod';
import { isoDate, requiredText, text } from '../core/schemas.js';

const count = z.number().int('Phải là số nguyên').min(0, 'Không được âm').max(1_000_000, 'Quá lớn');

export const FileMetadataBody = z.strictObject({
  fileCode: text(30).nullish(), // FileCode
  title: requiredText(1000).optional(), // Title
  identifier: text(13).nullish(), // Identifier (mã cơ quan lưu trữ lịch sử)
  organId: text(13).nullish(), // OrganId (mã phông/công trình/sưu tập)
  fileCatalog: text(4).nullish(), // FileCatalog (mục lục số hoặc năm hình thành)
  language: requiredText(100).optional(), // Language
  totalDoc: count.nullish(), // TotalDoc
  description: text(2000, { multiline: true }).nullish(), // Description (chú giải)
  inforSign: text(30).nullish(), // InforSign
  keyword: text(100).nullish(), // Keyword
  pageNumber: count.nullish(), // PageNumber
});
export type FileMetadataInput = z.infer<typeof FileMetadataBody>;

export const DocumentBody = z.strictObject({
  docOrdinal: z.number().int('Phải là số nguyên').min(1, 'Số thứ tự bắt đầu từ 1').max(100_000), // DocOrdinal
  docCode: text(25).nullish(), // DocCode
  typeName: text(100).nullish(), // TypeName
  codeNumber: text(11).nullish(), // CodeNumber
  codeNotation: text(30).nullish(), // CodeNotation
  issuedDate: isoDate.nullish(), // IssuedDate
  organName: text(200).nullish(), // OrganName
  subject: requiredText(500), // Subject (trích yếu nội dung)
  language: requiredText(100).optional(),
  pageAmount: count.nullish(), // PageAmount
  notes: text(500, { multiline: true }).nullish(),
  inforSign: text(30).nullish(),
  keyword: text(100).nullish(),
  accessLevel: z.enum(['unrestricted', 'restricted'], 'Chế độ sử dụng: unrestricted hoặc restricted').optional(), // Mode
  secrecy: z.enum(['mat', 'toi_mat', 'tuyet_mat'], 'Độ mật: mat, toi_mat hoặc tuyet_mat').nullish(),
  declassifiedYear: z.number().int().min(1800).max(2200).nullish(),
  confidenceLevel: z.enum(['original', 'copy'], 'Mức độ tin cậy: original (bản gốc) hoặc copy (bản sao)').nullish(), // ConfidenceLevel
  autograph: text(2000, { multiline: true }).nullish(), // Autograph (bút tích)
  physicalCondition: z.enum(['01', '02', '03', '04', '05', '06'], 'Tình trạng vật lý: mã 01–06').nullish(), // Format
});
export type DocumentInput = z.infer<typeof DocumentBody>;
export const DocumentPatch = DocumentBody.partial();
export type DocumentPatchInput = z.infer<typeof DocumentPatch>;

/** camelCase field → column, for the documents table. */
export const DOCUMENT_COLUMNS: Record<keyof DocumentInput, string> = {
  docOrdinal: 'doc_ordinal', docCode: 'doc_code', typeName: 'type_name', codeNumber: 'code_number', codeNotation: 'code_notation',
  issuedDate: 'issued_date', organName: 'organ_name', subject: 'subject', language: 'language', pageAmount: 'page_amount',
  notes: 'notes', inforSign: 'infor_sign', keyword: 'keyword', accessLevel: 'access_level', secrecy: 'secrecy',
  declassifiedYear: 'declassified_year', confidenceLevel: 'confidence_level', autograph: 'autograph', physicalCondition: 'physical_condition',
};

export const FILE_METADATA_COLUMNS = {
  identifier: 'identifier', organId: 'organ_id', fileCatalog: 'file_catalog', language: 'language', totalDoc: 'total_doc',
  description: 'description', inforSign: 'infor_sign', keyword: 'keyword', pageNumber: 'page_number',
} as const;
