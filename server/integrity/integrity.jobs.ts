/** Handlers of the integrity jobs declared in server/jobs/catalogue.ts. */
import type { JobHandlers } from '../jobs/catalogue.js';
import { runFixity } from './fixity.js';
import { sweepOrphans } from './orphan-sweep.js';
import { reenqueuePages } from './reenqueue-sweep.js';

export const integrityHandlers: Pick<JobHandlers, 'integrity.fixity' | 'integrity.orphans' | 'integrity.reenqueue'> = {
  'integrity.fixity': async (p, ctx) => {
    await runFixity(ctx.deps, p);
  },
  'integrity.orphans': async (p, ctx) => {
    await sweepOrphans(ctx.deps, p);
  },
  'integrity.reenqueue': async (_p, ctx) => {
    const r = await reenqueuePages(ctx.deps);
    if (r.derivatives || r.ocr) ctx.log.warn(r, 'đã xếp lại tác vụ cho các trang bị sót');
  },
};
