/** The reading room's part of the use-case layer, wired once (server/services.ts). */
import type { Deps } from '../deps.js';
import { createReadersService } from './readers.service.js';
import { createFindingAidsService } from './finding-aids.service.js';
import { createRequestsService } from './requests.service.js';
import { createApprovals } from './approvals.js';
import { createReadingReports } from './reading-reports.js';
import { createHolds } from './holds.js';

export function createReadingRoomArea(deps: Deps) {
  return {
    readers: createReadersService(deps),
    findingAids: createFindingAidsService(deps),
    requests: createRequestsService(deps),
    approvals: createApprovals(deps),
    reports: createReadingReports(deps),
    holds: createHolds(deps),
  };
}

export type ReadingRoomArea = ReturnType<typeof createReadingRoomArea>;
