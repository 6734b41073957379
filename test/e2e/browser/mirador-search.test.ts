/**
 * Mirador 4 from its npm package (the UMD bundle in dist/), on a page of another origin served by this test, opens
 * the manifest of a really scanned and OCR'd file from the running app (IIIF_PUBLIC=true, no login), searches inside
 * it through the Content Search service the manifest declares, lists the hits and draws their boxes on the page.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { sharp } from '../../../ocr/image/sharp.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive, batch, pagePng, uploadScans } from '../../integration/digitization/digitization-fixtures.js';
import { ARGS, CHROMIUM, shot } from './support/browser.js';

const T = 'mirador-search';
const MIRADOR = path.resolve('node_modules', 'mirador', 'dist', 'mirador.min.js');

/** The viewer page: nothing of the product, only Mirador pointed at the app's manifest. */
function viewerPage(manifestId: string) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Mirador</title>
<style>html,body{margin:0;height:100%}#m{position:absolute;inset:0}</style></head>
<body><div id="m"></div><script src="/mirador.min.js"></script>
<script>window.viewer = Mirador.viewer({ id: 'm', window: { allowClose: false }, workspaceControlPanel: { enabled: false },
  windows: [{ manifestId: ${JSON.stringify(manifestId)}, thumbnailNavigationPosition: 'off' }] });</script></body></html>`;
}

/** Pixels of the viewer's drawing area in Mirador's hit colours: #00BFFF for hits, #FFFF00 for the selected one. */
async function hitPixels(canvas: Locator) {
  const { data, info } = await sharp(await canvas.screenshot()).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    const blue = r < 150 && g > 190 && b > 230 && b - r > 100;
    const yellow = r > 230 && g > 230 && b < 190;
    if (blue || yellow) n++;
  }
  return n;
}

describe('Mirador 4 searches inside a manifest', () => {
  let t: TestApp;
  let site: http.Server;
  let siteUrl: string;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let manifestId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ IIIF_PUBLIC: 'true' }, undefined, { jobs: true });
    const { fileIds } = await archive(t, [{ notation: '12-VP', title: 'Hồ sơ thành lập tỉnh Hưng Yên' }]);
    const staff = await t.as('archivist');
    const b = await batch(staff, fileIds[0]!);
    const up = await uploadScans(staff, b, [
      { name: 'trang-1.png', data: await pagePng(['ỦY BAN NHÂN DÂN', 'TỈNH HƯNG YÊN', 'Quyết định năm 1997']) },
      { name: 'trang-2.png', data: await pagePng(['BÁO CÁO TỔNG KẾT', 'Lưu trữ tỉnh Hưng Yên']) },
    ]);
    expect(up.status).toBe(201);
    await t.drainJobs({ timeoutMs: 170_000 });
    manifestId = `${t.baseUrl}/api/iiif/3/file-${fileIds[0]}/manifest.json`;
    const mirador = fs.readFileSync(MIRADOR);
    site = http.createServer((req, res) => {
      if (req.url === '/mirador.min.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(mirador);
      else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(viewerPage(manifestId));
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    // Another port is another origin: every fetch Mirador makes to the app is cross-origin and relies on CORS.
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-mirador-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: false, args: ARGS, viewport: { width: 1360, height: 900 } });
    context.setDefaultTimeout(20_000);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 240_000);
  afterAll(async () => {
    await context?.close().catch(() => {});
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    await new Promise((r) => site?.close(r));
    await t?.close();
  });

  it('when the OCR text holds the words, then the app itself answers them (so the viewer has something to find)', async () => {
    const r = await t.anonymous().get(`/api/iiif/search/1/file-${manifestId.match(/file-(\d+)/)![1]}?q=hung+yen`);
    expect(r.status).toBe(200);
    expect(r.body.hits.length).toBeGreaterThanOrEqual(2);
  });

  it('when a reader on another origin searches "hung yen" in Mirador, then the hits are listed and boxed on the page', async () => {
    await page.goto(siteUrl + '/');
    const canvas = page.locator('.openseadragon-canvas').first();
    await canvas.waitFor();
    // The page image is drawn (tiles from the app's image service, cross-origin) before any search.
    await expect.poll(async () => page.evaluate(() => {
      const s = (window as any).viewer.store.getState();
      return Object.values(s.manifests).some((m: any) => m.json && !m.error);
    }), { timeout: 30_000 }).toBe(true);
    expect(await hitPixels(canvas)).toBe(0);

    await page.getByRole('button', { name: 'Toggle sidebar' }).click();
    await page.getByRole('tab', { name: 'Search' }).click();
    const input = page.getByRole('combobox', { name: 'search terms' }).or(page.getByLabel('search terms')).first();
    await input.fill('hung yen');
    await input.press('Enter');

    const hits = page.locator('[class*="SearchHit-root"], li:has-text("Hưng")');
    await expect.poll(() => hits.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const state = await page.evaluate(() => {
      const s = (window as any).viewer.store.getState();
      const results = Object.values(s.searches).flatMap((w: any) => Object.values(w)).flatMap((c: any) => Object.values(c.data ?? {}));
      return results.map((r: any) => ({ hits: r.json?.hits?.length ?? 0, on: (r.json?.resources ?? []).map((a: any) => a.on) }));
    });
    expect(state.some((r) => r.hits >= 2)).toBe(true);
    expect(state.flatMap((r) => r.on).every((on: string) => /\/canvas\/\d+#xywh=\d+,\d+,\d+,\d+$/.test(on))).toBe(true);
    // The boxes are drawn over the page: hit-coloured pixels appear in the viewer's canvas, where none were before.
    await expect.poll(() => hitPixels(canvas), { timeout: 20_000 }).toBeGreaterThan(50);
    await shot(page, T, '01-hits');
    expect(pageErrors).toEqual([]);
  });
});
