/**
 * npm run bench:import — a 10,000-row deposit inventory uploaded through the real HTTP endpoint
 * (parse, validate, deadline rules, all-or-nothing insert). Targets: ≤ 4 s PGlite, ≤ 2 s PostgreSQL.
 * PostgreSQL runs too when DATABASE_URL is set.
 */
import { backends, median, startBenchApp } from './bench-app.js';
import { demoRows, inventoryCsv, inventoryXlsx } from '../../server/demo/demo-inventory.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const RUNS = 3;
const TARGET = { pglite: 4, postgres: 2 } as const;

for (const backend of backends()) {
  const app = await startBenchApp(backend, { MAX_IMPORT_ROWS: String(ROWS + 10) });
  try {
    const agency = await app.api.post<{ id: number }>('/api/agencies', { code: 'BENCH', name: 'Sở Tài chính (bench)', level: 'province', status: 'active' });
    const boxes = Math.ceil(ROWS / 30);
    const rows = demoRows({ files: ROWS, boxes, fromYear: 1995, toYear: 2011, agencyName: 'Sở Tài chính', seed: 7 });
    const files = { xlsx: await inventoryXlsx(rows), csv: inventoryCsv(rows) };
    for (const format of ['xlsx', 'csv'] as const) {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const h = await app.api.post<{ id: number }>('/api/handovers', { agencyId: agency.id, title: `Bench ${format} ${run}`, declaredBoxes: boxes });
        const t0 = performance.now();
        const r = await app.api.upload<{ imported: number }>(`/api/handovers/${h.id}/inventory`, `muc-luc.${format}`, files[format]);
        times.push((performance.now() - t0) / 1000);
        if (r.imported !== ROWS) throw new Error(`imported ${r.imported} of ${ROWS}`);
      }
      const m = median(times);
      console.log(
        `bench:import ${backend.padEnd(8)} ${format.padEnd(4)} ${ROWS.toLocaleString('en')} rows (${(files[format].length / 1e6).toFixed(2)} MB): ` +
          `median ${m.toFixed(2)} s [${times.map((t) => t.toFixed(2)).join(', ')}] — target ≤ ${TARGET[backend]} s, ratio to target ${(m / TARGET[backend]).toFixed(2)}`,
      );
    }
  } finally {
    await app.close();
  }
}
