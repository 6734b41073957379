/**
 * The provincial source-agency list as the import kernel reads it: its columns and how one row becomes an agency.
 * No I/O: references to other agencies are resolved by the service.
 */
import type { Table } from '../spreadsheet/read-table.js';
import { parseSheet, repeatedKeys, type SheetRow, type SheetSpec } from '../spreadsheet/import-kernel.js';
import type { ImportProblem } from '../spreadsheet/problems.js';
import { fold } from '../spreadsheet/text.js';
import type { AgencyLevel, AgencyStatus } from './agency.repository.js';
import { LEVEL_WORDS, STATUS_WORDS } from './agency-rules.js';

export type { ImportProblem };

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

type Fields = Omit<AgencyRow, 'row' | 'ok'>;

export const AGENCY_SHEET: SheetSpec<ColumnKey, Fields> = {
  columns: COLUMNS,
  collapseSpaces: true,
  row(r) {
    const optional = (k: ColumnKey) => (r.has(k) ? r.text(k, COLUMNS[k].max) : undefined);
    const code = r.requiredText('code', COLUMNS.code.max);
    const name = r.requiredText('name', COLUMNS.name.max);
    const levelText = r.requiredText('level', COLUMNS.level.max);
    const level = levelText === null ? undefined : LEVEL_WORDS[fold(levelText)];
    if (levelText !== null && !level) r.problem('level', `Cấp "${levelText}" không hợp lệ; dùng: tỉnh, huyện hoặc xã.`);
    const statusText = optional('status');
    let status: AgencyStatus | null | undefined;
    if (statusText !== undefined) {
      status = statusText === null ? 'active' : (STATUS_WORDS[fold(statusText)] ?? null);
      if (!status) r.problem('status', `Trạng thái "${statusText}" không hợp lệ; dùng: đang hoạt động, sáp nhập hoặc giải thể.`);
    }
    return {
      code, name, level: level ?? null, status,
      parentCode: optional('parent'), successorCode: optional('successor'), listingDecision: optional('decision'), fondsCode: optional('fonds'),
    };
  },
};

/** The rows of a read sheet, with codes repeated within the file reported on the later row. */
export function agencyRows(sheetRows: SheetRow<Fields>[]): { rows: AgencyRow[]; codesInFile: Set<string>; problems: ImportProblem[] } {
  const rows: AgencyRow[] = sheetRows.map((s) => ({ row: s.row, ok: s.ok, ...s.record! }));
  const problems: ImportProblem[] = [];
  for (const { item, firstRow } of repeatedKeys(rows, (r) => r.row, (r) => r.code)) {
    problems.push({ row: item.row, column: COLUMNS.code.label, message: `Mã cơ quan "${item.code}" trùng với dòng ${firstRow}.` });
    item.ok = false;
  }
  const codesInFile = new Set(rows.flatMap((r) => (r.code === null ? [] : [r.code])));
  return { rows, codesInFile, problems };
}

export function parseAgencyTable(table: Table): { rows: AgencyRow[]; codesInFile: Set<string>; problems: ImportProblem[] } {
  const sheet = parseSheet(table, AGENCY_SHEET);
  const found = agencyRows(sheet.rows);
  return { ...found, problems: [...sheet.problems, ...found.problems] };
}
