/**
 * The server side of bench:load, run as its own process (forked by load.bench.ts) so the event-loop delay and RSS it
 * reports are the server's alone, not mixed with the 100 clients' own work. Starts the real app with the in-process
 * job runner (as `npm start` does), loads the demo (scans, OCR and backlog included), then answers IPC messages:
 * 'start' resets the meters, 'stop' sends them back, 'exit' closes everything.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startBenchApp, type Backend } from './bench-app.js';
import { loadDemoData } from '../../server/demo/demo-loader.js';

export interface ServerReady {
  type: 'ready';
  baseUrl: string;
  username: string;
  password: string;
  pages: { id: number; width: number; height: number }[];
  agencyIds: number[];
  fileId: number | null;
  demoSeconds: number;
}

export interface ServerStats {
  type: 'stats';
  eventLoop: { p50: number; p99: number; max: number; mean: number };
  rssPeakMb: number;
  rssEndMb: number;
  cpuSeconds: number;
}

const send = (m: unknown) => process.send!(m);
const backend = (process.env.LOAD_BACKEND ?? 'pglite') as Backend;
const t0 = Date.now();
// As server/main.ts runs them: production polling, jobs yielding to requests, PGlite in its own thread.
// LOAD_NO_YIELD=1 / LOAD_PGLITE_MAIN_THREAD=1 turn those off, to compare on the same machine at the same time.
const app = await startBenchApp(backend, {}, {
  jobs: { pollingIntervalSeconds: 1, ...(process.env.LOAD_NO_YIELD ? {} : { yieldToRequests: {} }) },
  pgliteThread: !process.env.LOAD_PGLITE_MAIN_THREAD,
});
await loadDemoData(app.api);

const pages = await app.db.query<{ id: number; width: number; height: number }>(
  `SELECT id, width, height FROM pages WHERE derivatives_status = 'done' AND pyramid_key IS NOT NULL ORDER BY id`,
);
const agencies = await app.db.query<{ id: number }>(`SELECT id FROM source_agencies ORDER BY id LIMIT 80`);
const file = pages.length ? await app.db.query<{ file_id: number }>(`SELECT record_file_id AS file_id FROM digitization_batches ORDER BY id LIMIT 1`) : [];
send({
  type: 'ready', baseUrl: app.baseUrl, username: 'bench', password: 'mat-khau-bench-123', pages, agencyIds: agencies.map((a) => a.id),
  fileId: file[0]?.file_id ?? null, demoSeconds: (Date.now() - t0) / 1000,
} satisfies ServerReady);

// Resolution 10 ms: finer would itself cost loop time; a blocked loop shows as tens to thousands of ms anyway.
const delay = monitorEventLoopDelay({ resolution: 10 });
let rssPeak = 0;
let cpu0 = process.cpuUsage();
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 200);
sampler.unref();

process.on('message', async (m: { type: string }) => {
  if (m.type === 'start') {
    delay.reset();
    delay.enable();
    rssPeak = process.memoryUsage.rss();
    cpu0 = process.cpuUsage();
    send({ type: 'started' });
  } else if (m.type === 'stop') {
    delay.disable();
    const ms = (ns: number) => ns / 1e6;
    const cpu = process.cpuUsage(cpu0);
    const rss = process.memoryUsage.rss();
    send({
      type: 'stats',
      eventLoop: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), mean: ms(delay.mean) },
      rssPeakMb: Math.max(rssPeak, rss) / 2 ** 20, rssEndMb: rss / 2 ** 20, cpuSeconds: (cpu.user + cpu.system) / 1e6,
    } satisfies ServerStats);
  } else if (m.type === 'exit') {
    clearInterval(sampler);
    await app.close().catch((err) => console.error(err));
    process.exit(0);
  }
});
