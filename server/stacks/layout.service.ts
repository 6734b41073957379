/** Use cases for the stacks layout: building it, the tree with occupancy, and capacity with the forecast. */
import { recordEvent } from '../audit/audit.repository.js';
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { currentYear as vnYear } from '../core/time/index.js';
import { loadReceipts } from '../reports/received-events.js';
import { forecastFull, intakeRate } from '../reports/yearly-figures.js';
import { roundM } from '../core/metres.js';
import * as repo from './stacks.repository.js';
import type { ShelfRow } from './stacks.repository.js';

export interface Occupancy { capacityM: number; usedM: number; freeM: number }

function occupancy(shelves: ShelfRow[]): Occupancy {
  const capacity = shelves.reduce((a, s) => a + s.capacityM, 0);
  const used = shelves.reduce((a, s) => a + s.usedCm / 100, 0);
  return { capacityM: roundM(capacity), usedM: roundM(used), freeM: roundM(capacity - used) };
}

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function shelfView(s: ShelfRow) {
  return {
    id: s.shelfId,
    code: s.code,
    ordinal: s.ordinal,
    label: repo.shelfLabel(s),
    ...occupancy([s]),
    boxes: s.boxes,
  };
}

const taken = ERRORS.stacksCodeTaken;

export function createLayout(deps: Deps) {
  async function tree() {
    const [repositories, rooms, units, shelves] = await Promise.all([
      repo.listRepositories(deps.db),
      repo.listRooms(deps.db),
      repo.listUnits(deps.db),
      repo.listShelves(deps.db),
    ]);
    const roomsByRepo = groupBy(rooms, (r) => r.repositoryId);
    const unitsByRoom = groupBy(units, (u) => u.roomId);
    const shelvesByUnit = groupBy(shelves, (s) => s.unitId);
    const shelvesByRoom = groupBy(shelves, (s) => s.roomId);
    const shelvesByRepo = groupBy(shelves, (s) => s.repositoryId);
    return {
      repositories: repositories.map((p) => ({
        ...p,
        ...occupancy(shelvesByRepo.get(p.id) ?? []),
        rooms: (roomsByRepo.get(p.id) ?? []).map((r) => ({
          id: r.id,
          code: r.code,
          name: r.name,
          areaM2: r.areaM2,
          ...occupancy(shelvesByRoom.get(r.id) ?? []),
          units: (unitsByRoom.get(r.id) ?? []).map((u) => ({
            id: u.id,
            code: u.code,
            ordinal: u.ordinal,
            ...occupancy(shelvesByUnit.get(u.id) ?? []),
            shelves: (shelvesByUnit.get(u.id) ?? []).map(shelfView),
          })),
        })),
      })),
    };
  }

  async function createRepository(actor: Actor, input: { code: string; name: string; address?: string | null }) {
    return deps.db.transaction(async (tx) => {
      if (await repo.findRepositoryByCode(tx, input.code)) throw taken('kho', input.code);
      const created = await repo.insertRepository(tx, { code: input.code, name: input.name, address: input.address ?? null });
      await recordEvent(tx, actor, { entityType: 'repository', entityId: created.id, action: 'repository.created', after: created, at: deps.clock() });
      return created;
    });
  }

  async function createRoom(actor: Actor, input: { repositoryId: number; code: string; name: string; areaM2?: number | null }) {
    return deps.db.transaction(async (tx) => {
      if (!(await repo.findRepository(tx, input.repositoryId))) throw ERRORS.notFound('kho lưu trữ');
      if (await repo.findRoomByCode(tx, input.repositoryId, input.code)) throw taken('phòng kho', input.code);
      const created = await repo.insertRoom(tx, { ...input, areaM2: input.areaM2 ?? null });
      await recordEvent(tx, actor, { entityType: 'room', entityId: created.id, action: 'room.created', after: created, at: deps.clock() });
      return created;
    });
  }

  /** A shelf unit (giá) with N shelves (tầng) numbered 1..N, all of the same capacity. */
  async function createShelfUnit(actor: Actor, input: { roomId: number; code: string; shelves: number; capacityM: number; ordinal?: number }) {
    return deps.db.transaction(async (tx) => {
      if (!(await repo.findRoom(tx, input.roomId))) throw ERRORS.notFound('phòng kho');
      if (await repo.findUnitByCode(tx, input.roomId, input.code)) throw taken('giá', input.code);
      const ordinal = input.ordinal ?? (await repo.nextUnitOrdinal(tx, input.roomId));
      const unit = await repo.insertUnit(tx, { roomId: input.roomId, code: input.code, ordinal });
      for (let i = 1; i <= input.shelves; i++) {
        await repo.insertShelf(tx, { unitId: unit.id, code: String(i), ordinal: i, capacityM: input.capacityM });
      }
      const shelves = (await repo.listShelves(tx)).filter((s) => s.unitId === unit.id).map(shelfView);
      const created = { ...unit, shelves };
      await recordEvent(tx, actor, { entityType: 'shelf_unit', entityId: unit.id, action: 'shelf_unit.created', after: created, at: deps.clock() });
      return created;
    });
  }

  async function updateShelf(actor: Actor, id: number, input: { capacityM: number }) {
    return deps.db.transaction(async (tx) => {
      const [before] = await repo.shelvesByIds(tx, [id]);
      if (!before) throw ERRORS.notFound('giá/tầng');
      if (input.capacityM * 100 + 1e-6 < before.usedCm) {
        throw ERRORS.shelfCapacityBelowUsed(input.capacityM, roundM(before.usedCm / 100));
      }
      await repo.updateShelfCapacity(tx, id, input.capacityM);
      const [after] = await repo.shelvesByIds(tx, [id]);
      await recordEvent(tx, actor, {
        entityType: 'shelf', entityId: id, action: 'shelf.updated', before: { capacityM: before.capacityM }, after: { capacityM: after.capacityM }, at: deps.clock(),
      });
      return shelfView(after);
    });
  }

  async function capacity() {
    const [repositories, rooms, shelves, receipts] = await Promise.all([
      repo.listRepositories(deps.db),
      repo.listRooms(deps.db),
      repo.listShelves(deps.db),
      loadReceipts(deps.db),
    ]);
    const shelvesByRoom = groupBy(shelves, (s) => s.roomId);
    const roomsByRepo = groupBy(rooms, (r) => r.repositoryId);
    const totals = occupancy(shelves);
    const currentYear = vnYear(deps.clock);
    const intake = intakeRate(receipts, currentYear);
    return {
      currentYear,
      totals,
      repositories: repositories.map((p) => {
        const repoRooms = (roomsByRepo.get(p.id) ?? []).map((r) => ({
          id: r.id, code: r.code, name: r.name, ...occupancy(shelvesByRoom.get(r.id) ?? []),
        }));
        return { id: p.id, code: p.code, name: p.name, ...occupancy(shelves.filter((s) => s.repositoryId === p.id)), rooms: repoRooms };
      }),
      intake,
      forecast: forecastFull(totals.freeM, intake.metresPerYear, currentYear),
    };
  }

  return { tree, createRepository, createRoom, createShelfUnit, updateShelf, capacity };
}
