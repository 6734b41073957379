import type { Key, ReactNode } from 'react';
import { Empty } from './ui.js';

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Classes of the body cells only ('nowrap', 'small', …). */
  className?: string;
  /** Figures line up on the right, header included. */
  align?: 'right';
  /** Makes the header a button that sorts by this key (see `sort`). */
  sortKey?: string;
}

export interface TableSort {
  key: string;
  order: 'asc' | 'desc';
  onSort: (key: string) => void;
}

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

function HeaderCell<T>({ column, sort }: { column: Column<T>; sort?: TableSort }) {
  const className = column.align === 'right' ? 'num' : undefined;
  if (!sort || !column.sortKey) return <th className={className}>{column.header}</th>;
  const active = sort.key === column.sortKey;
  return (
    <th className={className} aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="th-sort" onClick={() => sort.onSort(column.sortKey!)}>
        {column.header} {active ? (sort.order === 'asc' ? '▲' : '▼') : ''}
      </button>
    </th>
  );
}

/**
 * A read-only list: one header row, one row per item, and the empty-state text instead of an empty table.
 * Tables whose rows hold their own state (inline edits, per-row actions) render their rows themselves.
 */
export function DataTable<T>(props: {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => Key;
  rowClassName?: (row: T) => string | undefined;
  /** Shown instead of the table when there are no rows. */
  empty?: string;
  /** Extra table classes: 'table-dense', 'table-narrow'. */
  className?: string;
  /** 'box' frames the table, 'scroll' also caps its height, 'none' leaves it bare inside its card. */
  frame?: 'box' | 'scroll' | 'none';
  testId?: string;
  sort?: TableSort;
}) {
  const { columns, rows, frame = 'box' } = props;
  if (rows.length === 0) return <Empty text={props.empty} />;
  const table = (
    <table className={classes('table', props.className)} data-testid={props.testId}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <HeaderCell key={i} column={c} sort={props.sort} />
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={props.rowKey(row, r)} className={props.rowClassName?.(row)}>
            {columns.map((c, i) => (
              <td key={i} className={classes(c.align === 'right' && 'num', c.className)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (frame === 'none') return table;
  return <div className={frame === 'scroll' ? 'table-wrap table-scroll' : 'table-wrap'}>{table}</div>;
}
