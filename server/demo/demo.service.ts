import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import { ApiClient } from './api-client.js';
import { loadDemoData } from './demo-loader.js';

export interface DemoStatus {
  state: 'idle' | 'running' | 'done' | 'failed';
  log: string[];
  error?: string;
}

/** First-run demo data (Hưng Yên-like), offered only while the database holds no agencies or handovers. */
export function createDemoService(deps: Deps) {
  const status: DemoStatus = { state: 'idle', log: [] };

  async function isEmpty() {
    const r = await deps.db.query<{ n: number }>(`SELECT ((SELECT count(*) FROM source_agencies) + (SELECT count(*) FROM handovers))::int AS n`);
    return r[0].n === 0;
  }

  /** Starts loading through the API with the caller's own session; returns at once. */
  async function start(api: ApiClient) {
    if (status.state === 'running') throw ERRORS.demoRunning();
    if (!(await isEmpty())) throw ERRORS.demoNotEmpty();
    Object.assign(status, { state: 'running', log: [], error: undefined });
    loadDemoData(api, (m) => status.log.push(m))
      .then(() => {
        status.state = 'done';
        status.log.push('Hoàn tất.');
      })
      .catch((err: Error) => {
        status.state = 'failed';
        status.error = err.message;
        deps.log.error({ err }, 'demo data failed');
      });
    return { ...status };
  }

  return { isEmpty, start, status: () => ({ ...status, log: [...status.log] }) };
}

export type DemoService = ReturnType<typeof createDemoService>;
