import type { Problem } from '../types.js';
import { vi } from '../i18n/vi.js';
import { DataTable, type Column } from './DataTable.js';

const COLUMNS: Column<Problem>[] = [
  { header: vi.wizard.row, cell: (p) => p.row ?? '—', align: 'right' },
  { header: vi.wizard.column, cell: (p) => p.column ?? '—' },
  { header: vi.wizard.message, cell: (p) => p.message },
];

/** The row / column / message table shown when a spreadsheet is refused or imported with warnings. */
export function ProblemsTable(props: { problems: Problem[]; title: string; tone: 'error' | 'warn'; testId?: string }) {
  if (props.problems.length === 0) return null;
  return (
    <div className={`problems problems-${props.tone}`} data-testid={props.testId}>
      <p className="problems-title">{props.title}</p>
      <DataTable columns={COLUMNS} rows={props.problems} rowKey={(_, i) => i} frame="scroll" />
    </div>
  );
}

/** Problems from a 422 import error's details: {problems, warnings}. */
export function problemsOf(details: unknown): { problems: Problem[]; warnings: Problem[] } {
  const d = (details ?? {}) as { problems?: Problem[]; warnings?: Problem[] };
  return { problems: Array.isArray(d.problems) ? d.problems : [], warnings: Array.isArray(d.warnings) ? d.warnings : [] };
}
