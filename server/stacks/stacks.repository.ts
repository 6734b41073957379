/** SQL for the stacks layout: repository (kho) → room → shelf unit (giá) → shelf (tầng), with occupancy. */
import { one, type Queryable } from '../db/db.js';

export interface RepositoryRow { id: number; code: string; name: string; address: string | null }
export interface RoomRow { id: number; repositoryId: number; code: string; name: string; areaM2: number | null }
export interface UnitRow { id: number; roomId: number; code: string; ordinal: number }

/** One shelf with where it stands and how full it is. Used width = Σ (box's own width, else its type's). */
export interface ShelfRow {
  shelfId: number;
  code: string;
  ordinal: number;
  capacityM: number;
  usedCm: number;
  boxes: number;
  maxPosition: number;
  unitId: number;
  unitCode: string;
  unitOrdinal: number;
  roomId: number;
  roomCode: string;
  roomName: string;
  repositoryId: number;
  repositoryCode: string;
  repositoryName: string;
}

/** "Kho A / Phòng 101 / Giá 03 / Tầng 2": what staff write on a request slip. */
export function shelfLabel(s: Pick<ShelfRow, 'repositoryName' | 'roomName' | 'unitCode' | 'code'>): string {
  return `${s.repositoryName} / ${s.roomName} / Giá ${s.unitCode} / Tầng ${s.code}`;
}

// Codes sort byte-wise (COLLATE "C") so PostgreSQL and PGlite, whose default collations differ, agree.
const SHELF_SELECT = `
  SELECT s.id AS "shelfId", s.code, s.ordinal, s.capacity_m AS "capacityM",
         COALESCE(o.used_cm, 0)::float8 AS "usedCm", COALESCE(o.n, 0)::int AS boxes, COALESCE(o.max_pos, 0)::int AS "maxPosition",
         u.id AS "unitId", u.code AS "unitCode", u.ordinal AS "unitOrdinal",
         r.id AS "roomId", r.code AS "roomCode", r.name AS "roomName",
         p.id AS "repositoryId", p.code AS "repositoryCode", p.name AS "repositoryName"
    FROM shelves s
    JOIN shelf_units u ON u.id = s.shelf_unit_id
    JOIN rooms r ON r.id = u.room_id
    JOIN repositories p ON p.id = r.repository_id
    LEFT JOIN (
      SELECT b.shelf_id, sum(COALESCE(b.width_cm, bt.width_cm)) AS used_cm, count(*) AS n, max(b.position) AS max_pos
        FROM boxes b JOIN box_types bt ON bt.id = b.box_type_id
       WHERE b.shelf_id IS NOT NULL
       GROUP BY b.shelf_id
    ) o ON o.shelf_id = s.id`;
const SHELF_ORDER = `ORDER BY p.code COLLATE "C", p.id, r.code COLLATE "C", r.id, u.ordinal, u.id, s.ordinal, s.id`;

/** Every shelf in placement order (repository, room, unit ordinal, shelf ordinal). */
export function listShelves(db: Queryable): Promise<ShelfRow[]> {
  return db.query<ShelfRow>(`${SHELF_SELECT} ${SHELF_ORDER}`);
}

export function shelvesByIds(db: Queryable, ids: number[]): Promise<ShelfRow[]> {
  return db.query<ShelfRow>(`${SHELF_SELECT} WHERE s.id = ANY($1::int[]) ${SHELF_ORDER}`, [ids]);
}

/** The shelves of one shelf unit or of every unit in a room, in placement order. */
export function shelvesIn(db: Queryable, where: { unitId: number } | { roomId: number }): Promise<ShelfRow[]> {
  const [column, id] = 'unitId' in where ? ['u.id', where.unitId] : ['r.id', where.roomId];
  return db.query<ShelfRow>(`${SHELF_SELECT} WHERE ${column} = $1 ${SHELF_ORDER}`, [id]);
}

export function listRepositories(db: Queryable): Promise<RepositoryRow[]> {
  return db.query<RepositoryRow>(`SELECT id, code, name, address FROM repositories ORDER BY code COLLATE "C", id`);
}

export function listRooms(db: Queryable): Promise<RoomRow[]> {
  return db.query<RoomRow>(
    `SELECT id, repository_id AS "repositoryId", code, name, area_m2 AS "areaM2" FROM rooms ORDER BY code COLLATE "C", id`,
  );
}

export function listUnits(db: Queryable): Promise<UnitRow[]> {
  return db.query<UnitRow>(`SELECT id, room_id AS "roomId", code, ordinal FROM shelf_units ORDER BY ordinal, id`);
}

export function findRepository(db: Queryable, id: number) {
  return one<RepositoryRow>(db, `SELECT id, code, name, address FROM repositories WHERE id = $1`, [id]);
}

export function findRepositoryByCode(db: Queryable, code: string) {
  return one<RepositoryRow>(db, `SELECT id, code, name, address FROM repositories WHERE lower(code) = lower($1)`, [code]);
}

export async function insertRepository(db: Queryable, r: Omit<RepositoryRow, 'id'>): Promise<RepositoryRow> {
  const [row] = await db.query<RepositoryRow>(
    `INSERT INTO repositories (code, name, address) VALUES ($1, $2, $3) RETURNING id, code, name, address`,
    [r.code, r.name, r.address],
  );
  return row;
}

export function findRoom(db: Queryable, id: number) {
  return one<RoomRow>(db, `SELECT id, repository_id AS "repositoryId", code, name, area_m2 AS "areaM2" FROM rooms WHERE id = $1`, [id]);
}

export function findRoomByCode(db: Queryable, repositoryId: number, code: string) {
  return one<{ id: number }>(db, `SELECT id FROM rooms WHERE repository_id = $1 AND lower(code) = lower($2)`, [repositoryId, code]);
}

export async function insertRoom(db: Queryable, r: Omit<RoomRow, 'id'>): Promise<RoomRow> {
  const [row] = await db.query<RoomRow>(
    `INSERT INTO rooms (repository_id, code, name, area_m2) VALUES ($1, $2, $3, $4)
     RETURNING id, repository_id AS "repositoryId", code, name, area_m2 AS "areaM2"`,
    [r.repositoryId, r.code, r.name, r.areaM2],
  );
  return row;
}

export function findUnitByCode(db: Queryable, roomId: number, code: string) {
  return one<{ id: number }>(db, `SELECT id FROM shelf_units WHERE room_id = $1 AND lower(code) = lower($2)`, [roomId, code]);
}

export async function nextUnitOrdinal(db: Queryable, roomId: number): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT (COALESCE(max(ordinal), 0) + 1)::int AS n FROM shelf_units WHERE room_id = $1`, [roomId]);
  return r.n;
}

export async function insertUnit(db: Queryable, u: Omit<UnitRow, 'id'>): Promise<UnitRow> {
  const [row] = await db.query<UnitRow>(
    `INSERT INTO shelf_units (room_id, code, ordinal) VALUES ($1, $2, $3) RETURNING id, room_id AS "roomId", code, ordinal`,
    [u.roomId, u.code, u.ordinal],
  );
  return row;
}

export async function insertShelf(db: Queryable, s: { unitId: number; code: string; ordinal: number; capacityM: number }): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO shelves (shelf_unit_id, code, ordinal, capacity_m) VALUES ($1, $2, $3, $4) RETURNING id`,
    [s.unitId, s.code, s.ordinal, s.capacityM],
  );
  return row.id;
}

export async function updateShelfCapacity(db: Queryable, id: number, capacityM: number): Promise<void> {
  await db.query(`UPDATE shelves SET capacity_m = $2 WHERE id = $1`, [id, capacityM]);
}
