/**
 * Rules that need the whole file: Số TT numbering 1..n without gaps or repeats, repeated file numbers,
 * and boxes against the number the handover declared.
 */
import { repeatedKeys } from '../../spreadsheet/import-kernel.js';
import type { Problem } from './types.js';

/** What the cross-row checks need from each row, even from rows that failed their own checks. */
export interface RowKeys {
  sourceRow: number;
  rowNo: number | null;
  fileNotation: string | null;
  boxNo: string | null;
}

const range = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);

export function numberingProblems(keys: RowKeys[], column: string): Problem[] {
  const problems: Problem[] = repeatedKeys(keys, (k) => k.sourceRow, (k) => (k.rowNo === null ? null : String(k.rowNo))).map(({ item, firstRow }) => ({
    row: item.sourceRow, column, message: `Số TT ${item.rowNo} bị trùng với dòng ${firstRow}.`,
  }));
  const firstRow = new Map<number, number>();
  for (const k of keys) if (k.rowNo !== null && !firstRow.has(k.rowNo)) firstRow.set(k.rowNo, k.sourceRow);
  // Walk the distinct numbers in order, so a typo like 100000 costs nothing.
  const numbers = [...firstRow.keys()].sort((a, b) => a - b);
  let expected = 1;
  for (const n of numbers) {
    if (n > expected) {
      problems.push({
        row: firstRow.get(n)!,
        column,
        message: `Thiếu Số TT ${range(expected, n - 1)} trước số ${n}: số thứ tự phải liên tục từ 1.`,
      });
    }
    expected = n + 1;
  }
  return problems;
}

export function duplicateNotationProblems(keys: RowKeys[], column: string): Problem[] {
  return repeatedKeys(keys, (k) => k.sourceRow, (k) => k.fileNotation?.toUpperCase() ?? null).map(({ item, firstRow }) => ({
    row: item.sourceRow, column, message: `Số và ký hiệu hồ sơ "${item.fileNotation}" trùng với dòng ${firstRow}.`,
  }));
}

/** Boxes must be numbered within 1..declared; a declared box without files is only a warning. */
export function boxChecks(keys: RowKeys[], column: string, declaredBoxes: number | null): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  if (!declaredBoxes) return { problems, warnings };
  const used = new Set<number>();
  for (const k of keys) {
    if (k.boxNo === null) continue;
    const n = /^\d+$/.test(k.boxNo) ? Number(k.boxNo) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > declaredBoxes) {
      problems.push({ row: k.sourceRow, column, message: `Hộp số "${k.boxNo}" ngoài phạm vi 1–${declaredBoxes} (số hộp đã khai báo).` });
    } else used.add(n);
  }
  let runStart: number | null = null;
  for (let b = 1; b <= declaredBoxes + 1; b++) {
    const empty = b <= declaredBoxes && !used.has(b);
    if (empty && runStart === null) runStart = b;
    if (!empty && runStart !== null) {
      warnings.push({ row: null, column, message: `Hộp số ${range(runStart, b - 1)} đã khai báo nhưng không có hồ sơ nào trong mục lục.` });
      runStart = null;
    }
  }
  return { problems, warnings };
}
