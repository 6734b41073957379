import { Link } from '../../router.js';
import { useSession } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { Section } from '../../components/ui.js';

interface HubLink { to: string; label: string; hint: string; adminOnly?: boolean }

/**
 * The reading room's front page for staff: one entry in the main navigation instead of ten, grouped the way the
 * work is divided (the desk, the stacks, copies, administration).
 */
const GROUPS: { title: string; links: HubLink[] }[] = [
  {
    title: vi.rr.hubDesk,
    links: [
      { to: '/reading-room/requests', label: vi.rr.navQueue, hint: vi.rr.hubQueueHint },
      { to: '/reading-room/readers', label: vi.rr.navReaders, hint: vi.rr.hubReadersHint },
      { to: '/reading-room/access-grants', label: vi.circ.navGrants, hint: vi.rr.hubGrantsHint },
      { to: '/reading-room/finding-aids', label: vi.rr.navFinding, hint: vi.rr.hubFindingHint },
    ],
  },
  {
    title: vi.rr.hubStacks,
    links: [
      { to: '/reading-room/pull-list', label: vi.circ.navPull, hint: vi.rr.hubPullHint },
      { to: '/reading-room/circulation', label: vi.circ.navDesk, hint: vi.rr.hubDeskHint },
      { to: '/reading-room/holds', label: vi.rr.navHolds, hint: vi.rr.hubHoldsHint },
    ],
  },
  {
    title: vi.rr.hubCopies,
    links: [
      { to: '/reading-room/copy-orders', label: vi.circ.navCopies, hint: vi.rr.hubCopiesHint },
      { to: '/reading-room/certification-register', label: vi.circ.navRegister, hint: vi.rr.hubRegisterHint },
    ],
  },
  {
    title: vi.rr.hubAdmin,
    links: [{ to: '/reading-room/staff-duties', label: vi.rr.navDuties, hint: vi.rr.hubDutiesHint, adminOnly: true }],
  },
];

export function ReadingRoomHubPage() {
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  return (
    <div className="page">
      <div className="page-head"><h1>{vi.rr.hubTitle}</h1></div>
      {GROUPS.map((g) => {
        const links = g.links.filter((l) => isAdmin || !l.adminOnly);
        if (links.length === 0) return null;
        return (
          <Section key={g.title} title={g.title}>
            <ul className="hub-links">
              {links.map((l) => (
                <li key={l.to}><Link to={l.to}>{l.label}</Link> <span className="muted">— {l.hint}</span></li>
              ))}
            </ul>
          </Section>
        );
      })}
    </div>
  );
}
