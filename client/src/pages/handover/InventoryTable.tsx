import { useState } from 'react';
import { api } from '../../api.js';
import { useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { num } from '../../format.js';
import type { InventoryRow } from '../../types.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Loading, Pagination, Section } from '../../components/ui.js';

const LIMIT = 100;

function dates(r: InventoryRow) {
  if (r.dateText) return r.dateText;
  return [r.startDate, r.endDate].filter(Boolean).join(' – ');
}

const COLUMNS: Column<InventoryRow>[] = [
  { header: vi.wizard.rowNo, cell: (row) => row.rowNo, align: 'right' },
  { header: vi.wizard.fileNotation, cell: (row) => row.fileNotation, className: 'nowrap' },
  {
    header: vi.wizard.fileTitle,
    cell: (row) => (
      <>
        {row.title}
        {row.comments?.map((c) => (
          <div key={c.id} className="comment">
            {vi.wizard.commentPrefix} {c.comment} <span className="muted">— {c.authorName ?? ''}</span>
          </div>
        ))}
      </>
    ),
  },
  { header: vi.wizard.dates, cell: dates, className: 'nowrap' },
  { header: vi.wizard.retention, cell: (row) => row.retention },
  { header: vi.wizard.sheets, cell: (row) => num(row.sheets, 0), align: 'right' },
  { header: vi.wizard.boxNo, cell: (row) => row.boxNo ?? '—', align: 'right' },
  {
    header: vi.wizard.access,
    cell: (row) => (row.accessLevel === 'restricted' ? <Badge tone="warn">{vi.accessLevel.restricted}</Badge> : vi.accessLevel.unrestricted),
  },
  { header: vi.wizard.dueYear, cell: (row) => row.dueYear ?? '—', align: 'right' },
  { header: vi.common.notes, cell: (row) => row.notes ?? '', className: 'small' },
];

/** After receipt each file has its code, its box and the box's place in the stacks. */
const RECEIVED_COLUMNS: Column<InventoryRow>[] = [
  { header: vi.wizard.fileCode, cell: (row) => row.fileCode ?? '—', className: 'nowrap' },
  { header: vi.wizard.boxCode, cell: (row) => row.boxCode ?? '—', className: 'nowrap' },
  { header: vi.wizard.location, cell: (row) => row.location ?? vi.wizard.notShelved, className: 'small' },
];

export function InventoryTable({ handoverId, version, received = false }: { handoverId: number; version: number; received?: boolean }) {
  const [offset, setOffset] = useState(0);
  const r = useAsync(() => api.handovers.inventory(handoverId, { limit: LIMIT, offset }), [handoverId, offset, version]);
  return (
    <Section title={`${vi.wizard.inventory}${r.data ? ` (${num(r.data.total, 0)})` : ''}`}>
      {r.loading && !r.data ? <Loading /> : <ErrorMessage error={r.error} />}
      {r.data && (
        <>
          <DataTable columns={received ? [...COLUMNS.slice(0, 2), ...RECEIVED_COLUMNS, ...COLUMNS.slice(2)] : COLUMNS} rows={r.data.items} rowKey={(row) => row.id} className="table-dense" testId="inventory-table" />
          {r.data.items.length > 0 && <Pagination total={r.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
        </>
      )}
    </Section>
  );
}
