/**
 * A worker thread running a TypeScript module. Node 20 does not carry tsx's loader into workers (neither inherited nor
 * through execArgv: "Unknown file extension .ts"), so each worker first registers tsx in its own thread, then imports
 * the entry. Works the same under `tsx` (npm start, the worker, benches) and under the test runner.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

// The ESM build of tsx/esm/api (what its exports map gives `import`); require.resolve would give the CJS one.
const TSX_API = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;

export function tsWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  // A failed import must end the worker with the reason, so the owner's 'error' handler sees it.
  const boot = `import(${JSON.stringify(TSX_API)})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })
    .catch((err) => { setImmediate(() => { throw err; }); });`;
  return new Worker(boot, { ...options, eval: true });
}
