import { useState } from 'react';
import { api } from '../../api.js';
import { isStaff, useAction, useAsync, useSession } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { date, dateTime, metres, num, yearSpan } from '../../format.js';
import { Link } from '../../router.js';
import type { Handover } from '../../types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, HandoverStatusBadge, Loading, Section, Stat } from '../../components/ui.js';
import { HeaderEditor } from './HeaderEditor.js';
import { InventoryStep } from './InventoryStep.js';
import { InventoryTable } from './InventoryTable.js';
import { AppraisePanel, ApprovePanel, ReturnPanel } from './ReviewPanels.js';
import { ReceivePanel } from './ReceivePanel.js';
import { ReceivedPanel } from './ReceivedPanel.js';
import { CancelPanel } from './CancelPanel.js';

/** Which wizard step is current: 0 create … 6 record. */
function stepOf(h: Handover): number {
  const files = h.summary?.files ?? 0;
  switch (h.status) {
    case 'draft':
      return files > 0 ? 2 : 1;
    case 'submitted':
      return 3;
    case 'appraised':
      return 4;
    case 'approved':
      return 5;
    default:
      return 6;
  }
}

function Stepper({ current }: { current: number }) {
  return (
    <ol className="stepper" aria-label={vi.a11y.steps}>
      {vi.wizard.steps.map((s, i) => (
        <li key={s} className={i < current ? 'done' : i === current ? 'current' : undefined} aria-current={i === current ? 'step' : undefined}>
          <span className="step-no">{i < current ? '✓' : i + 1}</span> {s}
        </li>
      ))}
    </ol>
  );
}

function SummaryStats({ h }: { h: Handover }) {
  const s = h.summary;
  if (!s) return null;
  return (
    <>
      <div className="stats" data-testid="handover-summary">
        <Stat label={vi.common.files} value={num(s.files, 0)} />
        <Stat label={vi.wizard.boxes} value={num(s.boxes, 0)} />
        <Stat label={vi.wizard.sheets} value={num(s.sheets, 0)} />
        <Stat label={vi.wizard.span} value={yearSpan(s.fromYear, s.toYear)} />
        <Stat label={vi.wizard.estMetres} value={metres(s.estimatedMetres)} />
        <Stat label={vi.wizard.filesPerMetre} value={num(s.filesPerMetre, 0)} tone={s.ratioFlag ? 'warn' : 'neutral'} />
      </div>
      {s.ratioFlag && <div className="alert alert-warn">{s.ratioFlag === 'low' ? vi.wizard.ratioLow : vi.wizard.ratioHigh}</div>}
    </>
  );
}

function RecordDownload({ h }: { h: Handover }) {
  const action = useAction();
  return (
    <div className="inline">
      <button type="button" className={h.status === 'received' ? 'primary' : undefined} disabled={action.busy} onClick={() => action.run(() => api.handovers.record(h.id))}>
        {h.status === 'received' ? vi.wizard.record : vi.wizard.recordDraft}
      </button>
      <ErrorMessage error={action.error} />
    </div>
  );
}

export function HandoverPage({ id }: { id: number }) {
  const { user } = useSession();
  const staff = isStaff(user);
  const r = useAsync(() => api.handovers.get(id), [id]);
  const [inventoryVersion, setInventoryVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  if (r.loading && !r.data) return <Loading />;
  if (!r.data) return <ErrorMessage error={r.error} />;
  const h = r.data;
  const refresh = () => {
    r.reload();
    setInventoryVersion((v) => v + 1);
  };
  const step = stepOf(h);
  return (
    <div className="page">
      <div className="page-head">
        <h1>
          {h.title} <span className="muted">#{h.id}</span>
        </h1>
        <HandoverStatusBadge status={h.status} />
      </div>
      {h.status === 'cancelled' ? (
        <div className="alert alert-warn" data-testid="handover-cancelled">{vi.wizard.cancelledNotice(dateTime(h.cancelledAt))}</div>
      ) : (
        <Stepper current={step} />
      )}
      <Section
        title={
          <>
            {staff ? <Link to={`/agencies/${h.agencyId}`}>{h.agencyName}</Link> : h.agencyName}
            {h.fondsCode && <span className="muted"> · {vi.handovers.fonds} {h.fondsCode}</span>}
          </>
        }
        actions={
          <>
            {h.status === 'draft' && !editing && <button type="button" onClick={() => setEditing(true)}>{vi.wizard.edit}</button>}
            <RecordDownload h={h} />
          </>
        }
      >
        {editing ? (
          <HeaderEditor h={h} onDone={() => { setEditing(false); r.reload(); }} />
        ) : (
          <dl className="facts facts-3">
            <dt>{vi.handovers.inventoryNo}</dt>
            <dd>{h.inventoryNo ?? '—'}</dd>
            <dt>{vi.handovers.declaredBoxes}</dt>
            <dd>{h.declaredBoxes ?? '—'}</dd>
            <dt>{vi.handovers.plan}</dt>
            <dd>{h.planId ? (staff ? <Link to={`/plans/${h.planId}`}>{h.planDecisionNo ?? `#${h.planId}`}</Link> : (h.planDecisionNo ?? `#${h.planId}`)) : '—'}</dd>
            <dt>{vi.handovers.deliveringName}</dt>
            <dd>{[h.deliveringName, h.deliveringPosition].filter(Boolean).join(', ') || '—'}</dd>
            <dt>{vi.handovers.receivingName}</dt>
            <dd>{[h.receivingName, h.receivingPosition].filter(Boolean).join(', ') || '—'}</dd>
            <dt>{vi.wizard.handoverDate}</dt>
            <dd>{date(h.handoverDate)}</dd>
            {h.appraisalSummary && (
              <>
                <dt>{vi.wizard.appraiseSummary}</dt>
                <dd>{h.appraisalSummary}</dd>
              </>
            )}
            {h.approvalDecision && (
              <>
                <dt>{vi.wizard.approvalDecision}</dt>
                <dd>{h.approvalDecision}</dd>
              </>
            )}
          </dl>
        )}
        <SummaryStats h={h} />
        {h.locked && <Badge tone="neutral">{vi.wizard.locked}</Badge>}
      </Section>

      {h.status === 'draft' && <InventoryStep h={h} onChanged={refresh} />}
      {h.status === 'draft' && <CancelPanel h={h} onDone={refresh} />}
      {h.status === 'submitted' && staff && <AppraisePanel h={h} onDone={refresh} />}
      {h.status === 'appraised' && staff && <ApprovePanel h={h} onDone={refresh} />}
      {(h.status === 'submitted' || h.status === 'appraised') && staff && <ReturnPanel h={h} onDone={refresh} />}
      {h.status === 'approved' && staff && <ReceivePanel h={h} onDone={refresh} />}
      {!staff && h.status !== 'draft' && h.status !== 'received' && h.status !== 'cancelled' && <div className="alert alert-info">{vi.wizard.waitingStaff}</div>}
      {h.status === 'received' && <ReceivedPanel h={h} staff={staff} onChanged={refresh} />}

      <InventoryTable handoverId={h.id} version={inventoryVersion} received={h.status === 'received'} />
    </div>
  );
}
