import type { Deps } from './deps.js';
import { createIntakeService } from './intake/intake.service.js';
import { createHandoverService } from './handover/handover.service.js';
import { createStacksService } from './stacks/stacks.service.js';
import { createReportsService } from './reports/reports.service.js';
import { storageStatus } from '../storage/status.js';
import { createDemoService } from './demo/demo.service.js';

/** The use-case layer, wired once with explicit dependencies. */
export function createServices(deps: Deps) {
  const intake = createIntakeService(deps);
  const stacks = createStacksService(deps);
  const handover = createHandoverService(deps, { intake, stacks });
  const reports = createReportsService(deps);
  const demo = createDemoService(deps);
  return { intake, stacks, handover, reports, demo, storageStatus: () => storageStatus(deps.config) };
}

export type Services = ReturnType<typeof createServices>;
