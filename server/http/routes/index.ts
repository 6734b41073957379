import type { Deps } from '../../deps.js';
import type { Services } from '../../services.js';
import { intakeRoutes } from '../../intake/intake.routes.js';
import { handoverRoutes } from '../../handover/handover.routes.js';
import { stacksRoutes } from '../../stacks/stacks.routes.js';
import { reportsRoutes } from '../../reports/reports.routes.js';
import { demoRoutes } from '../../demo/demo.routes.js';

/** Every domain area's routes; the app mounts nothing else under /api. */
export function areaRoutes(deps: Deps, s: Services) {
  return [...intakeRoutes(deps, s), ...handoverRoutes(deps, s), ...stacksRoutes(deps, s), ...reportsRoutes(deps, s), ...demoRoutes(deps, s)];
}
