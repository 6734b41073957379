/** Shared set-up for the handover tests: an agency with its fonds, a yearly plan, shelves, and temp files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { inventoryRows, writeInventoryXlsx, type InventoryRow } from '../../support/inventory-factory.js';

export interface World {
  dir: string;
  staff: HttpClient;
  agencyId: number;
  agencyCode: string;
  fondsId: number;
  otherAgencyId: number;
  planId: number;
  shelfIds: number[];
}

let seq = 0;

/** Other areas' records (agencies, fonds, plans, shelves) are inserted directly: these tests are about handovers. */
export async function seedWorld(t: TestApp, opts: { shelves?: number; shelfCapacityM?: number } = {}): Promise<World> {
  const n = ++seq;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-handover-'));
  const staff = await t.as('archivist');
  const code = `STC${n}`;
  const [a] = await t.db.query<{ id: number }>(
    `INSERT INTO source_agencies (code, name, level) VALUES ($1, $2, 'province') RETURNING id`,
    [code, `Sở Tài chính tỉnh Hưng Yên ${n}`],
  );
  const [b] = await t.db.query<{ id: number }>(
    `INSERT INTO source_agencies (code, name, level) VALUES ($1, 'Sở Xây dựng tỉnh Hưng Yên', 'province') RETURNING id`,
    [`SXD${n}`],
  );
  const [f] = await t.db.query<{ id: number }>(
    `INSERT INTO fonds (code, name, agency_id) VALUES ($1, $2, $3) RETURNING id`,
    [`P${n}.07`, `Phông Sở Tài chính tỉnh Hưng Yên ${n}`, a.id],
  );
  const [p] = await t.db.query<{ id: number }>(
    `INSERT INTO collection_plans (year, decision_no, decision_date, records_to_year, handover_plan_no)
     VALUES (2026, $1, '2026-03-03', 2011, '15/KH-SNV') RETURNING id`,
    [`${600 + n}/QĐ-UBND`],
  );
  await t.db.query(`INSERT INTO collection_plan_agencies (plan_id, agency_id, scheduled_month) VALUES ($1, $2, 6)`, [p.id, a.id]);
  const [repo] = await t.db.query<{ id: number }>(`INSERT INTO repositories (code, name) VALUES ($1, 'Kho A') RETURNING id`, [`KHO${n}`]);
  const [room] = await t.db.query<{ id: number }>(`INSERT INTO rooms (repository_id, code, name) VALUES ($1, '101', 'Phòng 101') RETURNING id`, [repo.id]);
  const [unit] = await t.db.query<{ id: number }>(`INSERT INTO shelf_units (room_id, code, ordinal) VALUES ($1, '03', 1) RETURNING id`, [room.id]);
  const shelfIds: number[] = [];
  for (let s = 1; s <= (opts.shelves ?? 4); s++) {
    const [sh] = await t.db.query<{ id: number }>(
      `INSERT INTO shelves (shelf_unit_id, code, ordinal, capacity_m) VALUES ($1, $2, $3, $4) RETURNING id`,
      [unit.id, String(s), s, opts.shelfCapacityM ?? 1],
    );
    shelfIds.push(sh.id);
  }
  return { dir, staff, agencyId: a.id, agencyCode: code, fondsId: f.id, otherAgencyId: b.id, planId: p.id, shelfIds };
}

export async function newHandover(w: World, client: HttpClient = w.staff, extra: Record<string, unknown> = {}) {
  const r = await client.post('/api/handovers', {
    agencyId: w.agencyId,
    fondsId: w.fondsId,
    planId: w.planId,
    title: 'Giao nộp tài liệu Sở Tài chính giai đoạn 2005–2009',
    inventoryNo: 1,
    ...extra,
  });
  if (r.status !== 201) throw new Error(`create handover: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: number; [k: string]: any };
}

export async function uploadRows(w: World, id: number, rows: InventoryRow[], client: HttpClient = w.staff, name = `muc-luc-${++seq}.xlsx`) {
  const file = await writeInventoryXlsx(path.join(w.dir, name), rows);
  return client.upload(`/api/handovers/${id}/inventory`, 'file', file);
}

/** A handover taken through upload, submit, appraisal and approval, ready to receive. */
export async function approvedHandover(w: World, rows: InventoryRow[] = inventoryRows(45, { filesPerBox: 10 }), extra: Record<string, unknown> = {}) {
  const h = await newHandover(w, w.staff, extra);
  const up = await uploadRows(w, h.id, rows);
  if (up.status !== 200) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
  for (const [url, body] of [
    [`/api/handovers/${h.id}/submit`, {}],
    [`/api/handovers/${h.id}/appraise`, { summary: 'Đạt yêu cầu', comments: [] }],
    [`/api/handovers/${h.id}/approve`, { approvalDecision: 'Quyết định số 45/QĐ-SNV ngày 10/6/2026 của Sở Nội vụ' }],
  ] as const) {
    const r = await w.staff.post(url, body);
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return h;
}

export const receiptBody = (over: Record<string, unknown> = {}) => ({
  handoverDate: '2026-11-20',
  physicalCondition: 'Tài liệu còn tốt; một số tờ bị ố vàng',
  deliveringName: 'Nguyễn Văn An',
  deliveringPosition: 'Chánh Văn phòng Sở Tài chính',
  receivingName: 'Trần Thị Bình',
  receivingPosition: 'Trưởng phòng Thu thập, bổ sung tài liệu',
  discrepancies: [],
  ...over,
});

export async function countRows(t: TestApp, handoverId: number): Promise<number> {
  const [r] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM record_files WHERE handover_id = $1`, [handoverId]);
  return r.n;
}

export async function countEvents(t: TestApp, action: string, entityId: number): Promise<number> {
  const [r] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE action = $1 AND entity_id = $2`, [action, String(entityId)]);
  return r.n;
}
