/**
 * What the backlog and the restoration imports share: header matching (aliases, with or without tone marks), formula
 * refusal, per-cell readers that record every problem with its row and column, agency/fonds codes resolved in the
 * database, all-or-nothing (422 listing every problem), and re-import updating the item with the same agency and key.
 * Each import only says which columns it has and how one row becomes an item.
 */
import type { Deps } from '../deps.js';
import { ERRORS } from '../errors.js';
import type { Queryable } from '../db/db.js';
import type { Actor, UploadedFile } from '../http/route.js';
import { recordEvent } from '../audit/audit.repository.js';
import { readTable, type Cell, type Table } from '../spreadsheet/read-table.js';
import { fold, looksLikeFormula } from '../spreadsheet/text.js';

export interface ImportProblem { row: number | null; column: string | null; message: string }
export interface ColumnDef { label: string; aliases: readonly string[]; required: boolean }
/** Every item import names its owner by agency code and optional fonds code. */
type OwnerKey = 'agency' | 'fonds';

/** Reads one data row; every bad cell becomes a problem and reads as null. */
export interface RowReader<K extends string> {
  problem(k: K, message: string): void;
  /** Problems recorded for this row so far. */
  problemCount(): number;
  str(k: K, max: number): string | null;
  num(k: K, check: (n: number) => boolean, message: string): number | null;
  date(k: K): string | null;
  /** A text cell looked up in a word list (folded: no tone marks, any case); `hint` explains the accepted values. */
  word<V>(k: K, words: Record<string, V>, hint: (text: string) => string): V | null;
}

export interface ItemImport<K extends string, T> {
  columns: Record<K | OwnerKey, ColumnDef>;
  /** Whole-file header rules beyond "required" (e.g. one of two columns). */
  headerProblem?: (has: (k: K) => boolean) => { column: K; message: string } | null;
  /** The column that, with the agency, identifies an item across imports (label, reference). */
  keyColumn: K;
  duplicateMessage: (firstRow: number) => string;
  /** The item and its key text, or null when the row cannot become one (problems already recorded). */
  parseRow: (r: RowReader<K>) => { key: string; item: T } | null;
  /** Existing items as agency id + key text, for updating instead of duplicating. */
  existing: (tx: Queryable) => Promise<{ id: number; agencyId: number; key: string }[]>;
  insert: (tx: Queryable, v: T & { agencyId: number; fondsId: number | null }) => Promise<unknown>;
  update: (tx: Queryable, id: number, v: T & { agencyId: number; fondsId: number | null }) => Promise<unknown>;
  audit: { entityType: string; action: string };
}

interface ParsedRow<T> { row: number; agencyCode: string; fondsCode: string | null; key: string; item: T }

function cellText(c: Cell | undefined): string | null {
  if (c === null || c === undefined) return null;
  const s = c instanceof Date ? c.toISOString().slice(0, 10) : String(c);
  const t = s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

function parseNumber(c: Cell | undefined): number | null | 'bad' {
  if (c === null || c === undefined || (typeof c === 'string' && c.trim() === '')) return null;
  if (typeof c === 'number') return c;
  const t = String(c).trim().replace(/\s*(m|trang)$/i, '').replace(',', '.');
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

export function parseItemTable<K extends string, T>(spec: ItemImport<K, T>, table: Table): { rows: ParsedRow<T>[]; problems: ImportProblem[] } {
  type Col = K | OwnerKey;
  const columns = spec.columns;
  const problems: ImportProblem[] = [];
  const byFolded = new Map<string, Col>();
  for (const [k, c] of Object.entries(columns) as [Col, ColumnDef][]) for (const name of [c.label, ...c.aliases]) byFolded.set(fold(name), k);
  const index: Partial<Record<Col, number>> = {};
  table.headers.forEach((h, i) => {
    const k = byFolded.get(fold(h ?? ''));
    if (!k) return;
    if (index[k] !== undefined) problems.push({ row: table.headerRowNumber, column: columns[k].label, message: `Cột "${columns[k].label}" xuất hiện nhiều lần.` });
    else index[k] = i;
  });
  for (const [k, c] of Object.entries(columns) as [Col, ColumnDef][])
    if (c.required && index[k] === undefined) problems.push({ row: table.headerRowNumber, column: c.label, message: `Thiếu cột bắt buộc "${c.label}".` });
  const extra = spec.headerProblem?.((k) => index[k] !== undefined);
  if (extra) problems.push({ row: table.headerRowNumber, column: columns[extra.column].label, message: extra.message });
  if (problems.length) return { rows: [], problems };
  const formulaAt = new Set(table.formulaCells.map((f) => `${f.rowNumber}:${f.column - 1}`));
  for (const f of table.formulaCells) problems.push({ row: f.rowNumber, column: table.headers[f.column - 1] ?? null, message: 'Ô chứa công thức; hãy nhập giá trị cụ thể.' });
  if (!table.rows.length) problems.push({ row: null, column: null, message: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.' });

  const rows: ParsedRow<T>[] = [];
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    const before = problems.length;
    const p = (k: Col, message: string) => problems.push({ row: r.rowNumber, column: columns[k].label, message });
    const raw = (k: Col) => (index[k] === undefined || formulaAt.has(`${r.rowNumber}:${index[k]}`) ? undefined : r.cells[index[k]!]);
    const str = (k: Col, max: number) => {
      const v = cellText(raw(k));
      if (v !== null && looksLikeFormula(v)) { p(k, 'Giá trị trông như công thức bảng tính; không được chấp nhận.'); return null; }
      if (v !== null && v.length > max) { p(k, `Dài quá ${max} ký tự.`); return null; }
      return v;
    };
    const reader: RowReader<K> = {
      problem: p,
      problemCount: () => problems.length - before,
      str,
      num(k, check, message) {
        const v = parseNumber(raw(k));
        if (v === 'bad' || (v !== null && !check(v))) { p(k, message); return null; }
        return v;
      },
      date(k) {
        const v = parseDate(raw(k));
        if (v === 'bad') { p(k, 'Ngày không hợp lệ; dùng dd/mm/yyyy.'); return null; }
        return v;
      },
      word(k, words, hint) {
        const t = str(k, 100);
        if (t === null) return null;
        const v = words[fold(t)];
        if (v === undefined) p(k, hint(t));
        return v ?? null;
      },
    };
    const agencyCode = str('agency', 50);
    if (agencyCode === null) p('agency', 'Thiếu "Mã cơ quan".');
    const parsed = spec.parseRow(reader);
    const fondsCode = str('fonds', 50);
    if (agencyCode !== null && parsed) {
      const key = `${agencyCode}\u0000${parsed.key}`;
      const first = seen.get(key);
      if (first !== undefined) p(spec.keyColumn, spec.duplicateMessage(first));
      else seen.set(key, r.rowNumber);
    }
    if (problems.length > before || agencyCode === null || !parsed) continue;
    rows.push({ row: r.rowNumber, agencyCode, fondsCode, key: parsed.key, item: parsed.item });
  }
  return { rows, problems };
}

export async function importItems<K extends string, T>(spec: ItemImport<K, T>, deps: Deps, actor: Actor, file: UploadedFile) {
  const table = await readTable(file.path, { maxRows: deps.config.MAX_IMPORT_ROWS });
  const { rows, problems } = parseItemTable(spec, table);
  const { agency, fonds: fondsCol } = spec.columns;
  return deps.db.transaction(async (tx) => {
    const agencies = new Map((await tx.query<{ id: number; code: string }>(`SELECT id, code FROM source_agencies`)).map((a) => [a.code, a.id]));
    const fonds = new Map((await tx.query<{ id: number; code: string; agencyId: number | null }>(`SELECT id, code, agency_id AS "agencyId" FROM fonds`)).map((f) => [f.code, f]));
    const resolved: (ParsedRow<T> & { agencyId: number; fondsId: number | null })[] = [];
    for (const r of rows) {
      const agencyId = agencies.get(r.agencyCode);
      if (agencyId === undefined) { problems.push({ row: r.row, column: agency.label, message: `Mã cơ quan "${r.agencyCode}" chưa có trong danh mục nguồn nộp lưu.` }); continue; }
      const f = r.fondsCode === null ? null : fonds.get(r.fondsCode);
      if (f === undefined) { problems.push({ row: r.row, column: fondsCol.label, message: `Mã phông "${r.fondsCode}" chưa có.` }); continue; }
      if (f && f.agencyId !== null && f.agencyId !== agencyId) { problems.push({ row: r.row, column: fondsCol.label, message: `Phông "${r.fondsCode}" thuộc cơ quan khác.` }); continue; }
      resolved.push({ ...r, agencyId, fondsId: f?.id ?? null });
    }
    if (problems.length) {
      problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
      throw ERRORS.unprocessable('IMPORT_INVALID', `Tệp có ${problems.length} lỗi nên chưa nhập dòng nào. Hãy sửa các lỗi được liệt kê rồi tải lên lại.`,
        { problems: problems.slice(0, 1000), totalProblems: problems.length });
    }
    const byKey = new Map((await spec.existing(tx)).map((e) => [`${e.agencyId}\u0000${e.key}`, e.id]));
    let created = 0;
    let updated = 0;
    for (const r of resolved) {
      const v = { ...r.item, agencyId: r.agencyId, fondsId: r.fondsId };
      const id = byKey.get(`${r.agencyId}\u0000${r.key}`);
      if (id) { await spec.update(tx, id, v); updated++; }
      else { await spec.insert(tx, v); created++; }
    }
    await recordEvent(tx, actor, { entityType: spec.audit.entityType, entityId: 'import', action: spec.audit.action, data: { filename: file.originalName, created, updated } });
    return { created, updated };
  });
}
