import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { useAction } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import type { RepositoryNode } from '../types.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Field, Section } from '../components/ui.js';

/** Small forms to lay out the stacks: repository → room → shelf unit with N shelves. */
export function StacksAdmin({ repositories, onChanged }: { repositories: RepositoryNode[]; onChanged: () => void }) {
  const action = useAction();
  const [repo, setRepo] = useState({ code: '', name: '', address: '' });
  const [room, setRoom] = useState({ repositoryId: '', code: '', name: '' });
  const [unit, setUnit] = useState({ roomId: '', code: '', shelves: '5', capacityM: '1' });
  const rooms = repositories.flatMap((r) => r.rooms.map((room) => ({ id: room.id, label: `${r.code} / ${room.code} — ${room.name}` })));

  const done = (r: unknown) => {
    if (r !== undefined) onChanged();
    return r !== undefined;
  };
  const addRepo = async (e: FormEvent) => {
    e.preventDefault();
    if (done(await action.run(() => api.stacks.addRepository({ code: repo.code.trim(), name: repo.name.trim(), ...(repo.address.trim() ? { address: repo.address.trim() } : {}) }))))
      setRepo({ code: '', name: '', address: '' });
  };
  const addRoom = async (e: FormEvent) => {
    e.preventDefault();
    if (done(await action.run(() => api.stacks.addRoom({ repositoryId: Number(room.repositoryId), code: room.code.trim(), name: room.name.trim() }))))
      setRoom({ ...room, code: '', name: '' });
  };
  const addUnit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { roomId: Number(unit.roomId), code: unit.code.trim(), shelves: Number(unit.shelves), capacityM: Number(unit.capacityM.replace(',', '.')) };
    if (done(await action.run(() => api.stacks.addUnit(body)))) setUnit({ ...unit, code: '' });
  };

  return (
    <Section title={`${vi.stacks.addRepository} / ${vi.stacks.addRoom} / ${vi.stacks.addUnit}`}>
      <div className="stack-gap">
        <ErrorMessage error={action.error} />
        <form className="inline" onSubmit={addRepo}>
          <Field label={vi.stacks.code}><input required className="narrow" value={repo.code} onChange={(e) => setRepo({ ...repo, code: e.target.value })} /></Field>
          <Field label={vi.stacks.name}><input required value={repo.name} onChange={(e) => setRepo({ ...repo, name: e.target.value })} /></Field>
          <Field label={vi.agencies.address}><input value={repo.address} onChange={(e) => setRepo({ ...repo, address: e.target.value })} /></Field>
          <button type="submit" disabled={action.busy}>{vi.stacks.addRepository}</button>
        </form>
        {repositories.length > 0 && (
          <form className="inline" onSubmit={addRoom}>
            <Field label={vi.stacks.repository}>
              <select required value={room.repositoryId} onChange={(e) => setRoom({ ...room, repositoryId: e.target.value })}>
                <option value="">—</option>
                {repositories.map((r) => <option key={r.id} value={r.id}>{r.code} — {r.name}</option>)}
              </select>
            </Field>
            <Field label={vi.stacks.code}><input required className="narrow" value={room.code} onChange={(e) => setRoom({ ...room, code: e.target.value })} /></Field>
            <Field label={vi.stacks.name}><input required value={room.name} onChange={(e) => setRoom({ ...room, name: e.target.value })} /></Field>
            <button type="submit" disabled={action.busy}>{vi.stacks.addRoom}</button>
          </form>
        )}
        {rooms.length > 0 && (
          <form className="inline" onSubmit={addUnit}>
            <Field label={vi.stacks.room}>
              <select required value={unit.roomId} onChange={(e) => setUnit({ ...unit, roomId: e.target.value })}>
                <option value="">—</option>
                {rooms.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
              </select>
            </Field>
            <Field label={vi.stacks.code}><input required className="narrow" value={unit.code} onChange={(e) => setUnit({ ...unit, code: e.target.value })} /></Field>
            <Field label={vi.stacks.unitShelves}><input required type="number" min={1} max={50} className="narrow" value={unit.shelves} onChange={(e) => setUnit({ ...unit, shelves: e.target.value })} /></Field>
            <Field label={vi.stacks.shelfCapacity}><input required inputMode="decimal" className="narrow" value={unit.capacityM} onChange={(e) => setUnit({ ...unit, capacityM: e.target.value })} /></Field>
            <button type="submit" disabled={action.busy}>{vi.stacks.addUnit}</button>
          </form>
        )}
      </div>
    </Section>
  );
}
