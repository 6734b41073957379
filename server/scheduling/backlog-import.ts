/**
 * Backlog import from XLSX/CSV: all-or-nothing, every problem reported at once with its row and column
 * (like the agency import). A row whose agency and label already exist updates that item, so re-importing
 * the same survey is idempotent.
 */
import type { Deps } from '../deps.js';
import { ERRORS } from '../errors.js';
import type { Actor, UploadedFile } from '../http/route.js';
import { recordEvent } from '../audit/audit.repository.js';
import { readTable, type Cell, type Table } from '../spreadsheet/read-table.js';
import { fold, looksLikeFormula } from '../spreadsheet/text.js';
import * as repo from './backlog.repository.js';
import type { CreateBacklog } from './scheduling.schemas.js';

export interface ImportProblem { row: number | null; column: string | null; message: string }

export const BACKLOG_COLUMNS = {
  agency: { label: 'Mã cơ quan', aliases: [] as string[], required: true },
  fonds: { label: 'Mã phông', aliases: [], required: false },
  label: { label: 'Khối tài liệu', aliases: ['Tên khối tài liệu', 'Tên', 'Nội dung'], required: true },
  measured: { label: 'Số mét đo được', aliases: ['Mét đo được', 'Số mét đo'], required: false },
  estimated: { label: 'Số mét ước tính', aliases: ['Mét ước tính', 'Ước tính (m)'], required: false },
  startYear: { label: 'Năm bắt đầu', aliases: ['Từ năm'], required: false },
  endYear: { label: 'Năm kết thúc', aliases: ['Đến năm'], required: false },
  condition: { label: 'Tình trạng vật lý', aliases: ['Tình trạng'], required: false },
  coef: { label: 'Hệ số phức tạp', aliases: ['Hệ số'], required: false },
  priority: { label: 'Ưu tiên', aliases: ['Mức ưu tiên'], required: false },
  due: { label: 'Hạn hoàn thành', aliases: ['Hạn'], required: false },
  notes: { label: 'Ghi chú', aliases: [], required: false },
} as const;
type Key = keyof typeof BACKLOG_COLUMNS;

/** DOMAIN.md §4.4 physical-state codes, by code or by the words people write. */
const CONDITION_WORDS: Record<string, string> = {
  'binh thuong': '01', 'moc nhe': '02', 'muc nhe': '02', 'muc hoac dinh nhe': '03', 'muc': '03', 'dinh nhe': '03',
  'dong cuc va bo': '04', 'dong cuc': '04', 'bo': '04', 'o vang': '05', 'vang': '05', 'rach': '06',
};

function cellText(c: Cell | undefined): string | null {
  if (c === null || c === undefined) return null;
  const s = c instanceof Date ? c.toISOString().slice(0, 10) : String(c);
  const t = s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

function parseNumber(c: Cell | undefined): number | null | 'bad' {
  if (c === null || c === undefined || (typeof c === 'string' && c.trim() === '')) return null;
  if (typeof c === 'number') return c;
  const t = String(c).trim().replace(/\s*m$/i, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : 'bad';
}

function parseDate(c: Cell | undefined): string | null | 'bad' {
  if (c === null || c === undefined || c === '') return null;
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  const t = String(c).trim();
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t) ?? null;
  const iso = m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : null;
  if (!iso) return 'bad';
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : 'bad';
}

interface ParsedRow { row: number; agencyCode: string; fondsCode: string | null; item: Omit<CreateBacklog, 'agencyId' | 'fondsId'> }

export function parseBacklogTable(table: Table): { rows: ParsedRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const byFolded = new Map<string, Key>();
  for (const [k, c] of Object.entries(BACKLOG_COLUMNS)) for (const name of [c.label, ...c.aliases]) byFolded.set(fold(name), k as Key);
  const index: Partial<Record<Key, number>> = {};
  table.headers.forEach((h, i) => {
    const k = byFolded.get(fold(h ?? ''));
    if (!k) return;
    if (index[k] !== undefined) problems.push({ row: table.headerRowNumber, column: BACKLOG_COLUMNS[k].label, message: `Cột "${BACKLOG_COLUMNS[k].label}" xuất hiện nhiều lần.` });
    else index[k] = i;
  });
  for (const [k, c] of Object.entries(BACKLOG_COLUMNS))
    if (c.required && index[k as Key] === undefined) problems.push({ row: table.headerRowNumber, column: c.label, message: `Thiếu cột bắt buộc "${c.label}".` });
  if (index.measured === undefined && index.estimated === undefined)
    problems.push({ row: table.headerRowNumber, column: BACKLOG_COLUMNS.measured.label, message: 'Cần cột "Số mét đo được" hoặc "Số mét ước tính".' });
  if (problems.length) return { rows: [], problems };
  const formulaAt = new Set(table.formulaCells.map((f) => `${f.rowNumber}:${f.column - 1}`));
  for (const f of table.formulaCells) problems.push({ row: f.rowNumber, column: table.headers[f.column - 1] ?? null, message: 'Ô chứa công thức; hãy nhập giá trị cụ thể.' });
  if (!table.rows.length) problems.push({ row: null, column: null, message: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.' });

  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    const before = problems.length;
    const p = (k: Key, message: string) => problems.push({ row: r.rowNumber, column: BACKLOG_COLUMNS[k].label, message });
    const raw = (k: Key) => (index[k] === undefined || formulaAt.has(`${r.rowNumber}:${index[k]}`) ? undefined : r.cells[index[k]!]);
    const str = (k: Key, max: number) => {
      const v = cellText(raw(k));
      if (v !== null && looksLikeFormula(v)) { p(k, 'Giá trị trông như công thức bảng tính; không được chấp nhận.'); return null; }
      if (v !== null && v.length > max) { p(k, `Dài quá ${max} ký tự.`); return null; }
      return v;
    };
    const num = (k: Key, check: (n: number) => boolean, message: string) => {
      const v = parseNumber(raw(k));
      if (v === 'bad' || (v !== null && !check(v))) { p(k, message); return null; }
      return v;
    };
    const agencyCode = str('agency', 50);
    if (agencyCode === null && index.agency !== undefined) p('agency', 'Thiếu "Mã cơ quan".');
    const label = str('label', 300);
    if (label === null) p('label', 'Thiếu "Khối tài liệu".');
    const measured = num('measured', (n) => n > 0 && n <= 100_000, 'Số mét phải là số dương (vd. 12,5).');
    const estimated = num('estimated', (n) => n > 0 && n <= 100_000, 'Số mét phải là số dương (vd. 12,5).');
    if (measured === null && estimated === null && problems.length === before) p('measured', 'Cần số mét đo được hoặc số mét ước tính.');
    const yearOk = (n: number) => Number.isInteger(n) && n >= 1800 && n <= 2100;
    const startYear = num('startYear', yearOk, 'Năm phải từ 1800 đến 2100.');
    const endYear = num('endYear', yearOk, 'Năm phải từ 1800 đến 2100.');
    if (startYear !== null && endYear !== null && startYear > endYear) p('endYear', 'Năm kết thúc trước năm bắt đầu.');
    const condText = str('condition', 50);
    let conditionCode: string | null = null;
    if (condText !== null) {
      const c = /^0?[1-6]$/.test(condText) ? condText.padStart(2, '0') : CONDITION_WORDS[fold(condText)];
      if (!c) p('condition', `Tình trạng "${condText}" không hợp lệ; dùng mã 01–06 (01 bình thường, 02 mốc nhẹ, 03 mục hoặc dính nhẹ, 04 đóng cục và bở, 05 ố vàng, 06 rách).`);
      conditionCode = c ?? null;
    }
    const coef = num('coef', (n) => n > 0 && n <= 5, 'Hệ số phải lớn hơn 0 và không quá 5.');
    const priority = num('priority', (n) => Number.isInteger(n) && n >= 0 && n <= 9, 'Ưu tiên là số nguyên 0–9.');
    const due = parseDate(raw('due'));
    if (due === 'bad') p('due', 'Ngày không hợp lệ; dùng dd/mm/yyyy.');
    const notes = str('notes', 2000);
    const fondsCode = str('fonds', 50);
    if (agencyCode !== null && label !== null) {
      const key = `${agencyCode}\u0000${label}`;
      const first = seen.get(key);
      if (first !== undefined) p('label', `Khối tài liệu trùng với dòng ${first} của cùng cơ quan.`);
      else seen.set(key, r.rowNumber);
    }
    if (problems.length > before || agencyCode === null || label === null) continue;
    rows.push({
      row: r.rowNumber, agencyCode, fondsCode,
      item: { label, measuredMetres: measured, estimatedMetres: estimated, startYear, endYear, conditionCode: conditionCode as CreateBacklog['conditionCode'],
        ...(coef !== null ? { complexityCoef: coef } : {}), ...(priority !== null ? { priority } : {}), dueDate: due as string | null, notes },
    });
  }
  return { rows, problems };
}

export async function importBacklog(deps: Deps, actor: Actor, file: UploadedFile) {
  const table = await readTable(file.path, { maxRows: deps.config.MAX_IMPORT_ROWS });
  const { rows, problems } = parseBacklogTable(table);
  return deps.db.transaction(async (tx) => {
    const agencies = new Map((await tx.query<{ id: number; code: string }>(`SELECT id, code FROM source_agencies`)).map((a) => [a.code, a.id]));
    const fonds = new Map((await tx.query<{ id: number; code: string; agencyId: number | null }>(`SELECT id, code, agency_id AS "agencyId" FROM fonds`)).map((f) => [f.code, f]));
    const resolved: (ParsedRow & { agencyId: number; fondsId: number | null })[] = [];
    for (const r of rows) {
      const agencyId = agencies.get(r.agencyCode);
      if (agencyId === undefined) { problems.push({ row: r.row, column: BACKLOG_COLUMNS.agency.label, message: `Mã cơ quan "${r.agencyCode}" chưa có trong danh mục nguồn nộp lưu.` }); continue; }
      const f = r.fondsCode === null ? null : fonds.get(r.fondsCode);
      if (f === undefined) { problems.push({ row: r.row, column: BACKLOG_COLUMNS.fonds.label, message: `Mã phông "${r.fondsCode}" chưa có.` }); continue; }
      if (f && f.agencyId !== null && f.agencyId !== agencyId) { problems.push({ row: r.row, column: BACKLOG_COLUMNS.fonds.label, message: `Phông "${r.fondsCode}" thuộc cơ quan khác.` }); continue; }
      resolved.push({ ...r, agencyId, fondsId: f?.id ?? null });
    }
    if (problems.length) {
      problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      throw ERRORS.unprocessable('IMPORT_INVALID', `Tệp có ${problems.length} lỗi nên chưa nhập dòng nào. Hãy sửa các lỗi được liệt kê rồi tải lên lại.`,
        { problems: problems.slice(0, 1000), totalProblems: problems.length });
    }
    const existing = await tx.query<{ id: number; agencyId: number; label: string }>(`SELECT id, agency_id AS "agencyId", label FROM backlog_items`);
    const byKey = new Map(existing.map((e) => [`${e.agencyId}\u0000${e.label}`, e.id]));
    let created = 0;
    let updated = 0;
    for (const r of resolved) {
      const v: CreateBacklog = { ...r.item, agencyId: r.agencyId, fondsId: r.fondsId };
      const id = byKey.get(`${r.agencyId}\u0000${r.item.label}`);
      if (id) { await repo.updateBacklog(tx, id, v); updated++; }
      else { await repo.insertBacklog(tx, v); created++; }
    }
    await recordEvent(tx, actor, { entityType: 'backlog', entityId: 'import', action: 'backlog.imported', data: { filename: file.originalName, created, updated } });
    return { created, updated };
  });
}
