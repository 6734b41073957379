/** Pieces shared by the reader's and the staff's views of a request slip. */
import { vi } from '../../i18n/vi.js';
import { date, dateTime } from '../../format.js';
import type { AccessRequest, SlaState } from '../../types/reading-room.js';
import { Badge, type Tone } from '../../components/ui.js';

const t = vi.rr;
const SLA_TONE: Record<SlaState, Tone> = { on_time: 'info', warning: 'warn', overdue: 'bad', met: 'ok', breached: 'bad' };

export function SlaBadge({ sla }: { sla: SlaState }) {
  return <Badge tone={SLA_TONE[sla]}>{t.sla[sla]}</Badge>;
}

export function StatusBadge({ status }: { status: AccessRequest['status'] }) {
  const tone: Tone = status === 'approved' || status === 'served' ? 'ok' : status === 'refused' ? 'bad' : status === 'needs_info' ? 'warn' : 'neutral';
  return <Badge tone={tone}>{t.status[status]}</Badge>;
}

export function DueLine({ r }: { r: Pick<AccessRequest, 'dueAt' | 'slaWorkingDays' | 'sla' | 'dueDay'> }) {
  return (
    <span data-testid="due">
      {t.due}: <strong>{date(r.dueDay)}</strong> ({dateTime(r.dueAt)}, {t.workingDays(r.slaWorkingDays)}) <SlaBadge sla={r.sla} />
    </span>
  );
}

export function DecisionList({ r }: { r: AccessRequest }) {
  if (!r.decisions.length) return <p className="muted small">{t.noDecisions}</p>;
  return (
    <ol className="stack small" data-testid="decisions">
      {r.decisions.map((d) => (
        <li key={d.id}>
          <strong>{t.decision[d.decision] ?? d.decision}</strong>
          {d.level && ` (${t.level[d.level] ?? d.level})`} — {d.decidedByName}, {dateTime(d.decidedAt)}
          {d.reason && <>: <em>{d.reason}</em></>}
        </li>
      ))}
    </ol>
  );
}

export function LineList({ r }: { r: AccessRequest }) {
  return (
    <ul className="stack small">
      {r.lines.map((l) => (
        <li key={l.id}>
          <strong>{l.fileNotation}</strong> {l.title}
          {l.pageFrom || l.pageTo ? ` · tr. ${l.pageFrom ?? ''}–${l.pageTo ?? ''}` : ''}
          {' · '}{l.serveAs === 'digital' ? t.serveDigital : t.serveOriginal}
          {l.restricted && <> <Badge tone="warn">{t.restricted}</Badge></>}
        </li>
      ))}
    </ul>
  );
}
