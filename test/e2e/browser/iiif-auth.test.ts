/**
 * IIIF Authorization Flow 2.0 in Chromium, from a page of another origin. The page is a minimal spec client
 * (support/iiif-auth-client.html): probe → access service window (sign in, allow) → the window closes itself → token
 * service in an iframe (postMessage) → probe, manifest and image tiles with the bearer token. A reader with a grant
 * sees the restricted document's page; a reader without one does not; the secret document's page never appears.
 *
 * Three placements of the viewer, because browsers treat the token service's iframe differently:
 * - another port on 127.0.0.1: other origin, same site — the access cookie is a first-party cookie there;
 * - another site (page on 127.0.0.1, app on localhost) in a browser that allows third-party cookies;
 * - another site with Chromium's default settings, which block third-party cookies: the token service cannot see
 *   the consent, answers missingAspect, and nothing opens. This is the known limit of cookie-based Auth 2 flows.
 * COOKIE_SECURE=true makes the access cookie `SameSite=None; Secure`, what a cross-site iframe needs; Chromium accepts
 * Secure cookies from http://localhost and http://127.0.0.1 (potentially trustworthy origins), as it would over HTTPS.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { agency, document, page as scanPage, recordFile } from '../../integration/search/search-factory.js';
import { withBlobs } from '../../integration/iiif/iiif-fixtures.js';
import { ARGS, CHROMIUM, shot } from './support/browser.js';

const T = 'iiif-auth';
const CLIENT = fs.readFileSync(path.resolve('test/e2e/browser/support/iiif-auth-client.html'));
const PASSWORD = 'mat-khau-thu-nghiem';

describe('IIIF Auth 2 from another site in Chromium', () => {
  let t: TestApp;
  let site: http.Server;
  let siteUrl: string;
  const ids = { file: 0, openPage: 0, closedPage: 0, secretPage: 0 };

  beforeAll(async () => {
    const siteServer = http.createServer((req, res) => {
      if (req.url?.startsWith('/?')) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(CLIENT);
      else res.writeHead(404).end();
    });
    site = siteServer;
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    // IIIF_PUBLIC: the outside page must be able to read the manifest of the open file to find its probe at all.
    t = await startTestApp({ IIIF_PUBLIC: 'true', IIIF_AUTH_ORIGINS: siteUrl, COOKIE_SECURE: 'true' });
    const a = await agency(t.db, 'Sở Tư pháp', 'P11');
    ids.file = await recordFile(t.db, { ...a, title: 'Hồ sơ hộ tịch xã Tân Hòa' });
    ids.openPage = await scanPage(t.db, ids.file, 'Sổ đăng ký khai sinh');
    const closed = await document(t.db, ids.file, { subject: 'Trích lục cải chính', accessLevel: 'restricted' });
    ids.closedPage = await scanPage(t.db, ids.file, 'Trích lục cải chính', { documentId: closed });
    const secret = await document(t.db, ids.file, { subject: 'Công văn mật', secrecy: 'mat' });
    ids.secretPage = await scanPage(t.db, ids.file, 'Công văn mật', { documentId: secret });
    for (const id of [ids.openPage, ids.closedPage, ids.secretPage]) await withBlobs(t, id);
    for (const [username, grant] of [['doc-gia-co-quyen', true], ['doc-gia-khong-quyen', false]] as const) {
      const u = await t.auth.createUser({ kind: 'system', reason: 'test' }, { username, displayName: `Độc giả ${username}`, password: PASSWORD, role: 'researcher' });
      if (grant) await t.db.query(`INSERT INTO access_grants (user_id, record_file_id, note) VALUES ($1, $2, 'Phiếu yêu cầu đã duyệt')`, [u.id, ids.file]);
    }
  }, 120_000);
  afterAll(async () => {
    await new Promise((r) => site?.close(r));
    await t?.close();
  });

  /** One reader's whole flow in a fresh browser profile; returns what the outside page saw. */
  async function runFlow(username: string, step: string, where: { crossSite: boolean; thirdPartyCookies?: boolean }) {
    const appBase = where.crossSite ? t.baseUrl.replace('127.0.0.1', 'localhost') : t.baseUrl;
    // A regular profile, as a reader's browser: an off-the-record context (browser.newContext) blocks every
    // third-party cookie, like an incognito window, and then no cross-site token service can work (see the README).
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-iiif-auth-'));
    if (where.thirdPartyCookies) {
      // The reader's setting "Allow third-party cookies" (chrome://settings/cookies), as the profile stores it.
      fs.mkdirSync(path.join(profile, 'Default'));
      fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
    }
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: false, args: ARGS, viewport: { width: 1100, height: 800 }, locale: 'vi-VN',
    });
    context.setDefaultTimeout(20_000);
    const errors: string[] = [];
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (e) => errors.push(e.message));
      const manifest = `${appBase}/api/iiif/3/file-${ids.file}/manifest.json`;
      await page.goto(`${siteUrl}/?manifest=${encodeURIComponent(manifest)}`);
      const before = await page.evaluate(() => (window as any).iiifClient.start());
      const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Đăng nhập Kho Lưu trữ' }).click()]);
      popup.on('pageerror', (e) => errors.push(`popup: ${e.message}`));
      await popup.getByText(new URL(siteUrl).origin).first().waitFor();
      await popup.getByLabel('Tên đăng nhập').fill(username);
      await popup.getByLabel('Mật khẩu').fill(PASSWORD);
      await shot(popup, T, `${step}-access-window`);
      await Promise.all([popup.waitForEvent('close', { timeout: 20_000 }), popup.getByRole('button', { name: /Đăng nhập và cho phép/ }).click()]);
      const after = await page.evaluate(() => (window as any).iiifClient.finished);
      const tileWithToken = (id: number) =>
        page.evaluate((u) => (window as any).iiifClient.tile(u, (window as any).iiifClient.state.token), `${appBase}/api/iiif/3/page-${id}/full/300,/0/default.jpg`);
      const secretTile = await tileWithToken(ids.secretPage);
      const closedTile = await tileWithToken(ids.closedPage);
      await shot(page, T, `${step}-viewer`);
      const canvas = (id: number) => `${appBase}/api/iiif/3/file-${ids.file}/canvas/${id}`;
      return { before, after, secretTile, closedTile, errors, canvas };
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }

  for (const where of [{ name: 'same site, other port', crossSite: false }, { name: 'other site, third-party cookies allowed', crossSite: true, thirdPartyCookies: true }]) {
    describe(where.name, () => {
      it('when a reader with a grant logs in through the access window, then the outside page gets a token and sees the restricted page, never the secret one', async () => {
        const r = await runFlow('doc-gia-co-quyen', `${where.crossSite ? 'cross' : 'same'}-01-granted`, where);
        expect(r.before.canvases).toEqual([r.canvas(ids.openPage)]);
        expect(r.before.probe.status).toBe(401);
        expect(r.before.probe.heading.vi[0]).toBe('Cần đăng nhập để xem');
        expect(r.after.tokenError).toBeUndefined();
        expect(r.after.probe).toBe(200);
        expect(r.after.canvases).toEqual([r.canvas(ids.openPage), r.canvas(ids.closedPage)]);
        expect(r.after.tiles.map((x: { status: number; width: number }) => [x.status, x.width])).toEqual([[200, 300], [200, 300]]);
        expect(r.closedTile.status).toBe(200);
        expect(r.secretTile.status).toBe(404);
        expect(r.errors).toEqual([]);
      });

      it('when a reader without a grant does the same, then the token opens nothing more than the public sees', async () => {
        const r = await runFlow('doc-gia-khong-quyen', `${where.crossSite ? 'cross' : 'same'}-02-not-granted`, where);
        expect(r.after.tokenError).toBeUndefined();
        expect(r.after.probe).toBe(403);
        expect(r.after.canvases).toEqual([r.canvas(ids.openPage)]);
        expect(r.after.tiles.map((x: { status: number }) => x.status)).toEqual([200]);
        // The restricted page's tile by id, with this reader's token: as absent as for the public.
        expect(r.closedTile.status).toBe(404);
        expect(r.secretTile.status).toBe(404);
        expect(r.errors).toEqual([]);
      });
    });
  }

  it('when the viewer is on another site and the browser blocks third-party cookies (Chromium default), then the token service sees no consent and nothing opens', async () => {
    const r = await runFlow('doc-gia-co-quyen', 'cross-03-blocked', { crossSite: true });
    expect(r.before.probe.status).toBe(401);
    expect(r.after.tokenError).toBe('missingAspect');
    expect(r.closedTile.status).toBe(404);
    expect(r.errors).toEqual([]);
  });
});
