/**
 * Turns the provincial source-agency list (a read Table) into typed rows, collecting every problem at once
 * so the user fixes the file in one pass. No I/O: references to other agencies are resolved by the service.
 */
import type { Cell, Table } from '../spreadsheet/read-table.js';
import { fold, looksLikeFormula } from '../spreadsheet/text.js';
import type { AgencyLevel, AgencyStatus } from './agency.repository.js';
import { LEVEL_WORDS, STATUS_WORDS } from './agency-rules.js';

export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

export const COLUMNS = {
  code: { label: 'Mã cơ quan', required: true, max: 50 },
  name: { label: 'Tên cơ quan', required: true, max: 500 },
  level: { label: 'Cấp', required: true, max: 50 },
  parent: { label: 'Cơ quan cấp trên', required: false, max: 50 },
  status: { label: 'Trạng thái', required: false, max: 50 },
  successor: { label: 'Cơ quan kế thừa', required: false, max: 50 },
  decision: { label: 'Quyết định', required: false, max: 500 },
  fonds: { label: 'Mã phông', required: false, max: 50 },
} as const;

export type ColumnKey = keyof typeof COLUMNS;

/**
 * One file row. An optional field is undefined when its column is absent (keep what is stored), null when the cell is empty.
 * Rows with problems are kept (ok: false, unreadable cells null) so their references are still checked and reported.
 */
export interface AgencyRow {
  row: number;
  ok: boolean;
  code: string | null;
  name: string | null;
  level: AgencyLevel | null;
  parentCode?: string | null;
  /** null: the word was not understood (already reported). */
  status?: AgencyStatus | null;
  successorCode?: string | null;
  listingDecision?: string | null;
  fondsCode?: string | null;
}

function cellText(c: Cell | undefined): string | null {
  if (c === null || c === undefined) return null;
  const s = c instanceof Date ? c.toISOString().slice(0, 10) : String(c);
  const t = s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

function mapHeaders(table: Table, problems: ImportProblem[]): Partial<Record<ColumnKey, number>> {
  const byFolded = new Map(Object.entries(COLUMNS).map(([k, c]) => [fold(c.label), k as ColumnKey]));
  const index: Partial<Record<ColumnKey, number>> = {};
  table.headers.forEach((h, i) => {
    const key = byFolded.get(fold(h));
    if (!key) return; // extra columns (STT, ghi chú…) are allowed and ignored
    if (index[key] !== undefined) {
      problems.push({ row: table.headerRowNumber, column: COLUMNS[key].label, message: `Cột "${COLUMNS[key].label}" xuất hiện nhiều lần.` });
      return;
    }
    index[key] = i;
  });
  for (const [key, c] of Object.entries(COLUMNS)) {
    if (c.required && index[key as ColumnKey] === undefined)
      problems.push({ row: table.headerRowNumber, column: c.label, message: `Thiếu cột bắt buộc "${c.label}".` });
  }
  return index;
}

export function parseAgencyTable(table: Table): { rows: AgencyRow[]; codesInFile: Set<string>; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const index = mapHeaders(table, problems);
  if (problems.length) return { rows: [], codesInFile: new Set(), problems };

  const columnLabel = (col1: number) => {
    const key = (Object.keys(index) as ColumnKey[]).find((k) => index[k] === col1 - 1);
    return key ? COLUMNS[key].label : (table.headers[col1 - 1] || `Cột ${col1}`);
  };
  for (const f of table.formulaCells)
    problems.push({ row: f.rowNumber, column: columnLabel(f.column), message: 'Ô chứa công thức; hãy nhập giá trị cụ thể thay cho công thức.' });
  const formulaAt = new Set(table.formulaCells.map((f) => `${f.rowNumber}:${f.column - 1}`));

  if (table.rows.length === 0) problems.push({ row: null, column: null, message: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.' });
  const rows: AgencyRow[] = [];
  const codesInFile = new Set<string>();
  const firstRowOfCode = new Map<string, number>();

  for (const r of table.rows) {
    const rowProblems: ImportProblem[] = [];
    const get = (key: ColumnKey): string | null | undefined => {
      const i = index[key];
      if (i === undefined) return undefined;
      if (formulaAt.has(`${r.rowNumber}:${i}`)) return null; // already reported
      const v = cellText(r.cells[i]);
      const label = COLUMNS[key].label;
      if (v !== null && looksLikeFormula(v)) {
        rowProblems.push({ row: r.rowNumber, column: label, message: 'Giá trị trông như công thức bảng tính (bắt đầu bằng "=", "+", "-" hoặc "@"); không được chấp nhận.' });
        return null;
      }
      if (v !== null && v.length > COLUMNS[key].max) {
        rowProblems.push({ row: r.rowNumber, column: label, message: `Dài quá ${COLUMNS[key].max} ký tự.` });
        return null;
      }
      return v;
    };
    const required = (key: ColumnKey): string | null => {
      const v = get(key);
      if (v == null && !rowProblems.some((p) => p.column === COLUMNS[key].label) && !formulaAt.has(`${r.rowNumber}:${index[key]}`))
        rowProblems.push({ row: r.rowNumber, column: COLUMNS[key].label, message: `Thiếu "${COLUMNS[key].label}".` });
      return v ?? null;
    };

    const code = required('code');
    const name = required('name');
    const levelText = required('level');
    const level = levelText === null ? undefined : LEVEL_WORDS[fold(levelText)];
    if (levelText !== null && !level)
      rowProblems.push({ row: r.rowNumber, column: COLUMNS.level.label, message: `Cấp "${levelText}" không hợp lệ; dùng: tỉnh, huyện hoặc xã.` });
    const statusText = get('status');
    let status: AgencyStatus | null | undefined;
    if (statusText !== undefined) {
      status = statusText === null ? 'active' : (STATUS_WORDS[fold(statusText)] ?? null);
      if (!status)
        rowProblems.push({ row: r.rowNumber, column: COLUMNS.status.label, message: `Trạng thái "${statusText}" không hợp lệ; dùng: đang hoạt động, sáp nhập hoặc giải thể.` });
    }

    if (code !== null) {
      const first = firstRowOfCode.get(code);
      if (first !== undefined)
        rowProblems.push({ row: r.rowNumber, column: COLUMNS.code.label, message: `Mã cơ quan "${code}" trùng với dòng ${first}.` });
      else firstRowOfCode.set(code, r.rowNumber);
      codesInFile.add(code);
    }
    const parsed = {
      parentCode: get('parent'), successorCode: get('successor'), listingDecision: get('decision'), fondsCode: get('fonds'),
    };
    problems.push(...rowProblems);
    rows.push({ row: r.rowNumber, ok: rowProblems.length === 0, code, name, level: level ?? null, status, ...parsed });
  }
  return { rows, codesInFile, problems };
}
