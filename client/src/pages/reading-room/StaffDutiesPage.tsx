import { useState } from 'react';
import { useAction, useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { DUTIES, readingRoomAdminApi as rra, type Duty, type StaffDuties } from '../../api/reading-room-admin.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Empty, Loading } from '../../components/ui.js';

const t = vi.rr;

/** One staff account: a checkbox per duty; saving sends the whole set (the API replaces it). */
function StaffRow({ s, onSaved }: { s: StaffDuties; onSaved: (name: string) => void }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set(s.duties));
  const action = useAction();
  const dirty = chosen.size !== s.duties.length || s.duties.some((d) => !chosen.has(d));
  const toggle = (d: Duty) => setChosen((prev) => { const n = new Set(prev); if (n.has(d)) n.delete(d); else n.add(d); return n; });
  return (
    <tr className={s.active ? undefined : 'row-muted'} data-testid={`staff-${s.username}`}>
      <td><strong>{s.displayName}</strong><div className="small muted">{s.username}</div></td>
      <td>{vi.roles[s.role] ?? s.role}</td>
      <td data-testid="duties-current">
        {s.duties.length === 0 ? <span className="muted">{t.dutiesNone}</span> : s.duties.map((d) => <Badge key={d} tone="info">{t.duty[d] ?? d}</Badge>)}
      </td>
      <td>
        <div className="inline">
          {DUTIES.map((d) => (
            <label key={d} className="inline">
              <input type="checkbox" checked={chosen.has(d)} onChange={() => toggle(d)} /> {t.duty[d]}
            </label>
          ))}
          <button type="button" className="primary" disabled={action.busy || !dirty}
            onClick={async () => { if (await action.run(() => rra.setDuties(s.id, DUTIES.filter((d) => chosen.has(d))))) onSaved(s.displayName); }}>
            {vi.common.save}
          </button>
        </div>
        <ErrorMessage error={action.error} />
      </td>
    </tr>
  );
}

/** Admin: who is head of the reading room, director (second approval for restricted files) and stacks staff. */
export function StaffDutiesPage() {
  const staff = useAsync(() => rra.staff(), []);
  const [saved, setSaved] = useState<string | null>(null);
  const rows = staff.data?.items ?? [];
  return (
    <div className="page">
      <div className="page-head"><h1>{t.dutiesTitle}</h1></div>
      <p className="muted">{t.dutiesIntro}</p>
      {saved && <div className="alert alert-ok" role="status">{t.dutiesSaved(saved)}</div>}
      <ErrorMessage error={staff.error} />
      {staff.loading && !staff.data ? <Loading /> : rows.length === 0 ? <Empty text={t.noStaff} /> : (
        <div className="table-wrap">
          <table className="table" data-testid="staff-duties">
            <thead><tr><th>{t.staffName}</th><th>{t.staffRole}</th><th>{t.staffDuties}</th><th>{vi.common.actions}</th></tr></thead>
            <tbody>
              {/* Keyed by the saved set so a row's checkboxes restart from the server's answer after each save. */}
              {rows.map((s) => <StaffRow key={`${s.id}:${s.duties.join(',')}`} s={s} onSaved={(name) => { setSaved(name); staff.reload(); }} />)}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
