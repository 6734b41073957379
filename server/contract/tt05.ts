/**
 * TT 05/2025 metadata of digitised files and documents, beside TT 02/2019: the request bodies (lengths and code
 * lists, Vietnamese messages) and the responses. Names, lengths and code lists are NOT verified against the
 * circular: every response says `verified: false` and the code lists carry their labels.
 */
import { z } from 'zod';
import { text } from '../core/schemas.js';
import { Timestamp } from './common.js';
import { ACCESS_LEVELS_2025, BACKUP_MODES, BACKUP_STATUSES, CONFIDENCE_LEVELS_2025 } from '../core/tt05-codes.js';

const code = <T extends Record<string, string>>(list: T, what: string) =>
  z.enum(Object.keys(list) as [keyof T & string, ...(keyof T & string)[]], `${what}: mã ${Object.keys(list).join(', ')}`);

export const Regime = z.enum(['tt02_2019', 'tt05_2025']);
const years = z.number().int('Phải là số nguyên').min(1, 'Tối thiểu 1 năm').max(100, 'Tối đa 100 năm');

const common = {
  retentionKind: z.enum(['permanent', 'limited'], 'Thời hạn lưu trữ: permanent (vĩnh viễn) hoặc limited (có thời hạn)').nullish(),
  retentionYears: years.nullish(),
  accessLevel: code(ACCESS_LEVELS_2025, 'Mức độ tiếp cận').nullish(),
  confidenceLevel: code(CONFIDENCE_LEVELS_2025, 'Mức độ tin cậy').nullish(),
  backupMode: code(BACKUP_MODES, 'Chế độ lập tài liệu dự phòng').nullish(),
  backupStatus: code(BACKUP_STATUSES, 'Tình trạng lập tài liệu dự phòng').nullish(),
};

export const Tt05FileBody = z.strictObject({ ...common, paperFileCode: text(30).nullish() /* mã hồ sơ gốc giấy, length unverified */ });
export type Tt05FileInput = z.infer<typeof Tt05FileBody>;
export const Tt05DocumentBody = z.strictObject({
  ...common,
  archiveCode: text(30).nullish(), // mã lưu trữ tài liệu, length unverified
  sheetCount: z.number().int('Phải là số nguyên').min(0, 'Không được âm').max(100_000, 'Quá lớn').nullish(), // số lượng tờ
});
export type Tt05DocumentInput = z.infer<typeof Tt05DocumentBody>;

const Flag = z.object({ field: z.string(), code: z.string(), reason: z.string() });
const Step = z.object({ at: Timestamp, step: z.string(), agent: z.string() });
const StoredFile = z.object({ name: z.string(), format: z.string(), size: z.number(), sha256: z.string() });

const fields = {
  retentionKind: z.enum(['permanent', 'limited']).nullable(),
  retentionYears: z.number().nullable(),
  accessLevel: z.string().nullable(),
  confidenceLevel: z.string().nullable(),
  backupMode: z.string().nullable(),
  backupStatus: z.string().nullable(),
  processingHistory: z.array(Step),
};

export const Tt05DocumentView = z.object({
  documentId: z.number(),
  docOrdinal: z.number(),
  subject: z.string(),
  regime: Regime,
  tt02: z.object({ docCode: z.string().nullable(), accessLevel: z.string().nullable(), confidenceLevel: z.string().nullable() }),
  fields: z.object({ ...fields, archiveCode: z.string().nullable(), sheetCount: z.number().nullable() }).nullable(),
  flags: z.array(Flag),
  files: z.array(StoredFile),
  convertedAt: Timestamp.nullable(),
});

export const Tt05FileView = z.object({
  recordFileId: z.number(),
  regime: Regime,
  verified: z.literal(false),
  tt02: z.object({ retention: z.string(), accessLevel: z.string(), secrecy: z.string().nullable(), fileCode: z.string().nullable(), sheets: z.number().nullable() }),
  fields: z.object({ ...fields, paperFileCode: z.string().nullable() }).nullable(),
  flags: z.array(Flag),
  files: z.array(StoredFile),
  convertedAt: Timestamp.nullable(),
  documents: z.array(Tt05DocumentView),
  codeLists: z.object({
    verified: z.literal(false),
    accessLevel: z.record(z.string(), z.string()),
    confidenceLevel: z.record(z.string(), z.string()),
    backupMode: z.record(z.string(), z.string()),
    backupStatus: z.record(z.string(), z.string()),
  }),
  limits: z.object({ verified: z.literal(false), paperFileCode: z.number(), archiveCode: z.number() }),
});
export type Tt05FileView = z.output<typeof Tt05FileView>;
