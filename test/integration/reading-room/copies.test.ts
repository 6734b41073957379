/**
 * Copy orders: the state machine (quote → awaiting payment → paid → copying → awaiting signature → delivered, cancel
 * before copying), fees from the settings on quote and receipt, the certification register's yearly numbers and
 * certification page, the watermarked copy of digitised pages, and the register refusing DELETE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { pdfPages, pdfTextPages } from '../print/pdf-tools.js';
import { withBlobs } from '../iiif/iiif-fixtures.js';
import { page } from '../search/search-factory.js';
import { approvedRequest, reader, shelvedFiles } from './circulation-fixtures.js';

let t: TestApp;
let staff: HttpClient;

beforeAll(async () => {
  t = await startTestApp({ COPY_FEE_PER_PAGE: '1500', COPY_FEE_PER_CERTIFICATION: '30000' });
  staff = await t.as('archivist', { username: 'phong.doc' });
}, 60_000);
afterAll(async () => t?.close());

const go = (id: number, to: string, extra: Record<string, unknown> = {}) => staff.post(`/api/reading-room/copy-orders/${id}/transition`, { to, ...extra });

async function digitisedFile(pages: number) {
  const s = await shelvedFiles(t, 1);
  for (let i = 1; i <= pages; i++) await withBlobs(t, await page(t.db, s.fileIds[0]!, `Trang ${i} của hồ sơ đê điều.`));
  return s.fileIds[0]!;
}

describe('certified copy', () => {
  it('when an order runs from quote to delivery, then fees, receipt, register number and certification page are right', async () => {
    const fileId = await digitisedFile(3);
    const rd = await reader(t, 'Ngô Thị Chứng Thực');
    const req = await approvedRequest(t, rd, [fileId], { kind: 'certified_copy', serveAs: 'digital', pageFrom: 2, pageTo: 3 });

    const q = await staff.post('/api/reading-room/copy-orders', { requestId: req.requestId });
    expect(q.status, JSON.stringify(q.body)).toBe(201);
    expect(q.body).toMatchObject({ status: 'quote', certified: true, pages: 2, certifications: 1, feePerPage: 1500, feePerCertification: 30000, currency: 'VND', totalFee: 33000, receiptNo: null });
    const dup = await staff.post('/api/reading-room/copy-orders', { requestId: req.requestId });
    expect(dup.body.error.code).toBe('COPY_ORDER_EXISTS');

    const skip = await go(q.body.id, 'paid', { receiptNo: 'BL-001' });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe('COPY_TRANSITION_INVALID');
    expect(skip.body.error.message).toBe('Không thể chuyển đơn sao từ "Báo giá" sang "Đã thanh toán".');
    expect((await staff.get(`/api/reading-room/copy-orders/${q.body.id}`)).body.status).toBe('quote');

    expect((await go(q.body.id, 'awaiting_payment')).status).toBe(200);
    const noReceipt = await go(q.body.id, 'paid');
    expect(noReceipt.body.error.code).toBe('COPY_RECEIPT_REQUIRED');
    const paid = await go(q.body.id, 'paid', { receiptNo: 'BL-2026-0001' });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', receiptNo: 'BL-2026-0001', totalFee: 33000 });
    expect((await go(q.body.id, 'copying')).status).toBe(200);
    expect((await go(q.body.id, 'cancelled')).body.error.code).toBe('COPY_TRANSITION_INVALID');
    expect((await go(q.body.id, 'delivered')).body.error.code).toBe('COPY_TRANSITION_INVALID');

    const sign = await go(q.body.id, 'awaiting_signature');
    expect(sign.status, JSON.stringify(sign.body)).toBe(200);
    expect(sign.body).toMatchObject({ status: 'awaiting_signature', certificationYear: 2026, certificationNumber: 1, hasCopy: true });

    const cert = await staff.get(`/api/reading-room/copy-orders/${q.body.id}/certificate.pdf`);
    expect(cert.status).toBe(200);
    const text = (await pdfTextPages(cert.buffer)).join('\n');
    expect(text).toContain('Số chứng thực: 1/2026');
    expect(text).toContain('Ngô Thị Chứng Thực');
    expect(text).toContain('CHỨNG THỰC BẢN SAO TÀI LIỆU LƯU TRỮ');
    expect(text).toContain('trang 2–3');
    const copy = await staff.get(`/api/reading-room/copy-orders/${q.body.id}/copy.pdf`);
    expect(copy.status).toBe(200);
    expect(await pdfPages(copy.buffer)).toBe(2);

    const done = await go(q.body.id, 'delivered', { note: 'Trả tận tay' });
    expect(done.body.status).toBe('delivered');
    const detail = await staff.get(`/api/reading-room/copy-orders/${q.body.id}`);
    expect(detail.body.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['quote', 'awaiting_payment', 'paid', 'copying', 'awaiting_signature', 'delivered']);
    expect(detail.body.events.every((e: { actorName: string }) => e.actorName === 'Người dùng phong.doc')).toBe(true);
    expect(detail.body.next).toEqual([]);

    const reg = await staff.get('/api/reading-room/certification-register?year=2026');
    expect(reg.body.items).toEqual([expect.objectContaining({ number: 1, copyOrderId: q.body.id, readerName: 'Ngô Thị Chứng Thực', pages: 2 })]);

    // The next certified copy of the year takes the next number; the register keeps every row.
    const req2 = await approvedRequest(t, rd, [fileId], { kind: 'certified_copy', serveAs: 'digital' });
    const q2 = (await staff.post('/api/reading-room/copy-orders', { requestId: req2.requestId })).body;
    expect(q2.pages).toBe(3);
    for (const [to, extra] of [['awaiting_payment', {}], ['paid', { receiptNo: 'BL-2026-0002' }], ['copying', {}], ['awaiting_signature', {}]] as const) {
      expect((await go(q2.id, to, extra)).status).toBe(200);
    }
    expect((await staff.get(`/api/reading-room/copy-orders/${q2.id}`)).body.certificationNumber).toBe(2);
    const receiptAgain = await approvedRequest(t, rd, [fileId], { kind: 'certified_copy', serveAs: 'digital' });
    const q3 = (await staff.post('/api/reading-room/copy-orders', { requestId: receiptAgain.requestId })).body;
    await go(q3.id, 'awaiting_payment');
    expect((await go(q3.id, 'paid', { receiptNo: 'BL-2026-0002' })).body.error.code).toBe('COPY_RECEIPT_TAKEN');

    await expect(t.db.query('DELETE FROM certification_register WHERE number = 1')).rejects.toThrow();
    await expect(t.db.query('TRUNCATE certification_register')).rejects.toThrow();
    expect((await t.db.query('SELECT count(*)::int AS n FROM certification_register'))[0]).toEqual({ n: 2 });
  });
});

describe('plain copy and cancelling', () => {
  it('when paper is copied, then staff give the page count and the order goes from copying straight to delivered', async () => {
    const s = await shelvedFiles(t, 1);
    const req = await approvedRequest(t, await reader(t, 'Lý Văn Sao'), s.fileIds, { kind: 'copy' });
    const none = await staff.post('/api/reading-room/copy-orders', { requestId: req.requestId });
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('COPY_PAGES_OUT_OF_RANGE');
    const q = await staff.post('/api/reading-room/copy-orders', { requestId: req.requestId, pages: 12 });
    expect(q.body).toMatchObject({ certified: false, pages: 12, certifications: 0, totalFee: 18000 });
    await go(q.body.id, 'awaiting_payment');
    await go(q.body.id, 'paid', { receiptNo: 'BL-PAPER-1' });
    await go(q.body.id, 'copying');
    expect((await go(q.body.id, 'awaiting_signature')).body.error.code).toBe('COPY_TRANSITION_INVALID');
    const d = await go(q.body.id, 'delivered');
    expect(d.body).toMatchObject({ status: 'delivered', hasCopy: false, certificationNumber: null });
    expect((await staff.get(`/api/reading-room/copy-orders/${q.body.id}/copy.pdf`)).body.error.code).toBe('COPY_FILE_MISSING');
  });

  it('when an order is cancelled before copying, then it stays cancelled and a new quote may be made', async () => {
    const s = await shelvedFiles(t, 1);
    const req = await approvedRequest(t, await reader(t, 'Mai Thị Hủy'), s.fileIds, { kind: 'copy' });
    const q = (await staff.post('/api/reading-room/copy-orders', { requestId: req.requestId, pages: 3 })).body;
    await go(q.id, 'awaiting_payment');
    expect((await go(q.id, 'cancelled', { note: 'Độc giả không lấy nữa' })).body.status).toBe('cancelled');
    expect((await go(q.id, 'awaiting_payment')).body.error.code).toBe('COPY_TRANSITION_INVALID');
    expect((await staff.post('/api/reading-room/copy-orders', { requestId: req.requestId, pages: 3 })).status).toBe(201);
  });

  it('when the request is a read slip or not approved, then no copy order is made', async () => {
    const s = await shelvedFiles(t, 1);
    const rd = await reader(t, 'Tạ Văn Đọc');
    const read = await approvedRequest(t, rd, s.fileIds);
    expect((await staff.post('/api/reading-room/copy-orders', { requestId: read.requestId, pages: 1 })).body.error.code).toBe('REQUEST_KIND_MISMATCH');
    const copy = await approvedRequest(t, rd, s.fileIds, { kind: 'copy' });
    await t.db.query(`UPDATE access_requests SET status = 'refused' WHERE id = $1`, [copy.requestId]);
    expect((await staff.post('/api/reading-room/copy-orders', { requestId: copy.requestId, pages: 1 })).body.error.code).toBe('REQUEST_NOT_APPROVED');
    expect((await staff.post('/api/reading-room/copy-orders', { requestId: copy.requestId, pages: 0 })).status).toBe(400);
    expect((await (await t.as('researcher')).get('/api/reading-room/copy-orders')).status).toBe(403);
  });

  it('when a researcher lists their copy orders, then they see their own only', async () => {
    const mineUser = await t.as('researcher', { username: 'docgia.sao' });
    const [u] = await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'docgia.sao'`);
    const s = await shelvedFiles(t, 1);
    const own = await approvedRequest(t, await reader(t, 'Hà Thị Của Tôi', u!.id), s.fileIds, { kind: 'copy' });
    const q = (await staff.post('/api/reading-room/copy-orders', { requestId: own.requestId, pages: 2 })).body;
    const r = await mineUser.get('/api/reading-room/copy-orders/mine');
    expect(r.status).toBe(200);
    expect(r.body.items.map((o: { id: number }) => o.id)).toEqual([q.id]);
    expect(r.body.items[0]).toMatchObject({ readerName: 'Hà Thị Của Tôi', totalFee: 3000, status: 'quote' });
    expect((await (await t.as('researcher')).get('/api/reading-room/copy-orders/mine')).body.items).toEqual([]);
  });

  it('when a digital copy is delivered, then its reader downloads it and nobody else can, nor before delivery', async () => {
    const fileId = await digitisedFile(2);
    const owner = await t.as('researcher', { username: 'docgia.banso' });
    const [u] = await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'docgia.banso'`);
    const req = await approvedRequest(t, await reader(t, 'Đinh Thị Bản Số', u!.id), [fileId], { kind: 'copy', serveAs: 'digital' });
    const q = (await staff.post('/api/reading-room/copy-orders', { requestId: req.requestId })).body;
    const path = `/api/reading-room/copy-orders/mine/${q.id}/copy.pdf`;
    await go(q.id, 'awaiting_payment');
    await go(q.id, 'paid', { receiptNo: 'BL-BANSO-1' });
    await go(q.id, 'copying');
    const early = await owner.get(path);
    expect([early.status, early.body.error?.code]).toEqual([404, 'COPY_ORDER_NOT_FOUND']);
    expect((await go(q.id, 'delivered')).body.status).toBe('delivered');

    const mine = await owner.get(path);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toContain('application/pdf');
    expect(mine.buffer.equals((await staff.get(`/api/reading-room/copy-orders/${q.id}/copy.pdf`)).buffer)).toBe(true);
    const other = await (await t.as('researcher', { username: 'docgia.khac' })).get(path);
    expect([other.status, other.body.error?.code]).toEqual([404, 'COPY_ORDER_NOT_FOUND']);
  });
});
