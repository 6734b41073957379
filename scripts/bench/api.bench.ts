/**
 * npm run bench:api — the agency deadline endpoint under 50 concurrent connections for 20 s on the demo
 * dataset, against a trivial endpoint of the same app (/api/health) measured the same way.
 * Prints req/s, p99 latency and the ratio. PostgreSQL runs too when DATABASE_URL is set.
 */
import autocannon from 'autocannon';
import { backends, startBenchApp } from './bench-app.js';
import { loadDemoData, DEMO_PASSWORD } from '../../server/demo/demo-loader.js';
import { ApiClient } from '../../server/demo/api-client.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 50;

function run(url: string, cookie: string) {
  return new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } }, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

for (const backend of backends()) {
  const app = await startBenchApp(backend);
  try {
    const t0 = Date.now();
    await loadDemoData(app.api);
    console.log(`bench:api ${backend}: demo data loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const agencyUser = new ApiClient(app.baseUrl);
    await agencyUser.login('coquan.sonoivu', DEMO_PASSWORD);
    const cookie = (agencyUser as unknown as { cookie: string }).cookie;
    const sample = await agencyUser.get('/api/deadlines/mine');
    console.log(`bench:api ${backend}: /api/deadlines/mine → ${JSON.stringify(sample.summary)}`);
    const results: Record<string, autocannon.Result> = {};
    for (const [name, path] of [['trivial /api/health', '/api/health'], ['deadlines /api/deadlines/mine', '/api/deadlines/mine']] as const) {
      const r = await run(app.baseUrl + path, cookie);
      results[name] = r;
      console.log(
        `bench:api ${backend.padEnd(8)} ${name.padEnd(30)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  ` +
          `errors ${r.errors} non2xx ${r.non2xx} (${CONNECTIONS} connections, ${SECONDS} s)`,
      );
    }
    const [trivial, deadlines] = Object.values(results);
    console.log(`bench:api ${backend.padEnd(8)} ratio deadlines/trivial: ${(deadlines.requests.average / trivial.requests.average).toFixed(2)} (req/s)`);
  } finally {
    await app.close();
  }
}
