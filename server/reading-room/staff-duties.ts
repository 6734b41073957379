/**
 * Read side of reading-room duties: which staff account holds which duty (Trưởng phòng đọc, Giám đốc, Kho).
 * The write side is approvals.setDuties; this list exists so the admin screen can show the current set before
 * replacing it (PUT replaces the whole set, so a screen without it would silently drop duties).
 */
import type { Deps } from '../deps.js';

export interface StaffDutiesRow { id: number; username: string; displayName: string; role: 'admin' | 'archivist'; active: boolean; duties: string[] }

export async function listStaffDuties(deps: Pick<Deps, 'db'>): Promise<StaffDutiesRow[]> {
  return deps.db.query<StaffDutiesRow>(
    `SELECT id, username, display_name AS "displayName", role, active, COALESCE(duties, '{}') AS duties
       FROM users WHERE role IN ('admin', 'archivist') ORDER BY active DESC, display_name, id`,
  );
}
