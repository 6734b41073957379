/**
 * A reader takes a delivered copy order away as a DIP from "Phiếu của tôi" in a real browser: a scanned page
 * (sharp, OCR), an approved copy request run by staff through the API to delivery, then the reader clicks
 * "Tải gói DIP"; the downloaded ZIP holds the PDF/A and metadata.json naming the reader and the order.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archive, batch, pagePng, uploadScans } from '../../integration/digitization/digitization-fixtures.js';
import { approvedRequest, reader } from '../../integration/reading-room/circulation-fixtures.js';
import { createUser, login, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'reading-room-dip';

describe('a reader downloads a DIP in the browser', () => {
  let env: BrowserEnv;
  let orderId: number;
  let requestNo: number;

  beforeAll(async () => {
    env = await openBrowser({ jobs: true });
    const { t } = env;
    const fileId = (await archive(t, [{ notation: '21/HS-2009', title: 'Hồ sơ cấp phép xây dựng năm 2009' }])).fileIds[0]!;
    const staff = await t.as('archivist', { username: 'kho.dip' });
    expect((await uploadScans(staff, await batch(staff, fileId), [{ name: 'trang.png', data: await pagePng(['GIẤY PHÉP XÂY DỰNG', 'Số 17 năm 2009']) }])).status).toBe(201);
    await t.drainJobs({ timeoutMs: 240_000 });
    await createUser(t, 'docgia.dipweb', 'researcher');
    const [u] = await t.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'docgia.dipweb'`);
    const req = await approvedRequest(t, await reader(t, 'Trần Thị Gói Dip', u!.id), [fileId], { kind: 'copy', serveAs: 'digital' });
    requestNo = req.requestNo;
    const q = await staff.post<{ id: number }>('/api/reading-room/copy-orders', { requestId: req.requestId });
    expect(q.status).toBe(201);
    orderId = q.body.id;
    for (const step of [{ to: 'awaiting_payment' }, { to: 'paid', receiptNo: 'BL-DIPWEB-1' }, { to: 'copying' }, { to: 'delivered' }]) {
      expect((await staff.post(`/api/reading-room/copy-orders/${orderId}/transition`, step)).status).toBe(200);
    }
  }, 300_000);
  afterAll(async () => env?.close());

  it('when the reader clicks "Tải gói DIP" on a delivered order, then the ZIP holds the PDF/A and metadata naming them', async () => {
    const { page, base } = env;
    await login(page, base, 'docgia.dipweb', PASSWORD);
    await page.waitForURL(/\/search/);
    await page.goto(base + '/reading-room/my-requests');
    const order = page.getByTestId(`my-copy-${requestNo}-2026`);
    await order.waitFor();
    expect(await order.getByTestId('my-copy-status').innerText()).toBe('Đã trả bản sao');
    const button = order.getByTestId('my-copy-dip');
    expect(await button.innerText()).toContain('Tải gói DIP');
    await shot(page, T, '1-delivered-order');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
    expect(dl.suggestedFilename()).toMatch(/^DIP-[0-9a-f]{8}\.zip$/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dip-web-'));
    try {
      const file = path.join(dir, 'dip.zip');
      await dl.saveAs(file);
      expect(spawnSync('unzip', ['-q', 'dip.zip'], { cwd: dir }).status).toBe(0);
      expect(fs.readdirSync(dir).sort()).toEqual(['21-HS-2009.pdf', 'dip.zip', 'metadata.json']);
      const md = JSON.parse(fs.readFileSync(path.join(dir, 'metadata.json'), 'utf8'));
      expect(md).toMatchObject({ kind: 'copy_order', copyOrderId: orderId, reader: { name: 'Trần Thị Gói Dip' }, request: { label: `${requestNo}/2026` } });
      expect(fs.readFileSync(path.join(dir, '21-HS-2009.pdf')).includes('<pdfaid:part>2</pdfaid:part>')).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const [row] = await env.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM dips WHERE copy_order_id = $1`, [orderId]);
    expect(row!.n).toBe(1);
    expect(env.pageErrors).toEqual([]);
  }, 240_000);
});
