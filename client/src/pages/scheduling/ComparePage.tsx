/** Two plans side by side: overall finish and targets, then each item's finish in A and in B. */
import { api } from '../../api.js';
import { useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { date, num } from '../../format.js';
import { Link } from '../../router.js';
import type { PlanComparison } from '../../types.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Loading, Section } from '../../components/ui.js';
import { PlanFinish } from './PlanPage.js';

const s = vi.sched;
type Side = PlanComparison['a'];
type Cell = PlanComparison['items'][number]['a'];

function SideCard({ title, side }: { title: string; side: Side }) {
  return (
    <Section title={<>{title}: <Link to={`/scheduling/plans/${side.id}`}>{side.label}</Link></>}>
      <dl className="facts">
        <dt>{s.overallFinish}</dt><dd><PlanFinish p={side} testId={`compare-finish-${title === s.side.a ? 'a' : 'b'}`} /></dd>
        <dt>{s.target}</dt><dd>{date(side.targetDate)} {side.targetDate && <Badge tone={side.targetMissed ? 'bad' : 'ok'}>{side.targetMissed ? s.targetMissed : s.targetMet}</Badge>}</dd>
        <dt>{s.staffCount}</dt><dd>{num(side.staffCount, 0)}</dd>
        <dt>{s.missed}</dt><dd>{num(side.missedCount, 0)}{side.unplacedCount > 0 && <span className="muted small"> ({s.missedSplit(num(side.lateCount, 0), num(side.unplacedCount, 0))})</span>}</dd>
        <dt>{s.unplaced}</dt><dd>{num(side.unplacedCount, 0)}</dd>
        <dt>{s.lateDays}</dt><dd>{num(side.totalLateDays, 0)}{side.unplacedCount > 0 && <span className="muted small"> ({s.lateDaysPlacedOnly(num(side.unplacedCount, 0))})</span>}</dd>
      </dl>
    </Section>
  );
}

const cell = (c: Cell) => (!c ? '—' : c.finish ? <span className={c.missed ? 'field-error' : undefined}>{date(c.finish)}</span> : <Badge tone="bad">{s.unplaced}</Badge>);

export function ComparePage({ a, b }: { a: number; b: number }) {
  const cmp = useAsync(() => api.scheduling.compare(a, b), [a, b]);
  if (!cmp.data) return cmp.error ? <ErrorMessage error={cmp.error} /> : <Loading />;
  const d = cmp.data;
  return (
    <div className="page stack-gap">
      <h1>{s.compare}</h1>
      <div className="grid-2">
        <SideCard title={s.side.a} side={d.a} />
        <SideCard title={s.side.b} side={d.b} />
      </div>
      <Section title={s.items}>
        <DataTable className="table-dense" testId="compare-items" rowKey={(i) => i.itemId} rows={d.items} columns={[
          { header: s.item, cell: (i) => <>{i.label}<div className="muted small">{i.agencyName}</div></> },
          { header: s.side.a, cell: (i) => cell(i.a) },
          { header: s.side.b, cell: (i) => cell(i.b) },
        ]} />
      </Section>
    </div>
  );
}
