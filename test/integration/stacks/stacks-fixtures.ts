/** Small factories for stacks tests. Handovers and files are written in SQL: only their rows matter here. */
import type { Actor } from '../../../server/core/actor.js';
import type { HttpClient } from '../../support/http-client.js';
import type { TestApp } from '../../support/test-app.js';

export const STAFF_ACTOR: Actor = { id: 0, username: 'kiemthu', displayName: 'Người kiểm thử', role: 'archivist', agencyId: null };

export async function agency(t: TestApp, code: string, name = `Cơ quan ${code}`): Promise<number> {
  const [a] = await t.db.query<{ id: number }>(`INSERT INTO source_agencies (code, name, level) VALUES ($1, $2, 'province') RETURNING id`, [code, name]);
  return a.id;
}

export async function handover(t: TestApp, agencyId: number, title = 'Tài liệu nộp lưu'): Promise<number> {
  const [h] = await t.db.query<{ id: number }>(`INSERT INTO handovers (agency_id, title, status) VALUES ($1, $2, 'approved') RETURNING id`, [agencyId, title]);
  return h.id;
}

export async function recordFile(t: TestApp, f: { agencyId: number; handoverId: number; rowNo: number; notation: string; code?: string; boxNo: string; title?: string }) {
  await t.db.query(
    `INSERT INTO record_files (agency_id, handover_id, row_no, file_notation, file_code, title, end_date, retention, permanent, box_no, due_rule)
     VALUES ($1, $2, $3, $4, $5, $6, '2010-12-31', 'Vĩnh viễn', true, $7, 'law2011_art21')`,
    [f.agencyId, f.handoverId, f.rowNo, f.notation, f.code ?? null, f.title ?? `Hồ sơ ${f.notation}`, f.boxNo],
  );
}

export interface Unit { id: number; shelves: number[] }

/** A repository, one room and its shelf units, all through the HTTP API. */
export async function layout(
  c: HttpClient,
  spec: { repo: string; room: string; units: { code: string; shelves: number; capacityM: number }[]; repositoryId?: number },
): Promise<{ repositoryId: number; roomId: number; units: Unit[] }> {
  let repositoryId = spec.repositoryId;
  if (!repositoryId) {
    const r = await c.post('/api/stacks/repositories', { code: spec.repo, name: `Kho ${spec.repo}` });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    repositoryId = r.body.id as number;
  }
  const room = await c.post('/api/stacks/rooms', { repositoryId, code: spec.room, name: `Phòng ${spec.room}` });
  if (room.status !== 201) throw new Error(JSON.stringify(room.body));
  const units: Unit[] = [];
  for (const u of spec.units) {
    const r = await c.post('/api/stacks/shelf-units', { roomId: room.body.id, ...u });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    units.push({ id: r.body.id, shelves: r.body.shelves.map((s: { id: number }) => s.id) });
  }
  return { repositoryId, roomId: room.body.id, units };
}

export const boxNos = (n: number, from = 1) => Array.from({ length: n }, (_, i) => String(from + i));

/** Runs the receipt-time placement as the handover service will: inside a transaction. */
export function place(t: TestApp, input: { handoverId: number; agencyId: number; boxes: number | string[]; boxTypeId?: number | null; shelfIds?: number[] }) {
  return t.db.transaction((tx) =>
    t.services.stacks.placeHandoverBoxes(tx, STAFF_ACTOR, {
      handoverId: input.handoverId,
      agencyId: input.agencyId,
      fondsId: null,
      boxNos: typeof input.boxes === 'number' ? boxNos(input.boxes) : input.boxes,
      boxTypeId: input.boxTypeId ?? null,
      shelfIds: input.shelfIds,
    }),
  );
}
