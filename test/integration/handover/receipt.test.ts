import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { inventoryRows, writeInventoryCsv } from '../../support/inventory-factory.js';
import { approvedHandover, countEvents, newHandover, receiptBody, seedWorld, uploadRows, type World } from './fixture.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await seedWorld(t);
});
afterAll(() => t?.close());

const discrepancies = [
  { kind: 'missing', rowNo: 3, description: 'Không có hồ sơ trong hộp 1' },
  { kind: 'missing', rowNo: 44, fileNotation: '44-TĐKT', description: 'Không tìm thấy' },
  { kind: 'extra', fileNotation: 'BS-01', description: 'Tập công văn đi năm 2008 không có trong mục lục' },
  { kind: 'damaged', rowNo: 5, description: 'Bị mốc, dính bết một phần' },
];

describe('receipt', () => {
  let id: number;
  let fondsCode: string;

  it('when an approved handover is received with discrepancies, then counts reconcile, boxes are shelved, files are coded and the plan is done', async () => {
    // Files the agency's register still lists: the receipt must take them off it (row 3 stays: it is missing).
    const register = writeInventoryCsv(path.join(w.dir, 'so-dang-ky.csv'), inventoryRows(3));
    expect((await w.staff.upload(`/api/agencies/${w.agencyId}/files/import`, 'file', register)).status).toBe(200);

    const h = await approvedHandover(w, inventoryRows(45, { filesPerBox: 10 }));
    id = h.id;
    fondsCode = h.fondsCode;
    const r = await w.staff.post(`/api/handovers/${id}/receive`, receiptBody({ measuredMetres: 0.6, discrepancies, attachments: 'Danh mục tài liệu hạn chế sử dụng' }));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'received', locked: true, handoverDate: '2026-11-20', measuredMetres: 0.6, receivedAt: expect.any(String),
      deliveringName: 'Nguyễn Văn An', receivingName: 'Trần Thị Bình', attachments: 'Danh mục tài liệu hạn chế sử dụng',
      counts: { filesListed: 45, filesMissing: 2, filesExtra: 1, filesDamaged: 1, filesReceived: 44 },
    });

    const [ev] = await t.db.query<{ data: any }>(`SELECT data FROM events WHERE action = 'handover.received' AND entity_id = $1`, [String(id)]);
    expect(ev.data).toEqual({
      agencyId: w.agencyId, fondsId: w.fondsId, filesListed: 45, filesReceived: 44, filesMissing: 2, filesExtra: 1, filesDamaged: 1,
      boxes: 5, metresEstimated: 0.5, metresMeasured: 0.6, handoverDate: '2026-11-20',
    });

    const files = await t.db.query<{ rowNo: number; received: boolean; boxNo: string | null; fileCode: string | null }>(
      `SELECT rf.row_no AS "rowNo", rf.received_at IS NOT NULL AS received, b.box_no AS "boxNo", rf.file_code AS "fileCode"
         FROM record_files rf LEFT JOIN boxes b ON b.id = rf.box_id WHERE rf.handover_id = $1 ORDER BY rf.row_no`,
      [id],
    );
    expect(files.filter((f) => f.received)).toHaveLength(43);
    expect(files.find((f) => f.rowNo === 3)).toEqual({ rowNo: 3, received: false, boxNo: null, fileCode: null });
    expect(files.find((f) => f.rowNo === 12)).toEqual({ rowNo: 12, received: true, boxNo: '2', fileCode: `${fondsCode}.1.12-TĐKT` });

    const boxes = await t.db.query<{ boxNo: string; shelfId: number }>(`SELECT box_no AS "boxNo", shelf_id AS "shelfId" FROM boxes WHERE handover_id = $1 ORDER BY box_no`, [id]);
    expect(boxes.map((b) => b.boxNo)).toEqual(['1', '2', '3', '4', '5']);
    expect(boxes.every((b) => w.shelfIds.includes(b.shelfId))).toBe(true);

    // The inventory as the handover page shows it: each file's code, its box and where the box stands.
    const inv = await w.staff.get(`/api/handovers/${id}/inventory?limit=50`);
    expect(inv.status, JSON.stringify(inv.body)).toBe(200);
    const row = (n: number) => inv.body.items.find((x: { rowNo: number }) => x.rowNo === n);
    const [box2] = await t.db.query<{ code: string; shelf: string }>(
      `SELECT b.code, s.code AS shelf FROM boxes b JOIN shelves s ON s.id = b.shelf_id WHERE b.handover_id = $1 AND b.box_no = '2'`, [id],
    );
    expect(row(12)).toMatchObject({ fileCode: `${fondsCode}.1.12-TĐKT`, boxCode: box2.code, location: `Kho A / Phòng 101 / Giá 03 / Tầng ${box2.shelf}` });
    expect(row(3)).toMatchObject({ fileCode: null, boxCode: null, location: null });

    const [{ status }] = await t.db.query<{ status: string }>(`SELECT status FROM collection_plan_agencies WHERE plan_id = $1 AND agency_id = $2`, [w.planId, w.agencyId]);
    expect(status).toBe('received');
    const left = await t.db.query<{ n: string }>(`SELECT file_notation AS n FROM record_files WHERE agency_id = $1 AND handover_id IS NULL`, [w.agencyId]);
    expect(left).toEqual([{ n: '03-TCCB' }]);

    const d = await w.staff.get(`/api/handovers/${id}/discrepancies`);
    expect(d.body.reconciliation).toEqual({ filesListed: 45, filesMissing: 2, filesExtra: 1, filesDamaged: 1, filesReceived: 44 });
    expect(d.body.items.map((x: any) => [x.kind, x.rowNo, x.fileNotation])).toEqual([
      ['missing', 3, '03-TCCB'], ['missing', 44, '44-TĐKT'], ['damaged', 5, '05-XD'], ['extra', null, 'BS-01'],
    ]);
  });

  it('when a received handover is written to, then every write answers 409 HANDOVER_LOCKED', async () => {
    const writes = [
      () => w.staff.patch(`/api/handovers/${id}`, { place: 'Hưng Yên' }),
      () => uploadRows(w, id, inventoryRows(3)),
      () => w.staff.post(`/api/handovers/${id}/submit`),
      () => w.staff.post(`/api/handovers/${id}/return`, { reason: 'Sửa' }),
      () => w.staff.post(`/api/handovers/${id}/appraise`, { summary: 'x', comments: [] }),
      () => w.staff.post(`/api/handovers/${id}/approve`, { approvalDecision: 'x' }),
      () => w.staff.post(`/api/handovers/${id}/receive`, receiptBody()),
    ];
    for (const write of writes) {
      const r = await write();
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('HANDOVER_LOCKED');
    }
    expect(await countEvents(t, 'handover.received', id)).toBe(1);
  });

  it('when a received record is amended, then the change is applied and audited with before, after and reason', async () => {
    const title = await w.staff.post(`/api/handovers/${id}/amendments`, { rowNo: 7, field: 'title', value: 'Tập văn bản về quản lý đất đai (đính chính)', reason: 'Sai trích yếu' });
    expect(title.status).toBe(201);
    expect(title.body).toMatchObject({ rowNo: 7, field: 'title', before: 'Tập văn bản về tổng kết công tác năm tỉnh Hưng Yên năm 2006', after: 'Tập văn bản về quản lý đất đai (đính chính)' });
    const metres = await w.staff.post(`/api/handovers/${id}/amendments`, { field: 'measuredMetres', value: 0.65, reason: 'Đo lại' });
    expect(metres.body).toMatchObject({ rowNo: null, before: 0.6, after: 0.65 });
    const box = await w.staff.post(`/api/handovers/${id}/amendments`, { rowNo: 1, field: 'boxNo', value: 2, reason: 'Hồ sơ nằm ở hộp 2' });
    expect(box.body).toMatchObject({ before: '1', after: '2' });
    const [{ boxNo }] = await t.db.query<{ boxNo: string }>(`SELECT b.box_no AS "boxNo" FROM record_files rf JOIN boxes b ON b.id = rf.box_id WHERE rf.handover_id = $1 AND rf.row_no = 1`, [id]);
    expect(boxNo).toBe('2');

    const got = await w.staff.get(`/api/handovers/${id}`);
    expect(got.body.measuredMetres).toBe(0.65);
    const list = await w.staff.get(`/api/handovers/${id}/amendments`);
    expect(list.body.items.map((a: any) => [a.field, a.reason])).toEqual([['title', 'Sai trích yếu'], ['measuredMetres', 'Đo lại'], ['boxNo', 'Hồ sơ nằm ở hộp 2']]);
    const events = await t.db.query<{ before: any; after: any; data: any }>(`SELECT before, after, data FROM events WHERE action = 'handover.amended' AND entity_id = $1 ORDER BY id`, [String(id)]);
    expect(events[1]).toEqual({ before: { measuredMetres: 0.6 }, after: { measuredMetres: 0.65 }, data: { amendmentId: expect.any(Number), rowNo: null, field: 'measuredMetres', reason: 'Đo lại' } });
  });

  it('when an amendment is not allowed, then 400 and nothing changes', async () => {
    const noReason = await w.staff.post(`/api/handovers/${id}/amendments`, { rowNo: 7, field: 'title', value: 'X' });
    expect(noReason.status).toBe(400);
    const field = await w.staff.post(`/api/handovers/${id}/amendments`, { rowNo: 7, field: 'fileNotation', value: 'X', reason: 'r' });
    expect(field.status).toBe(400);
    const recordField = await w.staff.post(`/api/handovers/${id}/amendments`, { field: 'title', value: 'X', reason: 'r' });
    expect(recordField.body.error.code).toBe('AMENDMENT_INVALID');
    const sheets = await w.staff.post(`/api/handovers/${id}/amendments`, { rowNo: 7, field: 'sheets', value: -1, reason: 'r' });
    expect(sheets.body.error.code).toBe('AMENDMENT_INVALID');
    const box = await w.staff.post(`/api/handovers/${id}/amendments`, { rowNo: 7, field: 'boxNo', value: '99', reason: 'r' });
    expect(box.body.error.code).toBe('BOX_NOT_IN_HANDOVER');
    const row = await w.staff.post(`/api/handovers/${id}/amendments`, { rowNo: 999, field: 'notes', value: 'x', reason: 'r' });
    expect(row.body.error.code).toBe('ROW_NOT_FOUND');
    expect((await w.staff.get(`/api/handovers/${id}/amendments`)).body.items).toHaveLength(3);
    const draft = await newHandover(w);
    const early = await w.staff.post(`/api/handovers/${draft.id}/amendments`, { field: 'attachments', value: 'x', reason: 'r' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('HANDOVER_NOT_RECEIVED');
  });

  it('when discrepancies do not reconcile with the inventory, then 400 DISCREPANCIES_INVALID lists each and nothing is received', async () => {
    const h = await approvedHandover(w, inventoryRows(10, { filesPerBox: 5 }));
    const r = await w.staff.post(`/api/handovers/${h.id}/receive`, receiptBody({
      discrepancies: [
        { kind: 'missing', rowNo: 2, description: 'Thiếu' },
        { kind: 'damaged', rowNo: 2, description: 'Hỏng' },
        { kind: 'missing', rowNo: 11, description: 'Không có trong mục lục' },
        { kind: 'missing', description: 'Không ghi số' },
        { kind: 'extra', rowNo: 4, description: 'Thừa mà có số' },
        { kind: 'extra', fileNotation: '06-ttr', description: 'Thực ra có trong mục lục' },
        { kind: 'damaged', rowNo: 7, fileNotation: '99-X', description: 'Sai số ký hiệu' },
      ],
    }));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('DISCREPANCIES_INVALID');
    expect(r.body.error.details.problems.map((p: any) => p.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.body.error.details.problems[0].message).toContain('vừa thiếu vừa hư hỏng');
    const got = await w.staff.get(`/api/handovers/${h.id}`);
    expect(got.body).toMatchObject({ status: 'approved', counts: null });
    expect(await t.db.query(`SELECT id FROM boxes WHERE handover_id = $1`, [h.id])).toEqual([]);
  });

  it('when the handover date is in the future, then 400 HANDOVER_DATE_INVALID', async () => {
    const h = await approvedHandover(w, inventoryRows(3));
    const r = await w.staff.post(`/api/handovers/${h.id}/receive`, receiptBody({ handoverDate: '2026-12-01' }));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('HANDOVER_DATE_INVALID');
  });

  it('when there is no fonds and no inventory number, then file codes use the agency code and the end year, and chosen shelves are used', async () => {
    const h = await approvedHandover(w, inventoryRows(4, { filesPerBox: 2, fromYear: 2008, years: 1 }), { fondsId: null, inventoryNo: null });
    const r = await w.staff.post(`/api/handovers/${h.id}/receive`, receiptBody({ shelfIds: [w.shelfIds[3]] }));
    expect(r.status).toBe(200);
    expect(r.body.counts).toEqual({ filesListed: 4, filesMissing: 0, filesExtra: 0, filesDamaged: 0, filesReceived: 4 });
    const codes = await t.db.query<{ c: string }>(`SELECT file_code AS c FROM record_files WHERE handover_id = $1 ORDER BY row_no LIMIT 1`, [h.id]);
    expect(codes[0].c).toBe(`${w.agencyCode}.2008.01-TC`);
    const shelves = await t.db.query<{ s: number }>(`SELECT DISTINCT shelf_id AS s FROM boxes WHERE handover_id = $1`, [h.id]);
    expect(shelves).toEqual([{ s: w.shelfIds[3] }]);
  });
});

describe('receipt when the stacks are full', () => {
  it('when the boxes do not fit on the shelves, then 409 STACKS_FULL and the handover stays approved with nothing shelved', async () => {
    const t2 = await startTestApp();
    try {
      const small = await seedWorld(t2, { shelves: 1, shelfCapacityM: 0.2 });
      const h = await approvedHandover(small, inventoryRows(30, { filesPerBox: 10 }));
      const r = await small.staff.post(`/api/handovers/${h.id}/receive`, receiptBody());
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('STACKS_FULL');
      expect((await small.staff.get(`/api/handovers/${h.id}`)).body.status).toBe('approved');
      expect(await t2.db.query(`SELECT id FROM boxes`)).toEqual([]);
      expect(await t2.db.query(`SELECT id FROM record_files WHERE received_at IS NOT NULL`)).toEqual([]);
      expect(await t2.db.query(`SELECT id FROM events WHERE action = 'handover.received'`)).toEqual([]);
    } finally {
      await t2.close();
    }
  });
});
