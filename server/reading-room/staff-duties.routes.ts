/** GET /api/reading-room/staff: staff accounts with their reading-room duties (admin), for the duties screen. */
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { list } from '../contract/common.js';
import { listStaffDuties } from './staff-duties.js';

export const StaffDuties = z.object({
  id: z.number(), username: z.string(), displayName: z.string(), role: z.enum(['admin', 'archivist']), active: z.boolean(),
  duties: z.array(z.string()),
});
export const StaffDutiesList = list(StaffDuties);

export function staffDutiesRoutes(deps: Deps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/reading-room/staff', response: StaffDutiesList, tag: 'reading-room', access: ['admin'],
      summary: 'Cán bộ và nhiệm vụ phòng đọc (Trưởng phòng đọc, Giám đốc, Kho)',
      handler: async () => ({ items: await listStaffDuties(deps) }),
    }),
  ];
}
