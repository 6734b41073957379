/** The scheduling area: backlog, resources, norms, plans and progress as tabs of one page. */
import { setSearch, useSearch } from '../../router.js';
import { vi } from '../../i18n/vi.js';
import { BacklogTab } from './BacklogTab.js';
import { NormsTab, ResourcesTab } from './ResourcesTab.js';
import { PlansTab, ProgressTab } from './PlansTab.js';

const TABS = ['backlog', 'staff', 'norms', 'plans', 'progress'] as const;
type Tab = (typeof TABS)[number];

export function SchedulingPage() {
  const wanted = useSearch().get('tab') as Tab | null;
  const tab: Tab = wanted && TABS.includes(wanted) ? wanted : 'backlog';
  const choose = (t: Tab) => setSearch({ tab: t });
  return (
    <div className="page stack-gap">
      <h1>{vi.sched.title}</h1>
      <div className="segmented" role="tablist" aria-label={vi.sched.title}>
        {TABS.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'primary' : undefined} onClick={() => choose(t)}>
            {vi.sched.tabs[t]}
          </button>
        ))}
      </div>
      {tab === 'backlog' && <BacklogTab />}
      {tab === 'staff' && <ResourcesTab />}
      {tab === 'norms' && <NormsTab />}
      {tab === 'plans' && <PlansTab />}
      {tab === 'progress' && <ProgressTab />}
    </div>
  );
}
