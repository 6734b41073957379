/**
 * TT 02/2019 → TT 05/2025 mapping (DOMAIN.md §4.2–4.4), pure: it fills the 2025 fields that follow from what is
 * already stored and returns a flag, with a Vietnamese reason, for every field it cannot derive — nothing is guessed.
 * The code lists (server/core/tt05-codes.ts) are NOT verified against the circular's annex.
 */
import { ACCESS_LEVELS_2025, CONFIDENCE_LEVELS_2025 } from '../core/tt05-codes.js';

export type AccessLevel2025 = keyof typeof ACCESS_LEVELS_2025;
export type ConfidenceLevel2025 = keyof typeof CONFIDENCE_LEVELS_2025;
export type Regime = 'tt02_2019' | 'tt05_2025';

export interface ProcessingStep { at: string; step: string; agent: string }
export interface Tt05Flag { field: string; code: string; reason: string }
export interface StoredFile { name: string; format: string; size: number; sha256: string }

export interface Tt05FileFields {
  retentionKind: 'permanent' | 'limited' | null;
  retentionYears: number | null;
  accessLevel: AccessLevel2025 | null;
  confidenceLevel: ConfidenceLevel2025 | null;
  paperFileCode: string | null;
  backupMode: string | null;
  backupStatus: string | null;
  processingHistory: ProcessingStep[];
}

export interface Tt05DocumentFields extends Omit<Tt05FileFields, 'paperFileCode'> {
  archiveCode: string | null;
  sheetCount: number | null;
}

/** What the mapping reads: the 2019 record and events already in the audit log. */
export interface Tt02File {
  retention: string;
  permanent: boolean;
  accessLevel: 'unrestricted' | 'restricted' | string;
  secrecy: string | null;
  fileCode: string | null;
  documentConfidence: (string | null)[];
}
export interface Tt02Document {
  docCode: string | null;
  accessLevel: string | null;
  secrecy: string | null;
  confidenceLevel: string | null;
}
export interface StoredEvent { at: Date; action: string; actorName: string | null; data?: Record<string, unknown> | null }

export interface Mapped<T> { fields: T; flags: Tt05Flag[] }

const flag = (field: string, code: string, reason: string): Tt05Flag => ({ field, code, reason });

/** Thời hạn bảo quản (2019, free text from the inventory) → thời hạn lưu trữ. */
export function mapRetention(retention: string, permanent: boolean): { kind: 'permanent' | 'limited'; years: number | null } | Tt05Flag {
  const t = retention.normalize('NFC').trim().toLowerCase();
  if (permanent || t === 'vĩnh viễn' || t === 'vv') return { kind: 'permanent', years: null };
  const m = /^(\d{1,3})\s*năm$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 100) return { kind: 'limited', years: Number(m[1]) };
  return flag('retention', 'TT05_RETENTION_UNMAPPED', `Thời hạn bảo quản "${retention}" không chuyển được thành thời hạn lưu trữ; cần cán bộ xác định.`);
}

/** Chế độ sử dụng (+ độ mật) → mức độ tiếp cận, only where one 2025 value follows. */
export function mapAccess(accessLevel: string | null, secrecy: string | null): AccessLevel2025 | Tt05Flag {
  if (secrecy) return flag('accessLevel', 'TT05_ACCESS_SECRET', 'Tài liệu có độ mật: mức độ tiếp cận phải do người có thẩm quyền xác định, không suy ra từ chế độ sử dụng.');
  if (accessLevel === 'unrestricted' || accessLevel == null) return '01';
  if (accessLevel === 'restricted') return '02';
  return flag('accessLevel', 'TT05_ACCESS_UNMAPPED', `Chế độ sử dụng "${accessLevel}" không có mức độ tiếp cận tương ứng.`);
}

export function mapConfidence(c: string | null): ConfidenceLevel2025 | null {
  return c === 'original' ? '01' : c === 'copy' ? '02' : null;
}

const STEP: Record<string, string> = {
  'handover.received': 'Tiếp nhận tài liệu vào Lưu trữ lịch sử',
  'master.stored': 'Số hóa (lưu bản gốc ảnh quét)',
  'page.ocr_done': 'Nhận dạng ký tự (OCR)',
};

/** Processing history from stored events: every receipt and master upload; OCR collapsed to one step (last page). */
export function processingHistory(events: StoredEvent[]): ProcessingStep[] {
  const steps: ProcessingStep[] = [];
  const ocr = events.filter((e) => e.action === 'page.ocr_done');
  for (const e of events) {
    if (e.action === 'page.ocr_done' || !STEP[e.action]) continue;
    const name = e.action === 'master.stored' && typeof e.data?.name === 'string' ? ` — ${e.data.name}` : '';
    steps.push({ at: e.at.toISOString(), step: STEP[e.action] + name, agent: e.actorName ?? 'Hệ thống' });
  }
  if (ocr.length) {
    const last = ocr.reduce((a, b) => (b.at > a.at ? b : a));
    const engine = typeof last.data?.engine === 'string' ? last.data.engine : 'OCR';
    steps.push({ at: last.at.toISOString(), step: `${STEP['page.ocr_done']} — ${ocr.length} trang`, agent: engine });
  }
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}

function processingFlag(history: ProcessingStep[]): Tt05Flag[] {
  return history.length ? [] : [flag('processingHistory', 'TT05_HISTORY_EMPTY', 'Không có sự kiện nào đã lưu (tiếp nhận, số hóa, OCR) để lập quy trình xử lý.')];
}

const backupFlags = (): Tt05Flag[] => [
  flag('backupMode', 'TT05_BACKUP_UNKNOWN', 'TT 02/2019 không ghi chế độ lập tài liệu dự phòng; cần cán bộ nhập.'),
  flag('backupStatus', 'TT05_BACKUP_UNKNOWN', 'TT 02/2019 không ghi tình trạng lập tài liệu dự phòng; cần cán bộ nhập.'),
];

export function mapFile(f: Tt02File, events: StoredEvent[]): Mapped<Tt05FileFields> {
  const flags: Tt05Flag[] = [];
  const r = mapRetention(f.retention, f.permanent);
  const a = mapAccess(f.accessLevel, f.secrecy);
  if ('code' in r) flags.push(r);
  if (typeof a !== 'string') flags.push(a);
  // A file's reliability follows only when every document states the same one.
  const levels = new Set(f.documentConfidence.map(mapConfidence));
  const confidenceLevel = levels.size === 1 ? [...levels][0]! : null;
  if (!confidenceLevel) {
    flags.push(flag('confidenceLevel', 'TT05_CONFIDENCE_UNKNOWN', f.documentConfidence.length
      ? 'Các văn bản trong hồ sơ không cùng một mức độ tin cậy (hoặc chưa ghi); cần cán bộ xác định.'
      : 'Hồ sơ chưa có văn bản nào ghi mức độ tin cậy; cần cán bộ xác định.'));
  }
  if (!f.fileCode) flags.push(flag('paperFileCode', 'TT05_PAPER_CODE_MISSING', 'Hồ sơ giấy chưa có mã hồ sơ (FileCode) để làm mã hồ sơ gốc giấy.'));
  flags.push(...backupFlags());
  const history = processingHistory(events);
  flags.push(...processingFlag(history));
  return {
    fields: {
      retentionKind: 'code' in r ? null : r.kind, retentionYears: 'code' in r ? null : r.years,
      accessLevel: typeof a === 'string' ? a : null, confidenceLevel,
      paperFileCode: f.fileCode, backupMode: null, backupStatus: null, processingHistory: history,
    },
    flags,
  };
}

export function mapDocument(d: Tt02Document, file: { retention: string; permanent: boolean }, events: StoredEvent[]): Mapped<Tt05DocumentFields> {
  const flags: Tt05Flag[] = [];
  const r = mapRetention(file.retention, file.permanent);
  const a = mapAccess(d.accessLevel, d.secrecy);
  if ('code' in r) flags.push(r);
  if (typeof a !== 'string') flags.push(a);
  const confidenceLevel = mapConfidence(d.confidenceLevel);
  if (!confidenceLevel) flags.push(flag('confidenceLevel', 'TT05_CONFIDENCE_UNKNOWN', 'Văn bản chưa ghi mức độ tin cậy (ConfidenceLevel); cần cán bộ xác định.'));
  if (!d.docCode) flags.push(flag('archiveCode', 'TT05_ARCHIVE_CODE_MISSING', 'Văn bản chưa có mã định danh (DocCode) để làm mã lưu trữ tài liệu.'));
  // Pages are images of sides, not sheets: a sheet scanned on both sides gives two pages, so the count is not derived.
  flags.push(flag('sheetCount', 'TT05_SHEETS_UNKNOWN', 'Số lượng tờ không suy ra được từ số trang ảnh quét (một tờ có thể có hai mặt); cần cán bộ đếm.'));
  flags.push(...backupFlags());
  const history = processingHistory(events);
  flags.push(...processingFlag(history));
  return {
    fields: {
      retentionKind: 'code' in r ? null : r.kind, retentionYears: 'code' in r ? null : r.years,
      accessLevel: typeof a === 'string' ? a : null, confidenceLevel, archiveCode: d.docCode, sheetCount: null,
      backupMode: null, backupStatus: null, processingHistory: history,
    },
    flags,
  };
}

/** The field names a flag can carry map to the edited fields; retention covers kind and years. */
export function resolveFlags(flags: Tt05Flag[], edited: Record<string, unknown>): Tt05Flag[] {
  const set = (k: string) => edited[k] !== undefined && edited[k] !== null;
  return flags.filter((f) => !(f.field === 'retention' ? set('retentionKind') : set(f.field)));
}

/** The file list (tệp tin) from stored masters, never typed by staff. */
export function fileList(masters: { originalName: string; format: string; sizeBytes: number; sha256: string }[]): StoredFile[] {
  return masters.map((m) => ({ name: m.originalName, format: m.format, size: Number(m.sizeBytes), sha256: m.sha256 }));
}
