/**
 * Chromium through playwright-core against the real app started in-process with startTestApp().
 * Every suite gets a fresh profile directory, and screenshots land in test-artifacts/screenshots/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp, type TestAppOptions } from '../../../support/test-app.js';
import { SYSTEM } from '../../../../server/core/actor.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SHOTS = path.resolve('test-artifacts', 'screenshots');
const CLIENT_INDEX = path.resolve('client', 'dist', 'index.html');

export interface BrowserEnv {
  t: TestApp;
  /** http://localhost:<port>: the session cookie is set for this host, as a user would browse. */
  base: string;
  context: BrowserContext;
  page: Page;
  /** Errors thrown in the page (uncaught exceptions): a test ends by checking there were none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** The browser's own settings; by default a Vietnamese browser in Vietnam. */
export interface BrowserOptions {
  locale?: string;
  timezoneId?: string;
}

export async function openBrowser(opts: TestAppOptions = {}, browser: BrowserOptions = {}): Promise<BrowserEnv> {
  if (!fs.existsSync(CLIENT_INDEX)) throw new Error('client/dist is missing: run "npm run test:browser" (it builds the client first)');
  const t = await startTestApp({}, undefined, opts);
  const base = t.baseUrl.replace('127.0.0.1', 'localhost');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kho-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    // The flags above carry --headless themselves, so Playwright must not add its own set.
    headless: false,
    args: ARGS,
    viewport: { width: 1360, height: 900 },
    locale: browser.locale ?? 'vi-VN',
    timezoneId: browser.timezoneId,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // A Content-Security-Policy violation is only a console error, yet it means part of the page did not load or run.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) pageErrors.push(m.text());
  });
  return {
    t,
    base,
    context,
    page,
    pageErrors,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
      await t.close();
    },
  };
}

export async function shot(page: Page, test: string, step: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  // The top bar is sticky: scrolled pages would show it mid-way through a full-page capture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${test}-${step}.png`), fullPage: true });
}

export async function login(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(base + '/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  // The session cookie arrives with the login response: a navigation started before it would abort the request.
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await answered;
}

/** Signs out through the header button and waits until the server has dropped the session and the form is back. */
export async function logout(page: Page): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/logout') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await answered;
  await page.getByLabel('Tên đăng nhập').waitFor();
}

export const PASSWORD = 'mat-khau-thu-nghiem';

/** A user created directly through the auth service (the way the app's first admin is created). */
export async function createUser(t: TestApp, username: string, role: 'admin' | 'archivist' | 'agency' | 'researcher', agencyId: number | null = null) {
  await t.auth.createUser(SYSTEM, { username, displayName: `Người dùng ${username}`, password: PASSWORD, role, agencyId });
}

/** Waits (in a hook, where expect.poll is not available) until every page has its derivatives and OCR. */
export async function pagesProcessed(env: BrowserEnv) {
  for (let i = 0; i < 240; i++) {
    const rows = await env.t.db.query<{ d: string; o: string }>(`SELECT derivatives_status AS d, ocr_status AS o FROM pages`);
    if (rows.length && rows.every((r) => r.d === 'done' && r.o === 'done')) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('pages were not processed in 2 minutes');
}
