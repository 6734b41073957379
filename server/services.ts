import type { Deps } from './deps.js';
import { createIntakeService } from './intake/intake.service.js';
import { createDeadlinesService } from './deadlines/deadlines.service.js';
import { createRemindersService } from './reminders/reminders.service.js';
import { createHandoverService } from './handover/handover.service.js';
import { createStacksService } from './stacks/stacks.service.js';
import { createReportsService } from './reports/reports.service.js';
import { storageStatus } from '../storage/status.js';
import { createDemoService } from './demo/demo.service.js';
import { createSchedulingService } from './scheduling/scheduling.service.js';
import { createPlanningService } from './scheduling/planning.service.js';
import { createSearchService } from './search/search.service.js';
import { createGrantsService } from './access/grants.service.js';
import { createDigitizationArea } from './digitization/digitization.area.js';
import { createInteropService } from './interop/interop.service.js';
import { createArchiveService } from './archive/aip.service.js';
import { createDipService } from './archive/dip.service.js';
import { createCirculationService } from './reading-room/circulation.service.js';
import { createCopyOrdersService } from './reading-room/copy-orders.service.js';
import { createViewingService } from './reading-room/viewing.service.js';
import { createRestrictedService } from './reading-room/restricted.service.js';
import { createReadingRoomArea } from './reading-room/reading-room.area.js';
import { createDepositService } from './deposit/deposit.service.js';
import { depositRecordOfHandover } from './deposit/deposit-record.js';

/** The use-case layer, wired once with explicit dependencies. */
export function createServices(deps: Deps) {
  const intake = createIntakeService(deps);
  const deadlines = createDeadlinesService(deps);
  const reminders = createRemindersService(deps);
  const stacks = createStacksService(deps);
  const handover = createHandoverService(deps, { intake, stacks, deposits: { recordOfHandover: (id) => depositRecordOfHandover(deps, id) } });
  const deposit = createDepositService(deps, { intake });
  const reports = createReportsService(deps);
  const demo = createDemoService(deps);
  const search = createSearchService({ ...deps, locateFiles: stacks.fileLocations });
  const grants = createGrantsService(deps);
  const digitization = createDigitizationArea(deps);
  const scheduling = createSchedulingService(deps);
  const planning = createPlanningService(deps);
  const interop = createInteropService(deps);
  const archive = createArchiveService(deps);
  const circulation = createCirculationService(deps);
  const copyOrders = createCopyOrdersService(deps);
  const viewing = createViewingService(deps);
  const dips = createDipService(deps, { viewing });
  const readingRoom = createReadingRoomArea(deps);
  const restricted = createRestrictedService(deps, { requests: readingRoom.requests, approvals: readingRoom.approvals });
  return { intake, deadlines, reminders, stacks, handover, deposit, reports, demo, scheduling, planning, search, grants, digitization, interop, archive, dips, circulation, copyOrders, viewing, restricted, readingRoom, storageStatus: () => storageStatus(deps.config, deps.blobs) };
}

export type Services = ReturnType<typeof createServices>;
