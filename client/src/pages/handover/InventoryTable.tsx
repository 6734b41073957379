import { useState } from 'react';
import { api } from '../../api.js';
import { useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { num } from '../../format.js';
import type { InventoryRow } from '../../types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Empty, Loading, Pagination, Section } from '../../components/ui.js';

const LIMIT = 100;

function dates(r: InventoryRow) {
  if (r.dateText) return r.dateText;
  return [r.startDate, r.endDate].filter(Boolean).join(' – ');
}

export function InventoryTable({ handoverId, version }: { handoverId: number; version: number }) {
  const [offset, setOffset] = useState(0);
  const r = useAsync(() => api.handovers.inventory(handoverId, { limit: LIMIT, offset }), [handoverId, offset, version]);
  return (
    <Section title={`${vi.wizard.inventory}${r.data ? ` (${num(r.data.total, 0)})` : ''}`}>
      {r.loading && !r.data ? <Loading /> : <ErrorMessage error={r.error} />}
      {r.data && r.data.items.length === 0 && <Empty />}
      {r.data && r.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table table-dense" data-testid="inventory-table">
              <thead>
                <tr>
                  <th className="num">{vi.wizard.rowNo}</th>
                  <th>{vi.wizard.fileNotation}</th>
                  <th>{vi.wizard.fileTitle}</th>
                  <th>{vi.wizard.dates}</th>
                  <th>{vi.wizard.retention}</th>
                  <th className="num">{vi.wizard.sheets}</th>
                  <th className="num">{vi.wizard.boxNo}</th>
                  <th>{vi.wizard.access}</th>
                  <th className="num">{vi.wizard.dueYear}</th>
                  <th>{vi.common.notes}</th>
                </tr>
              </thead>
              <tbody>
                {r.data.items.map((row) => (
                  <tr key={row.id}>
                    <td className="num">{row.rowNo}</td>
                    <td className="nowrap">{row.fileNotation}</td>
                    <td>
                      {row.title}
                      {row.comments?.map((c) => (
                        <div key={c.id} className="comment">
                          {vi.wizard.commentPrefix} {c.comment} <span className="muted">— {c.authorName ?? ''}</span>
                        </div>
                      ))}
                    </td>
                    <td className="nowrap">{dates(row)}</td>
                    <td>{row.retention}</td>
                    <td className="num">{row.sheets ?? '—'}</td>
                    <td className="num">{row.boxNo ?? '—'}</td>
                    <td>{row.accessLevel === 'restricted' ? <Badge tone="warn">{vi.accessLevel.restricted}</Badge> : vi.accessLevel.unrestricted}</td>
                    <td className="num">{row.dueYear ?? '—'}</td>
                    <td className="small">{row.notes ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination total={r.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        </>
      )}
    </Section>
  );
}
