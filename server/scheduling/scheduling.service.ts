/** Use cases for what a plan is made of: backlog and restoration items, norm versions, staff and leave, the calendar. */
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import type { UploadedFile } from '../core/upload.js';
import type { Queryable } from '../db/db.js';
import { recordEvent } from '../audit/audit.repository.js';
import { vnToday } from '../core/time/index.js';
import * as items from './backlog.repository.js';
import * as res from './resources.repository.js';
import { importBacklog } from './backlog-import.js';
import { importRestoration } from './restoration-import.js';
import { DEFAULT_NORM_LABEL, DEFAULT_NORM_STEPS, GRADES } from './norm-catalogue.js';
import { holidaysBetween } from './engine-adapter.js';
import type {
  BacklogFilter, CreateBacklog, CreateNormVersion, CreateRestoration, CreateStaff, UpdateBacklog, UpdateRestoration, UpdateStaff,
} from './scheduling.schemas.js';

/** The agency must exist and the fonds, when given, must belong to it (or to no agency). */
async function checkOwner(db: Queryable, agencyId: number | undefined, fondsId: number | null | undefined) {
  if (agencyId !== undefined && !(await items.agencyExists(db, agencyId)))
    throw ERRORS.agencyNotInCatalogue();
  if (fondsId != null) {
    const f = await items.fondsAgency(db, fondsId);
    if (!f) throw ERRORS.fondsNotFound();
    if (agencyId !== undefined && f.agencyId !== null && f.agencyId !== agencyId)
      throw ERRORS.fondsOfOtherAgency();
  }
}

/** The newest norm version; on a fresh database the shipped defaults become version 1. */
export async function currentNormVersionId(db: Deps['db']): Promise<number> {
  const id = await res.latestNormVersionId(db);
  if (id !== null) return id;
  return db.transaction(async (tx) => {
    await tx.query(`LOCK TABLE norm_versions IN EXCLUSIVE MODE`);
    return (await res.latestNormVersionId(tx)) ?? res.insertNormVersion(tx, DEFAULT_NORM_LABEL, null, null, DEFAULT_NORM_STEPS);
  });
}

export function createSchedulingService(deps: Deps) {
  const { db } = deps;
  const event = (actor: Actor, entityType: string, entityId: number | string, action: string, after?: unknown, before?: unknown) =>
    recordEvent(db, actor, { entityType, entityId, action, after, before });

  return {
    // ------------------------------------------------------------ backlog
    listBacklog: async (f: BacklogFilter) => {
      const list = await items.listBacklog(db, f);
      const sum = (k: 'measuredMetres' | 'estimatedMetres' | 'doneMetres') => Math.round(list.reduce((t, b) => t + (b[k] ?? 0), 0) * 100) / 100;
      return { items: list, totals: { items: list.length, measuredMetres: sum('measuredMetres'), estimatedMetres: sum('estimatedMetres'), doneMetres: sum('doneMetres') } };
    },
    async getBacklog(id: number) {
      return (await items.getBacklog(db, id)) ?? Promise.reject(ERRORS.notFound('hạng mục tồn đọng'));
    },
    async createBacklog(actor: Actor, v: CreateBacklog) {
      return db.transaction(async (tx) => {
        await checkOwner(tx, v.agencyId, v.fondsId);
        const id = await items.insertBacklog(tx, v);
        await event(actor, 'backlog', id, 'backlog.created', v);
        return (await items.getBacklog(tx, id))!;
      });
    },
    async updateBacklog(actor: Actor, id: number, v: UpdateBacklog) {
      return db.transaction(async (tx) => {
        const cur = await items.getBacklog(tx, id);
        if (!cur) throw ERRORS.notFound('hạng mục tồn đọng');
        await checkOwner(tx, v.agencyId ?? cur.agencyId, v.fondsId === undefined && v.agencyId !== undefined ? cur.fondsId : v.fondsId);
        const measured = v.measuredMetres !== undefined ? v.measuredMetres : cur.measuredMetres;
        const estimated = v.estimatedMetres !== undefined ? v.estimatedMetres : cur.estimatedMetres;
        if (measured == null && estimated == null) throw ERRORS.backlogMetresRequired();
        const start = v.startYear !== undefined ? v.startYear : cur.startYear;
        const end = v.endYear !== undefined ? v.endYear : cur.endYear;
        if (start != null && end != null && start > end) throw ERRORS.yearSpanInvalid();
        await items.updateBacklog(tx, id, v);
        await event(actor, 'backlog', id, 'backlog.updated', v);
        return (await items.getBacklog(tx, id))!;
      });
    },
    async deleteBacklog(actor: Actor, id: number) {
      return db.transaction(async (tx) => {
        const [{ n }] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM progress_entries WHERE backlog_item_id = $1`, [id]);
        if (n > 0) throw ERRORS.backlogHasProgress();
        if (!(await items.deleteBacklog(tx, id))) throw ERRORS.notFound('hạng mục tồn đọng');
        await event(actor, 'backlog', id, 'backlog.deleted');
        return { deleted: true };
      });
    },
    importBacklog: (actor: Actor, file: UploadedFile, opts: { preview?: boolean } = {}) => importBacklog(deps, actor, file, opts),

    // ------------------------------------------------------------ restoration
    listRestoration: async (f: { agencyId?: number; damageLevel?: string }) => {
      const list = await items.listRestoration(db, f);
      return { items: list, totals: { items: list.length, pages: list.reduce((t, r) => t + r.pages, 0), donePages: list.reduce((t, r) => t + r.donePages, 0) } };
    },
    async createRestoration(actor: Actor, v: CreateRestoration) {
      return db.transaction(async (tx) => {
        await checkOwner(tx, v.agencyId, v.fondsId);
        const id = await items.insertRestoration(tx, v);
        await event(actor, 'restoration', id, 'restoration.created', v);
        return (await items.getRestoration(tx, id))!;
      });
    },
    async updateRestoration(actor: Actor, id: number, v: UpdateRestoration) {
      return db.transaction(async (tx) => {
        const cur = await items.getRestoration(tx, id);
        if (!cur) throw ERRORS.notFound('hạng mục tu bổ');
        await checkOwner(tx, v.agencyId ?? cur.agencyId, v.fondsId === undefined && v.agencyId !== undefined ? cur.fondsId : v.fondsId);
        const start = v.startYear !== undefined ? v.startYear : cur.startYear;
        const end = v.endYear !== undefined ? v.endYear : cur.endYear;
        if (start != null && end != null && start > end) throw ERRORS.yearSpanInvalid();
        if (v.pages !== undefined) {
          const done = await items.lockRestorationDone(tx, id);
          if (v.pages < done) throw ERRORS.restorationPagesBelowDone(done);
        }
        await items.updateRestoration(tx, id, v);
        await event(actor, 'restoration', id, 'restoration.updated', v);
        return (await items.getRestoration(tx, id))!;
      });
    },
    async deleteRestoration(actor: Actor, id: number) {
      return db.transaction(async (tx) => {
        const [{ n }] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM progress_entries WHERE restoration_item_id = $1`, [id]);
        if (n > 0) throw ERRORS.restorationHasProgress();
        if (!(await items.deleteRestoration(tx, id))) throw ERRORS.notFound('hạng mục tu bổ');
        await event(actor, 'restoration', id, 'restoration.deleted');
        return { deleted: true };
      });
    },
    importRestoration: (actor: Actor, file: UploadedFile, opts: { preview?: boolean } = {}) => importRestoration(deps, actor, file, opts),

    // ------------------------------------------------------------ norms
    async norms() {
      const currentId = await currentNormVersionId(db);
      return { current: await this.normVersion(currentId), versions: await res.listNormVersions(db), grades: GRADES };
    },
    async normVersion(id: number) {
      const v = await res.getNormVersion(db, id);
      if (!v) throw ERRORS.notFound('phiên bản định mức');
      return { ...v, steps: await res.normSteps(db, id) };
    },
    async createNormVersion(actor: Actor, body: CreateNormVersion) {
      return db.transaction(async (tx) => {
        const steps = body.steps.map((s) => ({ ...s, source: s.source ?? null }));
        const bad = steps.find((s) => (s.skill === 'processing') !== (s.unit === 'metre'));
        if (bad) throw ERRORS.normUnitInvalid(bad.name);
        const id = await res.insertNormVersion(tx, body.label, body.note ?? null, actor.id, steps);
        await event(actor, 'norm_version', id, 'norms.version_created', { label: body.label, steps: steps.length });
        return { ...(await res.getNormVersion(tx, id))!, steps: await res.normSteps(tx, id) };
      });
    },

    // ------------------------------------------------------------ staff
    listStaff: async () => ({ items: await res.listStaff(db), grades: GRADES }),
    async createStaff(actor: Actor, v: CreateStaff) {
      const id = await db.transaction(async (tx) => {
        const id = await res.insertStaff(tx, v);
        await event(actor, 'staff', id, 'staff.created', v);
        return id;
      });
      return (await res.getStaff(db, id))!;
    },
    async updateStaff(actor: Actor, id: number, v: UpdateStaff) {
      return db.transaction(async (tx) => {
        if (!(await res.getStaff(tx, id))) throw ERRORS.notFound('cán bộ');
        await res.updateStaff(tx, id, v);
        await event(actor, 'staff', id, 'staff.updated', v);
        return (await res.getStaff(tx, id))!;
      });
    },
    async addLeave(actor: Actor, staffId: number, v: { startDate: string; endDate: string; reason?: string | null }) {
      return db.transaction(async (tx) => {
        if (!(await res.getStaff(tx, staffId))) throw ERRORS.notFound('cán bộ');
        const id = await res.insertLeave(tx, staffId, v);
        await event(actor, 'staff', staffId, 'staff.leave_added', { id, ...v });
        return (await res.getStaff(tx, staffId))!;
      });
    },
    async deleteLeave(actor: Actor, id: number) {
      if (!(await res.deleteLeave(db, id))) throw ERRORS.notFound('kỳ nghỉ');
      await event(actor, 'staff_leave', id, 'staff.leave_deleted');
      return { deleted: true };
    },

    // ------------------------------------------------------------ calendar
    async calendar(year: number) {
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      return { year, today: vnToday(deps.clock), holidays: holidaysBetween(from, to), closures: await res.listClosures(db, from, to) };
    },
    async addClosure(actor: Actor, date: string, reason: string) {
      const id = await db.transaction(async (tx) => {
        if ((await res.listClosures(tx, date, date)).length) throw ERRORS.closureExists();
        const id = await res.insertClosure(tx, date, reason);
        await event(actor, 'calendar', id, 'calendar.closure_added', { date, reason });
        return id;
      });
      return { id, date, reason };
    },
    async deleteClosure(actor: Actor, id: number) {
      if (!(await res.deleteClosure(db, id))) throw ERRORS.notFound('ngày nghỉ riêng');
      await event(actor, 'calendar', id, 'calendar.closure_deleted');
      return { deleted: true };
    },
  };
}

export type SchedulingService = ReturnType<typeof createSchedulingService>;
