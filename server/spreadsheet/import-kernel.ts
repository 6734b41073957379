/**
 * The one way a spreadsheet becomes records: read the table, match the declared columns, read every row through
 * one reader that records each problem by row and column (formulas, legacy encodings, lengths, parsers), and only
 * when the file has no problem at all, save everything in one transaction. Each import declares its columns, how a
 * row becomes a record, and how the records are saved.
 */
import type { Db, Queryable } from '../db/db.js';
import { viNumber } from '../core/numbers.js';
import { cellText, type Cell, type Parsed } from './cells.js';
import { matchColumns, type ColumnMatch, type Columns } from './columns.js';
import { ENCODING_NAMES, detectLegacy } from './legacy-encoding.js';
import { importInvalid, MAX_PROBLEMS_SHOWN, type ImportProblem } from './problems.js';
import { readTable, type Table } from './read-table.js';
import { fold, looksLikeFormula } from './text.js';

/** Reads the cells of one data row; every bad cell becomes a problem of this row and reads as null. */
export interface RowReader<K extends string> {
  readonly rowNumber: number;
  /** Whether the file has the column (an absent optional column keeps what is stored). */
  has(k: K): boolean;
  problem(k: K, message: string): void;
  /** Problems recorded for this row so far. */
  problemCount(): number;
  /** The cell, or undefined when the column is absent or the cell was refused (a formula; already reported). */
  cell(k: K): Cell | undefined;
  /** Trimmed text within a length, null when empty. */
  text(k: K, max: number): string | null;
  /** Like text, reporting an empty cell as missing. */
  requiredText(k: K, max: number): string | null;
  /** A cell read by a parser, null when empty. */
  value<T>(k: K, parse: (c: Cell) => Parsed<T>): T | null;
  /** Like value, reporting an empty cell as missing. */
  required<T>(k: K, parse: (c: Cell) => Parsed<T>): T | null;
  /** A text cell looked up in a word list (folded: no tone marks, any case); `hint` explains the accepted values. */
  word<V>(k: K, words: Record<string, V>, hint: (text: string) => string): V | null;
}

export interface SheetSpec<K extends string, T> {
  columns: Columns<K>;
  /** Columns that are not on the form: a warning naming them, or silently ignored. */
  warnUnknownColumns?: boolean;
  /** Runs of whitespace inside text cells become one space (lists of codes and names, not titles and notes). */
  collapseSpaces?: boolean;
  /** How problems name a column: the form's label (default), or the header as the file writes it. */
  problemColumn?: 'label' | 'header';
  /** Whole-file header rules beyond "required" (e.g. one of two columns). */
  headerRule?: (has: (k: K) => boolean) => { column: K; message: string } | null;
  /** The record of a row, or null when the row cannot become one (its problems already recorded). */
  row: (r: RowReader<K>) => T | null;
}

export interface SheetRow<T> {
  row: number;
  /** False when the row has problems; such rows are still returned so cross-row and database checks see them. */
  ok: boolean;
  record: T | null;
}

export interface ParsedSheet<K extends string, T> {
  rows: SheetRow<T>[];
  problems: ImportProblem[];
  warnings: ImportProblem[];
  match: ColumnMatch<K>;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

export function parseSheet<K extends string, T>(table: Table, spec: SheetSpec<K, T>): ParsedSheet<K, T> {
  const namedBy = spec.problemColumn ?? 'label';
  const match = matchColumns(spec.columns, table.headers, table.headerRowNumber, { warnUnknown: spec.warnUnknownColumns, namedBy });
  const label = (k: K) => (namedBy === 'header' ? match.columns.get(k)?.header : undefined) ?? spec.columns[k].label;
  const problems = [...match.problems];
  const warnings = [...match.warnings];
  const extra = spec.headerRule?.((k) => match.columns.has(k));
  if (extra) problems.push({ row: table.headerRowNumber, column: label(extra.column), message: extra.message });
  const result = { rows: [] as SheetRow<T>[], problems, warnings, match };
  if (problems.length) return result;

  const keyAt = new Map([...match.columns].map(([k, ref]) => [ref.index, k]));
  const columnName = (index: number) => {
    const k = keyAt.get(index);
    return k ? label(k) : table.headers[index]?.trim() || `Cột ${index + 1}`;
  };
  for (const f of table.formulaCells)
    problems.push({ row: f.rowNumber, column: columnName(f.column - 1), message: 'Ô chứa công thức bảng tính; hãy dán giá trị (Paste Values) thay cho công thức.' });
  for (const r of table.ragged ?? [])
    problems.push({ row: r.rowNumber, column: null, message: `Dòng có ${r.fields} ô trong khi dòng tiêu đề có ${table.headers.length} cột: kiểm tra dấu phân cách và dấu ngoặc kép trong dòng này.` });
  if (table.rows.length === 0) problems.push({ row: null, column: null, message: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.' });
  const formulaAt = new Set(table.formulaCells.map((f) => `${f.rowNumber}:${f.column - 1}`));

  for (const tableRow of table.rows) {
    const rowNumber = tableRow.rowNumber;
    const before = problems.length;
    const read = new Map<K, Cell | undefined>();
    const problem = (k: K, message: string) => problems.push({ row: rowNumber, column: label(k), message });
    const cell = (k: K): Cell | undefined => {
      if (read.has(k)) return read.get(k);
      const ref = match.columns.get(k);
      let c: Cell | undefined = ref && !formulaAt.has(`${rowNumber}:${ref.index}`) ? (tableRow.cells[ref.index] ?? null) : undefined;
      if (typeof c === 'string') {
        const legacy = detectLegacy(c);
        if (legacy) {
          warnings.push({ row: rowNumber, column: label(k), message: `Ô được gõ bằng bảng mã ${ENCODING_NAMES[legacy.encoding]}, đã chuyển sang Unicode: "${clip(c.trim())}" → "${clip(legacy.text.trim())}".` });
          c = legacy.text;
        }
        if (looksLikeFormula(c)) {
          problem(k, `Nội dung "${c.slice(0, 40)}" có dạng công thức bảng tính nên không được chấp nhận.`);
          c = undefined;
        }
      }
      read.set(k, c);
      return c;
    };
    const value = <V>(k: K, parse: (c: Cell) => Parsed<V>, need: boolean): V | null => {
      const c = cell(k);
      if (c === undefined) return null;
      if (cellText(c) === null) {
        if (need) problem(k, 'Bắt buộc nhập.');
        return null;
      }
      const r = parse(c);
      if (!r.ok) problem(k, r.message);
      return r.ok ? r.value : null;
    };
    const text = (max: number) => (c: Cell): Parsed<string> => {
      const s = cellText(c, spec.collapseSpaces)!;
      return s.length > max ? { ok: false, message: `Dài ${s.length} ký tự, tối đa ${max} ký tự.` } : { ok: true, value: s };
    };
    const reader: RowReader<K> = {
      rowNumber,
      has: (k) => match.columns.has(k),
      problem,
      problemCount: () => problems.length - before,
      cell,
      text: (k, max) => value(k, text(max), false),
      requiredText: (k, max) => value(k, text(max), true),
      value: (k, parse) => value(k, parse, false),
      required: (k, parse) => value(k, parse, true),
      word(k, words, hint) {
        const t = value(k, text(100), false);
        if (t === null) return null;
        const v = words[fold(t)];
        if (v === undefined) problem(k, hint(t));
        return v ?? null;
      },
    };
    const record = spec.row(reader);
    result.rows.push({ row: rowNumber, ok: problems.length === before && record !== null, record });
  }
  return result;
}

/** Rows whose key repeats an earlier row's key, with that first row. */
export function repeatedKeys<R>(rows: readonly R[], rowOf: (r: R) => number, keyOf: (r: R) => string | null): { item: R; firstRow: number }[] {
  const first = new Map<string, number>();
  const out: { item: R; firstRow: number }[] = [];
  for (const r of rows) {
    const key = keyOf(r);
    if (key === null) continue;
    const seen = first.get(key);
    if (seen !== undefined) out.push({ item: r, firstRow: seen });
    else first.set(key, rowOf(r));
  }
  return out;
}

/** SHA-256 of the uploaded bytes: the same file twice is recognised without reading it as a table. */

/** Import warnings beyond the first MAX_PROBLEMS_SHOWN are counted in one closing warning. */
export function capWarnings(warnings: ImportProblem[]): ImportProblem[] {
  if (warnings.length <= MAX_PROBLEMS_SHOWN) return warnings;
  return [...warnings.slice(0, MAX_PROBLEMS_SHOWN), { row: null, column: null, message: `Còn ${viNumber(warnings.length - MAX_PROBLEMS_SHOWN)} cảnh báo khác không hiển thị.` }];
}

export interface SheetImport<K extends string, T, C, R> extends SheetSpec<K, T> {
  /** Checks against the database (references, ownership) inside the transaction; pushes what is wrong to `problems`. */
  check: (tx: Queryable, rows: SheetRow<T>[], problems: ImportProblem[]) => Promise<C>;
  /** Writes what check approved, called only when the file has no problem; a problem pushed here rolls everything back. */
  write: (tx: Queryable, checked: C, problems: ImportProblem[]) => Promise<R>;
}

/** Thrown out of a preview's transaction so that everything it wrote rolls back; carries what it would have saved. */
class PreviewRollback<R> {
  constructor(readonly saved: R) {}
}

/**
 * Reads, checks and saves a file all-or-nothing in one transaction. The result carries the warnings (converted
 * legacy text, ignored columns) only when there are some, so a clean import answers exactly its counts.
 * A preview runs every check and every write, then rolls back: the counts and warnings are exactly what the real
 * import will answer for the same file, so the user confirms after seeing them and nothing is saved before.
 */
export async function importSheet<K extends string, T, C, R extends object>(
  db: Db, file: string, maxRows: number, spec: SheetImport<K, T, C, R>, opts: { preview?: boolean } = {},
): Promise<R & { warnings?: ImportProblem[]; preview?: true }> {
  const table = await readTable(file, { maxRows });
  const parsed = parseSheet(table, spec);
  const order = (Object.values(spec.columns) as { label: string }[]).map((c) => c.label);
  const problems = [...parsed.problems];
  let result: R;
  try {
    result = await db.transaction(async (tx) => {
      const checked = await spec.check(tx, parsed.rows, problems);
      if (problems.length) throw importInvalid(problems, order, parsed.warnings);
      const saved = await spec.write(tx, checked, problems);
      if (problems.length) throw importInvalid(problems, order, parsed.warnings);
      if (opts.preview) throw new PreviewRollback(saved);
      return saved;
    });
  } catch (err) {
    if (!(err instanceof PreviewRollback)) throw err;
    result = err.saved as R;
  }
  const marked = opts.preview ? { ...result, preview: true as const } : result;
  return parsed.warnings.length ? { ...marked, warnings: capWarnings(parsed.warnings) } : marked;
}
