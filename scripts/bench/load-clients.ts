/**
 * The client side of bench:load: N concurrent loops over one keep-alive undici pool, each picking a request at random
 * (seeded) from the mix a reading room and the archive staff make at once, plus one planner that makes a schedule
 * plan now and then and one scanner that uploads a page now and then (so derivative and OCR jobs compete with requests).
 */
import { FormData, Pool } from 'undici';
import { renderTextPage } from '../../ocr/image/render-text-page.js';
import { prng } from './prng.js';
import type { ServerReady } from './load-server.js';

export type Endpoint = 'search' | 'agencies' | 'deadlines' | 'tiles' | 'login' | 'plan' | 'scan';
export interface Sample { ms: number; ok: boolean }
export type Samples = Record<Endpoint, Sample[]>;

const MIX: [Endpoint, number][] = [['search', 25], ['agencies', 20], ['deadlines', 20], ['tiles', 30], ['login', 5]];
const WORDS = ['biên bản', 'lưu trữ', 'số hóa', 'nội vụ', 'tài liệu', 'hồ sơ', 'kế hoạch', 'quyết định', 'luu tru', 'so hoa', 'tai*', 'ủy ban', '"giao nhận"', 'tu bổ'];
const AGENCY_Q = ['', '', 'sở', 'huyện', 'ủy ban', 'xã', 'thành phố', 'ban'];
const TILE = 512;

export interface Session { cookie: string; csrf: string }

export async function login(pool: Pool, ready: ServerReady): Promise<Session> {
  const res = await pool.request({
    method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json', origin: ready.baseUrl },
    body: JSON.stringify({ username: ready.username, password: ready.password }),
  });
  const body = (await res.body.json()) as { csrfToken: string };
  if (res.statusCode !== 200) throw new Error(`login → ${res.statusCode} ${JSON.stringify(body)}`);
  const set = res.headers['set-cookie'];
  const cookie = (Array.isArray(set) ? set[0] : set)!.split(';')[0];
  return { cookie, csrf: body.csrfToken };
}

/** A tile a viewer would fetch at a random zoom, or (one in three) an arbitrary region, so no cache serves it twice. */
function tilePath(rnd: () => number, p: ServerReady['pages'][number]): string {
  const factors = [1, 2, 4, 8].filter((f) => TILE * f <= Math.max(p.width, p.height) * 2);
  const f = factors[Math.floor(rnd() * factors.length)];
  const span = TILE * f;
  let x: number, y: number;
  if (rnd() < 2 / 3) {
    x = Math.floor((rnd() * p.width) / span) * span;
    y = Math.floor((rnd() * p.height) / span) * span;
  } else {
    x = Math.floor(rnd() * Math.max(1, p.width - span));
    y = Math.floor(rnd() * Math.max(1, p.height - span));
  }
  const w = Math.min(span, p.width - x);
  const h = Math.min(span, p.height - y);
  return `/api/iiif/3/page-${p.id}/${x},${y},${w},${h}/${Math.max(1, Math.ceil(w / f))},/0/default.jpg`;
}

function pathFor(ep: Endpoint, rnd: () => number, ready: ServerReady): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  switch (ep) {
    case 'search':
      return `/api/search?q=${encodeURIComponent(pick(WORDS))}&page=${1 + Math.floor(rnd() * 3)}`;
    case 'agencies': {
      const q = pick(AGENCY_Q);
      return `/api/agencies?limit=50&offset=${Math.floor(rnd() * 4) * 50}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
    }
    case 'deadlines':
      return rnd() < 0.5 || !ready.agencyIds.length
        ? `/api/deadlines/overdue?sort=${pick(['overdueFiles', 'earliestDueYear', 'name', 'code'])}`
        : `/api/agencies/${pick(ready.agencyIds)}/deadlines`;
    case 'tiles':
      return tilePath(rnd, pick(ready.pages));
    default:
      throw new Error(ep);
  }
}

export interface RunOptions { clients: number; seconds: number; planEverySeconds: number; scanEverySeconds: number }

export async function runClients(ready: ServerReady, opts: RunOptions): Promise<{ samples: Samples; seconds: number; failures: string[] }> {
  const pool = new Pool(ready.baseUrl, { connections: opts.clients + 4, keepAliveTimeout: 60_000, headersTimeout: 120_000, bodyTimeout: 120_000 });
  const session = await login(pool, ready);
  const samples: Samples = { search: [], agencies: [], deadlines: [], tiles: [], login: [], plan: [], scan: [] };
  const failures: string[] = [];
  const mix = MIX.filter(([ep]) => ep !== 'tiles' || ready.pages.length);
  const total = mix.reduce((s, [, w]) => s + w, 0);
  const start = performance.now();
  const until = start + opts.seconds * 1000;

  async function timed(ep: Endpoint, req: Parameters<Pool['request']>[0]) {
    const t0 = performance.now();
    let ok = false;
    try {
      const res = await pool.request(req);
      const body = Buffer.from(await res.body.arrayBuffer());
      ok = res.statusCode < 400;
      if (!ok && failures.length < 20) failures.push(`${ep} ${req.method} ${req.path} → ${res.statusCode} ${body.toString('utf8', 0, 200)}`);
    } catch (err) {
      if (failures.length < 20) failures.push(`${ep} ${req.path}: ${(err as Error).message}`);
    }
    samples[ep].push({ ms: performance.now() - t0, ok });
  }

  const json = { 'content-type': 'application/json', origin: ready.baseUrl, cookie: session.cookie, 'x-csrf-token': session.csrf };
  async function client(i: number) {
    const rnd = prng(1000 + i);
    while (performance.now() < until) {
      let r = rnd() * total;
      const ep = mix.find(([, w]) => (r -= w) < 0)![0];
      if (ep === 'login') {
        await timed('login', { method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json', origin: ready.baseUrl },
          body: JSON.stringify({ username: ready.username, password: ready.password }) });
      } else {
        await timed(ep, { method: 'GET', path: pathFor(ep, rnd, ready), headers: { cookie: session.cookie } });
      }
    }
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, Math.min(ms, until - performance.now()))));
  async function planner() {
    for (let n = 1; performance.now() < until; n++) {
      await timed('plan', { method: 'POST', path: '/api/scheduling/plans', headers: json, body: JSON.stringify({ label: `Kế hoạch tải thử ${n}`, horizonWeeks: 104 }) });
      await sleep(opts.planEverySeconds * 1000);
    }
  }
  async function scanner() {
    if (ready.fileId == null) return;
    const page = await renderTextPage({ title: 'TRANG QUÉT THỬ TẢI', paragraphs: ['Trang tài liệu quét trong lúc đo tải, để tác vụ tạo ảnh và nhận dạng chữ chạy cùng các yêu cầu.'], format: 'png', dpi: 300 });
    for (let n = 1; performance.now() < until; n++) {
      await sleep(opts.scanEverySeconds * 1000);
      if (performance.now() >= until) break;
      const t0 = performance.now();
      try {
        const b = await pool.request({ method: 'POST', path: '/api/digitization/batches', headers: json, body: JSON.stringify({ recordFileId: ready.fileId, label: `Đợt quét thử tải ${n}` }) });
        const batch = (await b.body.json()) as { id: number };
        const form = new FormData();
        form.append('files', new Blob([new Uint8Array(page)]), `trang-${n}.png`);
        const up = await pool.request({ method: 'POST', path: `/api/digitization/batches/${batch.id}/scans`, headers: { origin: ready.baseUrl, cookie: session.cookie, 'x-csrf-token': session.csrf }, body: form });
        await up.body.arrayBuffer();
        samples.scan.push({ ms: performance.now() - t0, ok: b.statusCode < 400 && up.statusCode < 400 });
        if (up.statusCode >= 400 && failures.length < 20) failures.push(`scan → ${up.statusCode}`);
      } catch (err) {
        samples.scan.push({ ms: performance.now() - t0, ok: false });
        if (failures.length < 20) failures.push(`scan: ${(err as Error).message}`);
      }
    }
  }

  await Promise.all([...Array.from({ length: opts.clients }, (_, i) => client(i)), planner(), scanner()]);
  const seconds = (performance.now() - start) / 1000;
  await pool.close();
  return { samples, seconds, failures };
}
