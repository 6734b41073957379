import type { Problem } from '../types.js';
import { vi } from '../i18n/vi.js';

/** The row / column / message table shown when a spreadsheet is refused or imported with warnings. */
export function ProblemsTable(props: { problems: Problem[]; title: string; tone: 'error' | 'warn'; testId?: string }) {
  if (props.problems.length === 0) return null;
  return (
    <div className={`problems problems-${props.tone}`} data-testid={props.testId}>
      <p className="problems-title">{props.title}</p>
      <div className="table-wrap table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th className="num">{vi.wizard.row}</th>
              <th>{vi.wizard.column}</th>
              <th>{vi.wizard.message}</th>
            </tr>
          </thead>
          <tbody>
            {props.problems.map((p, i) => (
              <tr key={i}>
                <td className="num">{p.row ?? '—'}</td>
                <td>{p.column ?? '—'}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Problems from a 422 import error's details: {problems, warnings}. */
export function problemsOf(details: unknown): { problems: Problem[]; warnings: Problem[] } {
  const d = (details ?? {}) as { problems?: Problem[]; warnings?: Problem[] };
  return { problems: Array.isArray(d.problems) ? d.problems : [], warnings: Array.isArray(d.warnings) ? d.warnings : [] };
}
