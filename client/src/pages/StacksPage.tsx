import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { useAction, useAsync } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { metres, num, percent } from '../format.js';
import { Link } from '../router.js';
import type { Capacity, LocatedBox, LocatedFile, RepositoryNode, Room, Shelf } from '../types.js';
import { DataTable, type Column } from '../components/DataTable.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Badge, Empty, Loading, OccupancyBar, Section, Stat } from '../components/ui.js';
import { StacksAdmin } from './StacksAdmin.js';

/** Where a search landed: the page opens that room, selects the shelf and marks the box. */
interface Focus { roomId: number; shelfId: number; boxId: number | null }

/** A button that downloads a printable PDF, with its error beside it. */
function PrintButton({ label, print }: { label: string; print: () => Promise<void> }) {
  const action = useAction();
  return (
    <>
      <button type="button" className="small" disabled={action.busy} onClick={() => void action.run(print)}>
        {label}
      </button>
      <ErrorMessage error={action.error} />
    </>
  );
}

function ShelfBoxes({ shelf, located }: { shelf: Shelf; located: number | null }) {
  const r = useAsync(() => api.stacks.shelfBoxes(shelf.id), [shelf.id]);
  if (r.loading && !r.data) return <Loading />;
  if (!r.data) return <ErrorMessage error={r.error} />;
  if (r.data.items.length === 0) return <Empty />;
  return (
    <ul className="box-list">
      {r.data.items.map((b) => (
        <li key={b.id} className={b.id === located ? 'located' : undefined} aria-current={b.id === located ? 'location' : undefined}>
          {b.code} · {vi.wizard.boxNo} {b.boxNo ?? '—'} · {b.agencyName ?? '—'}
          {b.handoverId && (
            <>
              {' '}· <Link to={`/handovers/${b.handoverId}`}>#{b.handoverId}</Link>{' '}
              <PrintButton label={vi.stacks.printInventory} print={() => api.stacks.inventoryPdf(b.handoverId!)} />
            </>
          )}{' '}
          <PrintButton label={vi.stacks.printLabel} print={() => api.stacks.labels({ boxId: b.id })} />
          {b.outFiles.length > 0 && (
            <div className="small" data-testid="box-out-files">
              <Badge>{vi.stacks.outFiles}</Badge> {b.outFiles.map((f) => `${f.fileNotation} — ${f.title}`).join('; ')}
            </div>
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

function RoomBlock({ room, initiallyOpen, focus }: { room: Room; initiallyOpen: boolean; focus: Focus | null }) {
  const [open, setOpen] = useState(initiallyOpen);
  const [selected, setSelected] = useState<Shelf | null>(null);
  const detail = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus || focus.roomId !== room.id) return;
    const shelf = room.units.flatMap((u) => u.shelves).find((s) => s.id === focus.shelfId) ?? null;
    setOpen(true);
    setSelected(shelf);
  }, [focus, room]);
  useEffect(() => {
    if (focus && selected?.id === focus.shelfId) detail.current?.scrollIntoView({ block: 'center' });
  }, [focus, selected]);
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
          <PrintButton label={vi.stacks.printShelfList} print={() => api.stacks.roomShelfList(room.id)} />
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
                <PrintButton label={vi.stacks.printShelfList} print={() => api.stacks.unitShelfList(u.id)} />
                <PrintButton label={vi.stacks.printLabels} print={() => api.stacks.labels({ unitId: u.id })} />
              </div>
            ))}
          </div>
          {selected && (
            <div className="shelf-detail" ref={detail}>
              <strong>{vi.stacks.shelfDetail(selected.label)}</strong>
              <OccupancyBar used={selected.usedM} capacity={selected.capacityM} />
              {selected.boxes > 0 && <PrintButton label={vi.stacks.printShelfLabels} print={() => api.stacks.labels({ shelfId: selected.id })} />}
              <ShelfBoxes shelf={selected} located={focus?.shelfId === selected.id ? focus.boxId : null} />
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

/** The one place a search can land on: the box searched for, or the single box all found files are in. */
function landing(box: LocatedBox | null, files: LocatedFile[]): Focus | null {
  if (box) return box.shelfId !== null && box.roomId !== null ? { roomId: box.roomId, shelfId: box.shelfId, boxId: box.boxId } : null;
  const boxes = new Set(files.map((f) => f.boxId));
  const f = files[0];
  return boxes.size === 1 && f.shelfId !== null && f.roomId !== null ? { roomId: f.roomId, shelfId: f.shelfId, boxId: f.boxId } : null;
}

/** Typed or scanned (a scanner types the code and Enter): one box or file found goes straight to its shelf. */
function Locate({ onLocated }: { onLocated: (f: Focus | null) => void }) {
  const [code, setCode] = useState('');
  const [found, setFound] = useState<{ box: LocatedBox | null; items: LocatedFile[] } | null>(null);
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return;
    const r = await action.run(() => api.stacks.locate(code.trim()));
    setFound(r ?? null);
    onLocated(r ? landing(r.box, r.items) : null);
  };
  return (
    <Section title={vi.stacks.locate}>
      <form className="filters" onSubmit={submit}>
        <input
          type="search"
          className="grow"
          autoFocus
          value={code}
          placeholder={vi.stacks.locatePlaceholder}
          aria-label={vi.stacks.locatePlaceholder}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" disabled={action.busy}>{vi.common.search}</button>
      </form>
      <ErrorMessage error={action.error} />
      {found?.box && (
        <p data-testid="located-box">
          <strong>{vi.stacks.boxAt(found.box.code, found.box.shelfLabel ?? vi.stacks.notShelved)}</strong>{' '}
          <PrintButton label={vi.stacks.printLabel} print={() => api.stacks.labels({ boxId: found.box!.boxId })} />
        </p>
      )}
      {found && (!found.box || found.items.length > 0) && (
        <DataTable columns={LOCATED_COLUMNS} rows={found.items} rowKey={(f) => f.fileId} empty={vi.stacks.notFound} frame="none" />
      )}
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
  const [focus, setFocus] = useState<Focus | null>(null);
  const repos: RepositoryNode[] = tree.data?.repositories ?? [];
  // Small layouts open fully; a real building (hundreds of shelves) starts with rooms folded.
  const roomCount = repos.reduce((n, r) => n + r.rooms.length, 0);
  return (
    <div className="page">
      <h1>{vi.stacks.title}</h1>
      {cap.data ? <Forecast c={cap.data} /> : cap.loading ? <Loading /> : <ErrorMessage error={cap.error} />}
      <Locate onLocated={setFocus} />
      {tree.loading && !tree.data ? <Loading /> : <ErrorMessage error={tree.error} />}
      {tree.data && repos.length === 0 && <Empty text={vi.stacks.none} />}
      {repos.map((repo) => (
        <Section key={repo.id} title={`${repo.code} — ${repo.name}`} actions={<span className="small">{metres(repo.freeM)} {vi.stacks.free.toLowerCase()}</span>}>
          <OccupancyBar used={repo.usedM} capacity={repo.capacityM} />
          {repo.rooms.map((room) => (
            <RoomBlock key={room.id} room={room} initiallyOpen={roomCount <= 2} focus={focus} />
          ))}
        </Section>
      ))}
      {tree.data && <StacksAdmin repositories={repos} onChanged={reload} />}
    </div>
  );
}
