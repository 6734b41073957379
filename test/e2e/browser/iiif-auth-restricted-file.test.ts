/**
 * IIIF Auth 2 for a whole restricted file in Chromium (issue 13). The outside page (the spec client in
 * support/iiif-auth-client.html, on another port of 127.0.0.1: other origin, same site) opens the file's manifest,
 * which for the public is the placeholder: canvases with probes, no content. A reader with a grant runs the flow and
 * the page shows the file's pages; a reader without one gets a 403 probe, no tiles, and the probe's substitute image.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { agency, document as scanDocument, page as scanPage, recordFile } from '../../integration/search/search-factory.js';
import { withBlobs } from '../../integration/iiif/iiif-fixtures.js';
import { ARGS, CHROMIUM, shot } from './support/browser.js';

const T = 'iiif-auth-restricted-file';
const CLIENT = fs.readFileSync(path.resolve('test/e2e/browser/support/iiif-auth-client.html'));
const PASSWORD = 'mat-khau-thu-nghiem';

describe('IIIF Auth 2: a whole restricted file from another origin in Chromium', () => {
  let t: TestApp;
  let site: http.Server;
  let siteUrl: string;
  const ids = { file: 0, pages: [] as number[], secretPage: 0 };

  beforeAll(async () => {
    site = http.createServer((req, res) => {
      if (req.url?.startsWith('/?')) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(CLIENT);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    t = await startTestApp({ IIIF_PUBLIC: 'true', IIIF_AUTH_ORIGINS: siteUrl, COOKIE_SECURE: 'true' });
    const a = await agency(t.db, 'Sở Tư pháp', 'P14');
    ids.file = await recordFile(t.db, { ...a, title: 'Hồ sơ nhận con nuôi xã Tân Hòa', notation: 'HS-CN-14', accessLevel: 'restricted' });
    // Received into the archive: the fonds' finding aid lists it (restricted), so its placeholder may exist.
    await t.db.query(`UPDATE record_files SET received_at = '2020-06-01T03:00:00Z' WHERE id = $1`, [ids.file]);
    ids.pages.push(await scanPage(t.db, ids.file, 'Đơn xin nhận con nuôi'));
    ids.pages.push(await scanPage(t.db, ids.file, 'Biên bản xác minh'));
    const secret = await scanDocument(t.db, ids.file, { subject: 'Công văn mật', secrecy: 'mat' });
    ids.secretPage = await scanPage(t.db, ids.file, 'Công văn mật', { documentId: secret });
    for (const id of [...ids.pages, ids.secretPage]) await withBlobs(t, id);
    for (const [username, grant] of [['doc-gia-co-quyen', true], ['doc-gia-khong-quyen', false]] as const) {
      const u = await t.auth.createUser({ kind: 'system', reason: 'test' }, { username, displayName: `Độc giả ${username}`, password: PASSWORD, role: 'researcher' });
      if (grant) await t.db.query(`INSERT INTO access_grants (user_id, record_file_id, note) VALUES ($1, $2, 'Phiếu yêu cầu đã duyệt')`, [u.id, ids.file]);
    }
  }, 120_000);
  afterAll(async () => {
    await new Promise((r) => site?.close(r));
    await t?.close();
  });

  async function runFlow(username: string, step: string) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-iiif-auth-file-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: false, args: ARGS, viewport: { width: 1100, height: 800 }, locale: 'vi-VN',
    });
    context.setDefaultTimeout(20_000);
    const errors: string[] = [];
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (e) => errors.push(e.message));
      const manifest = `${t.baseUrl}/api/iiif/3/file-${ids.file}/manifest.json`;
      await page.goto(`${siteUrl}/?manifest=${encodeURIComponent(manifest)}`);
      const before = await page.evaluate(() => (window as any).iiifClient.start());
      // What the outside page can fetch before any login: the first canvas's image through its image service.
      const publicTile = await page.evaluate((u) => (window as any).iiifClient.tile(u, null), `${t.baseUrl}/api/iiif/3/page-${ids.pages[0]}/full/300,/0/default.jpg`);
      const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Đăng nhập Kho Lưu trữ' }).click()]);
      popup.on('pageerror', (e) => errors.push(`popup: ${e.message}`));
      await popup.getByLabel('Tên đăng nhập').fill(username);
      await popup.getByLabel('Mật khẩu').fill(PASSWORD);
      await Promise.all([popup.waitForEvent('close', { timeout: 20_000 }), popup.getByRole('button', { name: /Đăng nhập và cho phép/ }).click()]);
      const after = await page.evaluate(() => (window as any).iiifClient.finished);
      // A client shows the probe's substitute where it may not show the page (Auth 2 §probe: substitute).
      const probe = await page.evaluate((u) => (window as any).iiifClient.probe(u).then((r: { body: unknown }) => r.body), `${t.baseUrl}/api/iiif/auth/probe/page-${ids.pages[0]}`);
      const substitute = probe.substitute?.[0]?.id
        ? await page.evaluate(async (src: string) => {
            // Fetched like the client fetches tiles (CORS, no credentials), then drawn from the blob: an <img src> of
            // the app's URL would carry the same-site session cookie, which gets helmet's same-origin CORP.
            const blob = await (await fetch(src)).blob();
            const img = document.createElement('img');
            img.alt = 'substitute';
            img.src = URL.createObjectURL(blob);
            document.getElementById('images')!.appendChild(img);
            await img.decode();
            return { width: img.naturalWidth, height: img.naturalHeight };
          }, probe.substitute[0].id)
        : null;
      await shot(page, T, `${step}-viewer`);
      const imgCount = await page.locator('#images img').count();
      const canvas = (id: number) => `${t.baseUrl}/api/iiif/3/file-${ids.file}/canvas/${id}`;
      return { before, publicTile, after, probe, substitute, imgCount, errors, canvas };
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }

  it('when a reader with a grant runs the flow from the placeholder, then the outside page shows the file\'s pages, never the secret one', async () => {
    const r = await runFlow('doc-gia-co-quyen', '01-granted');
    expect(r.before.canvases).toEqual(ids.pages.map(r.canvas));
    expect(r.before.probe.status).toBe(401);
    expect(r.publicTile.status).toBe(404);
    expect(r.after.tokenError).toBeUndefined();
    expect(r.after.probe).toBe(200);
    expect(r.after.canvases).toEqual(ids.pages.map(r.canvas));
    expect(r.after.tiles.map((x: { status: number; width: number }) => [x.status, x.width])).toEqual([[200, 300], [200, 300]]);
    expect(r.probe.status).toBe(200);
    expect(r.substitute).toBeNull();
    expect(r.imgCount).toBe(2);
    expect(r.errors).toEqual([]);
  });

  it('when a reader without a grant runs the same flow, then the probe says 403, no page image loads and the substitute is shown', async () => {
    const r = await runFlow('doc-gia-khong-quyen', '02-not-granted');
    expect(r.before.canvases).toEqual(ids.pages.map(r.canvas));
    expect(r.after.tokenError).toBeUndefined();
    expect(r.after.probe).toBe(403);
    // Still the placeholder for this reader: the same canvases, whose images answer 404 even with the token.
    expect(r.after.canvases).toEqual(ids.pages.map(r.canvas));
    expect(r.after.tiles.map((x: { status: number }) => x.status)).toEqual([404, 404]);
    expect(r.probe.status).toBe(403);
    expect(r.probe.heading.vi[0]).toBe('Không có quyền xem');
    expect(r.substitute!.width).toBeGreaterThan(0);
    expect(r.imgCount).toBe(1);
    expect(r.errors).toEqual([]);
  });
});
