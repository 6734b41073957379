/**
 * npm run bench:load [-- --clients 100 --seconds 60 --db pglite|postgres|both --plan-every 10 --scan-every 15]
 *
 * Mixed load on the real app: N concurrent clients (search, agency list, deadlines, IIIF tiles, login with argon2)
 * plus one planner making a schedule plan now and then and one scanner uploading a page (derivative + OCR jobs).
 * The server runs in its own process (load-server.ts) with the demo data; it measures its event-loop delay and RSS.
 * Runs on PGlite and on PostgreSQL (DATABASE_URL, else the local kho_ci server; a fresh bench database is created
 * and dropped). Prints, per database: requests, errors, p50/p95/p99 per endpoint, requests/s, event-loop delay, RSS.
 * Target: p99 ≤ 2 s per endpoint. LOAD_CPU_PROF=dir writes a V8 CPU profile of the server process there.
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runClients, type Endpoint, type Samples } from './load-clients.js';
import type { ServerReady, ServerStats } from './load-server.js';

const DEFAULT_PG = 'postgres://kho_ci:kho_ci@127.0.0.1:5432/kho_ci';
const TARGET_P99_MS = 2000;
/** The interactive endpoints the target is for; a plan takes seconds of engine CPU by nature, a scan is an upload. */
const TARGETED: Endpoint[] = ['search', 'agencies', 'deadlines', 'tiles', 'login'];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const clients = Number(arg('clients', '100'));
const seconds = Number(arg('seconds', '60'));
const planEverySeconds = Number(arg('plan-every', '10'));
const scanEverySeconds = Number(arg('scan-every', '15'));
const dbArg = arg('db', 'both');

async function postgresReachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

function startServer(backend: 'pglite' | 'postgres', pgUrl: string) {
  const prof = process.env.LOAD_CPU_PROF;
  const child = fork(fileURLToPath(new URL('./load-server.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [])],
    env: { ...process.env, LOAD_BACKEND: backend, ...(backend === 'postgres' ? { DATABASE_URL: pgUrl } : {}) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMsg = (m: { type: string }) => m.type === type && (cleanup(), resolve(m as T));
      const onExit = (code: number | null) => (cleanup(), reject(new Error(`load-server exited (${code}) before '${type}'`)));
      const cleanup = () => (child.off('message', onMsg), child.off('exit', onExit));
      child.on('message', onMsg);
      child.on('exit', onExit);
    });
  return {
    ready: next<ServerReady>('ready'),
    async meter<T>(fn: () => Promise<T>): Promise<{ result: T; stats: ServerStats }> {
      const started = next('started');
      child.send({ type: 'start' });
      await started;
      const result = await fn();
      const stats = next<ServerStats>('stats');
      child.send({ type: 'stop' });
      return { result, stats: await stats };
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ type: 'exit' });
      await exited;
    },
  };
}

const pct = (xs: number[], p: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] : NaN);
const fmt = (ms: number) => (Number.isNaN(ms) ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);

function report(backend: string, samples: Samples, wall: number, stats: ServerStats, failures: string[], load: [number, number]) {
  const rows: string[] = [];
  let all = 0;
  let errors = 0;
  const misses: string[] = [];
  rows.push(`${'endpoint'.padEnd(10)} ${'requests'.padStart(8)} ${'errors'.padStart(6)} ${'req/s'.padStart(7)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)}`);
  for (const ep of Object.keys(samples) as Endpoint[]) {
    const s = samples[ep];
    if (!s.length) continue;
    const ms = s.map((x) => x.ms).sort((a, b) => a - b);
    const err = s.filter((x) => !x.ok).length;
    all += s.length;
    errors += err;
    const p99 = pct(ms, 99);
    if (TARGETED.includes(ep) && p99 > TARGET_P99_MS) misses.push(ep);
    rows.push(`${ep.padEnd(10)} ${String(s.length).padStart(8)} ${String(err).padStart(6)} ${(s.length / wall).toFixed(1).padStart(7)} ${fmt(pct(ms, 50)).padStart(8)} ${fmt(pct(ms, 95)).padStart(8)} ${fmt(p99).padStart(8)} ${fmt(ms[ms.length - 1]).padStart(8)}`);
  }
  const e = stats.eventLoop;
  console.log(`\nbench:load ${backend}: ${clients} clients + planner + scanner for ${wall.toFixed(1)} s on ${os.cpus().length} cores (load average ${load[0].toFixed(2)} before, ${load[1].toFixed(2)} after)`);
  console.log(rows.join('\n'));
  console.log(`${'total'.padEnd(10)} ${String(all).padStart(8)} ${String(errors).padStart(6)} ${(all / wall).toFixed(1).padStart(7)}`);
  console.log(`server event-loop delay: p50 ${fmt(e.p50)}, p99 ${fmt(e.p99)}, max ${fmt(e.max)}, mean ${fmt(e.mean)}; RSS peak ${Math.round(stats.rssPeakMb)} MB (end ${Math.round(stats.rssEndMb)} MB); server CPU ${stats.cpuSeconds.toFixed(1)} s`);
  const met = TARGETED.filter((ep) => samples[ep].length && !misses.includes(ep));
  console.log(`target p99 ≤ ${TARGET_P99_MS / 1000} s (${TARGETED.join(', ')}): met by ${met.join(', ') || 'none'}; missed by ${misses.join(', ') || 'none'}`);
  if (failures.length) console.log(`first failures:\n  ${failures.join('\n  ')}`);
}

const pgUrl = process.env.DATABASE_URL ?? DEFAULT_PG;
const wanted = dbArg === 'both' ? ['pglite', 'postgres'] : [dbArg];
for (const backend of wanted as ('pglite' | 'postgres')[]) {
  if (backend === 'postgres' && !(await postgresReachable(pgUrl))) {
    console.log(`bench:load postgres: skipped, ${pgUrl.replace(/:[^:@/]+@/, ':***@')} not reachable`);
    continue;
  }
  const server = startServer(backend, pgUrl);
  try {
    const ready = await server.ready;
    console.log(`bench:load ${backend}: demo loaded in ${ready.demoSeconds.toFixed(0)} s; ${ready.pages.length} digitised pages, ${ready.agencyIds.length} agencies`);
    const before = os.loadavg()[0];
    const { result, stats } = await server.meter(() => runClients(ready, { clients, seconds, planEverySeconds, scanEverySeconds }));
    report(backend, result.samples, result.seconds, stats, result.failures, [before, os.loadavg()[0]]);
  } finally {
    await server.stop();
  }
}
