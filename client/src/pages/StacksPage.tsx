import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { useAction, useAsync } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { metres, num, percent } from '../format.js';
import { Link } from '../router.js';
import type { Capacity, LocatedFile, RepositoryNode, Room, Shelf } from '../types.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Empty, Loading, OccupancyBar, Section, Stat } from '../components/ui.js';
import { StacksAdmin } from './StacksAdmin.js';

function ShelfBoxes({ shelf }: { shelf: Shelf }) {
  const r = useAsync(() => api.stacks.shelfBoxes(shelf.id), [shelf.id]);
  if (r.loading && !r.data) return <Loading />;
  if (!r.data) return <ErrorMessage error={r.error} />;
  if (r.data.items.length === 0) return <Empty />;
  return (
    <ul className="box-list">
      {r.data.items.map((b) => (
        <li key={b.id}>
          {b.code} · {vi.wizard.boxNo} {b.boxNo ?? '—'} · {b.agencyName ?? '—'}
          {b.handoverId && (
            <>
              {' '}· <Link to={`/handovers/${b.handoverId}`}>#{b.handoverId}</Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function ShelfCell({ shelf, selected, onSelect }: { shelf: Shelf; selected: boolean; onSelect: () => void }) {
  const p = percent(shelf.usedM, shelf.capacityM);
  const tone = p >= 95 ? 'bad' : p >= 80 ? 'warn' : 'ok';
  return (
    <button
      type="button"
      className={`shelf-cell ${selected ? 'selected' : ''}`}
      title={`${shelf.label}: ${num(shelf.usedM, 2)} / ${num(shelf.capacityM, 2)} m, ${num(shelf.boxes, 0)} ${vi.stacks.boxes}`}
      aria-label={shelf.label}
      onClick={onSelect}
    >
      <span className={`fill occupancy-${tone}`} style={{ width: `${p}%` }} />
    </button>
  );
}

function RoomBlock({ room, initiallyOpen }: { room: Room; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const [selected, setSelected] = useState<Shelf | null>(null);
  return (
    <div className="room">
      <div className="room-head">
        <strong>
          {room.code} — {room.name}
        </strong>
        <div className="inline">
          <div className="grow">
            <OccupancyBar used={room.usedM} capacity={room.capacityM} />
          </div>
          <button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? vi.stacks.hideShelves : vi.stacks.showShelves}
          </button>
        </div>
      </div>
      {open && (
        <>
          <p className="small muted">{vi.stacks.legend}</p>
          <div className="unit-map">
            {room.units.map((u) => (
              <div className="unit-line" key={u.id}>
                <span className="unit-code">{vi.stacks.unit} {u.code}</span>
                {u.shelves.map((s) => (
                  <ShelfCell key={s.id} shelf={s} selected={selected?.id === s.id} onSelect={() => setSelected(selected?.id === s.id ? null : s)} />
                ))}
              </div>
            ))}
          </div>
          {selected && (
            <div className="shelf-detail">
              <strong>{vi.stacks.shelfDetail(selected.label)}</strong>
              <OccupancyBar used={selected.usedM} capacity={selected.capacityM} />
              <ShelfBoxes shelf={selected} />
            </div>
          )}
        </>
      )}
    </div>
  );
}

function Forecast({ c }: { c: Capacity }) {
  const basis = Array.isArray(c.intake.basisYears) ? c.intake.basisYears.join(', ') : String(c.intake.basisYears);
  return (
    <Section title={`${vi.stacks.capacity} · ${vi.stacks.forecast}`}>
      <div className="stats">
        <Stat label={vi.stacks.capacity} value={metres(c.totals.capacityM)} />
        <Stat label={vi.stacks.used} value={metres(c.totals.usedM)} />
        <Stat label={vi.stacks.free} value={metres(c.totals.freeM)} tone="ok" />
      </div>
      <OccupancyBar used={c.totals.usedM} capacity={c.totals.capacityM} />
      <p>{vi.stacks.intakeRate(num(c.intake.metresPerYear, 1))} — {vi.stacks.basis(basis)}</p>
      <p className="small muted">
        {vi.dashboard.metresMeasured}: {metres(c.intake.measuredMetres)} · {vi.dashboard.metresEstimated}: {metres(c.intake.estimatedMetres)}
      </p>
      <p data-testid="forecast">
        <strong>
          {c.forecast.yearsUntilFull !== null && c.forecast.fullByYear !== null
            ? vi.stacks.yearsUntilFull(num(c.forecast.yearsUntilFull, 1), c.forecast.fullByYear)
            : vi.stacks.noForecast}
        </strong>
      </p>
    </Section>
  );
}

const LOCATED_COLUMNS: Column<LocatedFile>[] = [
  { header: vi.deadlines.fileNotation, cell: (f) => f.fileCode ?? f.fileNotation, className: 'nowrap' },
  { header: vi.deadlines.fileTitle, cell: (f) => f.title },
  { header: vi.handovers.agency, cell: (f) => f.agencyName },
  { header: vi.stacks.box, cell: (f) => f.boxCode ?? '—' },
  { header: vi.stacks.path, cell: (f) => f.path ?? f.shelfLabel ?? '—' },
];

function Locate() {
  const [code, setCode] = useState('');
  const [items, setItems] = useState<LocatedFile[] | null>(null);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return;
    const r = await action.run(() => api.stacks.locate(code.trim()));
    setItems(r ? r.items : null);
  };
  return (
    <Section title={vi.stacks.locate}>
      <form className="filters" onSubmit={submit}>
        <input type="search" className="grow" value={code} placeholder={vi.stacks.locatePlaceholder} aria-label={vi.stacks.locatePlaceholder} onChange={(e) => setCode(e.target.value)} />
        <button type="submit" disabled={action.busy}>{vi.common.search}</button>
      </form>
      <ErrorMessage error={action.error} />
      {items && <DataTable columns={LOCATED_COLUMNS} rows={items} rowKey={(f) => f.fileId} empty={vi.stacks.notFound} frame="none" />}
    </Section>
  );
}

export function StacksPage() {
  const tree = useAsync(() => api.stacks.tree(), []);
  const cap = useAsync(() => api.stacks.capacity(), []);
  const reload = () => {
    tree.reload();
    cap.reload();
  };
  const repos: RepositoryNode[] = tree.data?.repositories ?? [];
  // Small layouts open fully; a real building (hundreds of shelves) starts with rooms folded.
  const roomCount = repos.reduce((n, r) => n + r.rooms.length, 0);
  return (
    <div className="page">
      <h1>{vi.stacks.title}</h1>
      {cap.data ? <Forecast c={cap.data} /> : cap.loading ? <Loading /> : <ErrorMessage error={cap.error} />}
      <Locate />
      {tree.loading && !tree.data ? <Loading /> : <ErrorMessage error={tree.error} />}
      {tree.data && repos.length === 0 && <Empty text={vi.stacks.none} />}
      {repos.map((repo) => (
        <Section key={repo.id} title={`${repo.code} — ${repo.name}`} actions={<span className="small">{metres(repo.freeM)} {vi.stacks.free.toLowerCase()}</span>}>
          <OccupancyBar used={repo.usedM} capacity={repo.capacityM} />
          {repo.rooms.map((room) => (
            <RoomBlock key={room.id} room={room} initiallyOpen={roomCount <= 2} />
          ))}
        </Section>
      ))}
      {tree.data && <StacksAdmin repositories={repos} onChanged={reload} />}
    </div>
  );
}
