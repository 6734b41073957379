/**
 * Matching a file's header row against the columns an import declares. People type headers by hand: any order,
 * NFC or NFD, with or without tone marks, any case and spacing, sometimes in a legacy font encoding; matching
 * goes through fold() and each column's aliases.
 */
import { ENCODING_NAMES, legacyHeaderCandidates } from './legacy-encoding.js';
import type { ImportProblem } from './problems.js';
import { fold } from './text.js';

export interface ColumnSpec {
  /** The header as printed on the standard form; problems name the column by it. */
  label: string;
  aliases?: readonly string[];
  required?: boolean;
  /** A required column may be left out when the file has this other column instead (the key of a combined column). */
  orColumn?: string;
}

export type Columns<K extends string> = Record<K, ColumnSpec>;

export interface ColumnRef {
  /** 0-based index into the row's cells. */
  index: number;
  /** The header exactly as written in the file. */
  header: string;
}

export interface ColumnMatch<K extends string> {
  columns: Map<K, ColumnRef>;
  problems: ImportProblem[];
  warnings: ImportProblem[];
}

export function matchColumns<K extends string>(
  spec: Columns<K>, headers: readonly string[], headerRow: number,
  opts: { warnUnknown?: boolean; namedBy?: 'label' | 'header' } = {},
): ColumnMatch<K> {
  const byAlias = new Map<string, K>();
  for (const [key, c] of Object.entries(spec) as [K, ColumnSpec][]) for (const name of [c.label, ...(c.aliases ?? [])]) byAlias.set(fold(name), key);
  const columns = new Map<K, ColumnRef>();
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  headers.forEach((raw, index) => {
    const header = String(raw ?? '').normalize('NFC').trim();
    if (header === '') return;
    let key = byAlias.get(fold(header));
    if (!key) {
      const legacy = legacyHeaderCandidates(header).find((c) => byAlias.has(fold(c.text)));
      if (legacy) {
        key = byAlias.get(fold(legacy.text))!;
        warnings.push({ row: headerRow, column: opts.namedBy === 'header' ? header : spec[key].label, message: `Tiêu đề cột "${header}" được gõ bằng bảng mã ${ENCODING_NAMES[legacy.encoding]}; đã đọc là "${legacy.text}".` });
      }
    }
    if (!key) {
      if (opts.warnUnknown) warnings.push({ row: headerRow, column: header, message: `Cột "${header}" không thuộc mẫu nên được bỏ qua.` });
      return;
    }
    const seen = columns.get(key);
    if (seen) {
      const column = opts.namedBy === 'header' ? header : spec[key].label;
      problems.push({ row: headerRow, column, message: `Cột "${header}" trùng với cột "${seen.header}": cột "${spec[key].label}" xuất hiện nhiều lần.` });
      return;
    }
    columns.set(key, { index, header });
  });
  for (const [key, c] of Object.entries(spec) as [K, ColumnSpec][]) {
    if (!c.required || columns.has(key)) continue;
    const alternative = c.orColumn ? spec[c.orColumn as K] : undefined;
    if (alternative && columns.has(c.orColumn as K)) continue;
    const or = alternative ? ` (hoặc cột "${alternative.label}" ghi cả khoảng thời gian, vd. 02/2021 - 12/2021)` : '';
    problems.push({ row: headerRow, column: c.label, message: `Thiếu cột bắt buộc "${c.label}"${or}.` });
  }
  return { columns, problems, warnings };
}
