import { useState } from 'react';
import { api } from '../../api.js';
import { useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { dateTime } from '../../format.js';
import { Link } from '../../router.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Empty, FilterSelect, Loading } from '../../components/ui.js';
import { SlaBadge, StatusBadge } from './request-parts.js';

const t = vi.rr;

/** Staff queue of request slips, soonest due first, with overdue / due-soon filters. */
export function RequestsQueuePage() {
  const [status, setStatus] = useState('submitted');
  const [sla, setSla] = useState('');
  const [level, setLevel] = useState('');
  const list = useAsync(() => api.rr.queue({ status: status || undefined, sla: sla || undefined, level: level || undefined }), [status, sla, level]);
  return (
    <div className="page">
      <div className="page-head"><h1>{t.queueTitle}</h1></div>
      <div className="filters">
        <FilterSelect label={t.filterStatus} value={status} options={t.status} onChange={setStatus} />
        <FilterSelect label={t.filterSla} value={sla} options={{ overdue: t.sla.overdue!, warning: t.sla.warning!, attention: t.slaAttention }} onChange={setSla} />
        <FilterSelect label={t.awaiting} value={level} options={{ reading_room_head: t.level.reading_room_head!, director: t.level.director! }} onChange={setLevel} />
      </div>
      <ErrorMessage error={list.error} />
      {!list.data ? <Loading /> : list.data.items.length === 0 ? <Empty text={t.queueEmpty} /> : (
        <div className="table-wrap">
          <table className="table" data-testid="request-queue">
            <thead><tr><th>{t.number}</th><th>{t.reader}</th><th>{t.kindLabel}</th><th>{t.lines}</th><th>{t.filterStatus}</th><th>{t.due}</th><th /></tr></thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap"><strong>{r.number}</strong></td>
                  <td>{r.readerName}{r.readerCardNo && <div className="small muted">{r.readerCardNo}</div>}</td>
                  <td>{t.kind[r.kind]}{r.restricted && <div className="small">{t.restricted}</div>}</td>
                  <td>{r.lineCount}</td>
                  <td><StatusBadge status={r.status} />{r.approvalLevel && <div className="small muted">{t.level[r.approvalLevel]}</div>}</td>
                  <td className="nowrap">{dateTime(r.dueAt)} <SlaBadge sla={r.sla} /></td>
                  <td><Link to={`/reading-room/requests/${r.id}`}>{t.open}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
