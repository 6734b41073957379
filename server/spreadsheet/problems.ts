/**
 * The one problem type of every spreadsheet import, and the refusal built from a list of them.
 * Problems are located as the user sees the file (spreadsheet row, column name), so one pass fixes them all.
 */
import { ERRORS } from '../core/errors.js';

export interface ImportProblem {
  /** Spreadsheet row number, or null for whole-file problems. */
  row: number | null;
  /** The standard column name (or the header as written, for a column that is not on the form). */
  column: string | null;
  message: string;
}

/** The answer stays readable however broken the file is; the count says how many there were. */
export const MAX_PROBLEMS_SHOWN = 1000;

/** Row order, then the order of the form's columns; whole-file problems first. */
export function sortProblems(problems: ImportProblem[], columnOrder: readonly string[] = []): ImportProblem[] {
  const col = (p: ImportProblem) => {
    const i = columnOrder.indexOf(p.column ?? '');
    return i < 0 ? columnOrder.length : i;
  };
  return problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || col(a) - col(b));
}

/** The all-or-nothing refusal of an agency list, backlog or restoration file: nothing was saved. */
export function importInvalid(problems: ImportProblem[], columnOrder: readonly string[] = [], warnings: ImportProblem[] = []) {
  sortProblems(problems, columnOrder);
  return ERRORS.importInvalid(problems.length, {
    problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
    totalProblems: problems.length,
    ...(warnings.length ? { warnings: warnings.slice(0, MAX_PROBLEMS_SHOWN) } : {}),
  });
}
