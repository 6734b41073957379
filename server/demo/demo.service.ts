import type { Deps } from '../deps.js';

/** First-run demo data (Hưng Yên-like). The loader itself lives in demo-data.ts. */
export function createDemoService(deps: Deps) {
  return {
    async isEmpty() {
      const r = await deps.db.query<{ n: number }>(`SELECT (SELECT count(*) FROM source_agencies) + (SELECT count(*) FROM handovers) AS n`);
      return Number(r[0].n) === 0;
    },
  };
}
