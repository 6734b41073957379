import type { Deps } from './deps.js';
import type { Services } from './services.js';
import { intakeRoutes } from './intake/intake.routes.js';
import { handoverRoutes } from './handover/handover.routes.js';
import { stacksRoutes } from './stacks/stacks.routes.js';
import { reportsRoutes } from './reports/reports.routes.js';
import { demoRoutes } from './demo/demo.routes.js';
import { schedulingRoutes } from './scheduling/scheduling.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { grantsRoutes } from './access/grants.routes.js';
import { integrityRoutes } from './integrity/integrity.routes.js';
import { digitizationRoutes } from './digitization/digitization.routes.js';
import { deadlinesRoutes } from './deadlines/deadlines.routes.js';
import { remindersRoutes } from './reminders/reminders.routes.js';
import { fileLookupRoutes } from './digitization/file-lookup.routes.js';
import { backupRoutes } from './backup/backup.routes.js';
import { interopRoutes } from './interop/interop.routes.js';
import { archiveRoutes } from './archive/archive.routes.js';
import { dipRoutes } from './archive/dip.routes.js';
import { circulationRoutes } from './reading-room/circulation.routes.js';
import { readingRoomRoutes } from './reading-room/reading-room.routes.js';
import { staffDutiesRoutes } from './reading-room/staff-duties.routes.js';
import { depositRoutes } from './deposit/deposit.routes.js';

/** Every domain area's routes, wired in the composition root; the app mounts nothing else under /api. */
export function areaRoutes(deps: Deps, s: Services) {
  return [...intakeRoutes(deps, s), ...deadlinesRoutes(deps, s), ...remindersRoutes(deps, s), ...handoverRoutes(deps, s), ...stacksRoutes(deps, s), ...reportsRoutes(deps, s), ...demoRoutes(deps, s), ...schedulingRoutes(deps, s), ...searchRoutes(deps, s), ...grantsRoutes(deps, s), ...integrityRoutes(deps), ...digitizationRoutes(deps, s), ...fileLookupRoutes(deps), ...backupRoutes(deps), ...interopRoutes(deps, s), ...archiveRoutes(deps, s), ...dipRoutes(deps, s), ...circulationRoutes(deps, s), ...readingRoomRoutes(deps, s), ...staffDutiesRoutes(deps), ...depositRoutes(deps, s)];
}
