import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { inventoryRows } from '../../support/inventory-factory.js';
import { approvedHandover, receiptBody, seedWorld, type World } from '../handover/fixture.js';
import { agency, handover, layout, place, recordFile } from '../stacks/stacks-fixtures.js';
import { decodeSymbols, pdfPages, pdfTextPages } from './pdf-tools.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp({ CENTRE_NAME: 'Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên' });
  w = await seedWorld(t, { shelves: 3, shelfCapacityM: 0.5 });
});
afterAll(() => t?.close());

/** A handover of 45 files in 5 boxes (10 a box), received with file 12 missing. */
async function receivedHandover() {
  const h = await approvedHandover(w, inventoryRows(45, { filesPerBox: 10 }));
  const r = await w.staff.post(`/api/handovers/${h.id}/receive`, receiptBody({
    discrepancies: [{ kind: 'missing', rowNo: 12, description: 'Không có trong hộp' }],
    shelfIds: w.shelfIds,
  }));
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return h.id as number;
}

async function pdf(url: string) {
  const r = await w.staff.get(url);
  expect(r.status, r.buffer.toString('utf8').slice(0, 300)).toBe(200);
  expect(r.headers.get('content-type')).toBe('application/pdf');
  expect(r.headers.get('content-disposition')).toMatch(/attachment; .*\.pdf/);
  return r.buffer;
}

describe('box labels (nhãn hộp)', () => {
  it('when a received handover’s labels are printed, then each box has one A4 label with its fonds, inventory, box number, files and years, and its barcode scans back to the box code', async () => {
    const id = await receivedHandover();
    const body = await pdf(`/api/stacks/labels.pdf?handoverId=${id}`);
    expect(await pdfPages(body)).toBe(1); // 5 labels, 6 to a page
    const [page] = await pdfTextPages(body);
    expect(page.match(/Hộp số/g)).toHaveLength(5);
    expect(page).toContain('TRUNG TÂM LƯU TRỮ LỊCH SỬ TỈNH HƯNG YÊN');
    expect(page).toMatch(/Phông: P\d+\.07 — Phông Sở Tài chính tỉnh Hưng Yên \d+/);
    expect(page.match(/Mục lục số: 1/g)).toHaveLength(5);
    // Box 2 holds files 11–20 but 12 went missing at receipt: 9 files.
    expect(page).toContain('Từ hồ sơ số: 11-');
    expect(page).toMatch(/Đến hồ sơ số: 20-\S+ \(9 hồ sơ\)/);
    expect(page).toContain('Thời gian: 2005 - 2009');
    const codes = (await decodeSymbols(body, 1)).sort();
    expect(codes).toEqual([1, 2, 3, 4, 5].map((n) => `CODE-128:H-${id}-${n}`).sort());
  });

  it('when a box number has Vietnamese letters, then its label carries a QR code that scans back to the exact code', async () => {
    const ag = await agency(t, 'LBL1', 'Sở Văn hóa');
    const h = await handover(t, ag);
    await recordFile(t, { agencyId: ag, handoverId: h, rowNo: 1, notation: 'ĐT-01', boxNo: 'Đặc biệt' });
    const [box] = (await place(t, { handoverId: h, agencyId: ag, boxes: ['Đặc biệt'] })).boxes;
    const body = await pdf(`/api/stacks/labels.pdf?boxId=${box.id}`);
    const [page] = await pdfTextPages(body);
    expect(page).toContain('Đặc biệt');
    expect(page).toContain('Phông: Phông Sở Văn hóa');
    expect(await decodeSymbols(body, 1)).toEqual([`QR-Code:H-${h}-Đặc biệt`]);
  });

  it('when labels are asked for without exactly one of handover, shelf, unit or box, or for nothing, then 4xx with a Vietnamese message', async () => {
    expect((await w.staff.get('/api/stacks/labels.pdf')).status).toBe(400);
    expect((await w.staff.get('/api/stacks/labels.pdf?shelfId=1&boxId=1')).status).toBe(400);
    const none = await w.staff.get('/api/stacks/labels.pdf?handoverId=999999');
    expect(none.status).toBe(404);
    expect(none.body.error).toMatchObject({ code: 'NOTHING_TO_PRINT', message: expect.stringContaining('hộp') });
    expect((await (await t.as('agency', { agencyId: w.agencyId })).get('/api/stacks/labels.pdf?boxId=1')).status).toBe(403);
  });
});

describe('shelf list (danh mục giá)', () => {
  it('when a shelf unit’s list is printed, then every shelf appears in order with each box’s fonds, inventory and file range, empty shelves marked', async () => {
    const c = await startTestApp();
    try {
      const s = await c.as('archivist');
      const { units, roomId } = await layout(s, { repo: 'B', room: '201', units: [{ code: '07', shelves: 3, capacityM: 0.2 }] });
      const ag = await agency(c, 'DMG', 'Sở Giáo dục');
      const h = await handover(c, ag);
      for (let i = 1; i <= 3; i++) await recordFile(c, { agencyId: ag, handoverId: h, rowNo: i, notation: `0${i}/GD`, boxNo: i === 3 ? '2' : '1' });
      await place(c, { handoverId: h, agencyId: ag, boxes: ['1', '2'], shelfIds: [units[0].shelves[0]] });
      const r = await s.get(`/api/stacks/shelf-units/${units[0].id}/shelf-list.pdf`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/pdf');
      const text = (await pdfTextPages(r.buffer)).join('\n');
      expect(text).toContain('DANH MỤC HỘP TRÊN GIÁ');
      expect(text).toContain('Kho B — Phòng 201 — Giá 07');
      expect(text).toContain('Kho B / Phòng 201 / Giá 07 / Tầng 1 — 2 hộp (0,20/0,20 m)');
      expect(text).toContain('Kho B / Phòng 201 / Giá 07 / Tầng 2 — trống');
      expect(text).toContain('Kho B / Phòng 201 / Giá 07 / Tầng 3 — trống');
      expect(text).toMatch(new RegExp(`H-${h}-1\\s+1\\s+Phông Sở Giáo dục\\s+—\\s+01/GD – 02/GD\\s+2\\s+2010`));
      expect(text).toMatch(new RegExp(`H-${h}-2\\s+2\\s+Phông Sở Giáo dục\\s+—\\s+03/GD\\s+1\\s+2010`));
      expect(text).toContain('Tổng cộng: 3 tầng giá, 2 hộp, 3 hồ sơ.');

      const room = await s.get(`/api/stacks/rooms/${roomId}/shelf-list.pdf`);
      expect(room.status).toBe(200);
      expect((await pdfTextPages(room.buffer)).join('\n')).toContain('Kho B — Phòng 201\n');
      expect((await s.get('/api/stacks/shelf-units/999999/shelf-list.pdf')).status).toBe(404);
    } finally {
      await c.close();
    }
  });
});

describe('inventory with locations', () => {
  it('when a received handover’s inventory is printed, then every file shows its code, its box and its shelf, and the missing file says so', async () => {
    const id = await receivedHandover();
    const body = await pdf(`/api/stacks/handovers/${id}/inventory.pdf`);
    const text = (await pdfTextPages(body)).join('\n');
    expect(await pdfPages(body)).toBeGreaterThanOrEqual(2); // 45 rows with wrapped titles
    expect(text).toContain('MỤC LỤC HỒ SƠ, TÀI LIỆU KÈM VỊ TRÍ TRONG KHO');
    expect(text).toContain('Mục lục số: 1');
    expect(text).toMatch(/01-\S+\s+P\d+\.07\.1\.01-\S+\s+Tập văn bản về/);
    expect(text).toContain('Kho A / Phòng');
    expect(text).toMatch(/^\s*12\s+12-\S+\s+—\s+Tập văn bản.*Thiếu khi giao/m);
    expect(text).toContain('Tổng cộng: 45 hồ sơ trong mục lục, 44 hồ sơ đã xếp lên giá.');
  });

  it('when the handover is not received yet, then 409 with a Vietnamese message', async () => {
    const h = await approvedHandover(w, inventoryRows(3));
    const r = await w.staff.get(`/api/stacks/handovers/${h.id}/inventory.pdf`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('HANDOVER_NOT_RECEIVED');
  });
});
