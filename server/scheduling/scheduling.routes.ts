import { z } from 'zod';
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { ImportPreviewQuery } from '../core/schemas.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import type { SchedulingService } from './scheduling.service.js';
import type { PlanningService } from './planning.service.js';
import {
  BacklogQuery, BurndownQuery, CalendarQuery, ClosureBody, CompareQuery, CreateBacklogBody, CreateNormVersionBody, CreatePlanBody,
  CreateRestorationBody, CreateStaffBody, Id, IdParams, LeaveBody, ProgressBody, ProgressQuery, ReplanBody, RestorationQuery,
  UpdateBacklogBody, UpdateRestorationBody, UpdateStaffBody, WhatIfBody,
} from './scheduling.schemas.js';
import { BacklogList, BacklogItem, ItemImportCounts, Deleted, RestorationList, RestorationItem, NormsInfo, NormVersionDetail, StaffList, StaffMember, WorkCalendarYear, Closure, SchedulePlanList, PlanComparison, PlanView, ItemExplanation, Burndown, ProgressList, ProgressEntry } from '../contract/scheduling.js';

const P = '/api/scheduling';
const tag = 'scheduling';
const PlanItemParams = z.strictObject({ id: Id, itemId: z.string().regex(/^[BR]\d{1,10}$/, 'Mã hạng mục dạng B12 hoặc R3') });

/** Backlog planning is internal work of the centre: staff read and write; agencies and researchers have no access. */
export function schedulingRoutes(_deps: Deps, s: { scheduling: SchedulingService; planning: PlanningService }): AnyRoute[] {
  const sc = s.scheduling;
  const pl = s.planning;
  return [
    // ------------------------------------------------------------ backlog
    defineRoute({ method: 'get', path: `${P}/backlog`, response: BacklogList, tag, access: STAFF, query: BacklogQuery,
      summary: 'Danh sách tồn đọng (lọc theo cơ quan, phông, tình trạng, từ khóa)', handler: ({ query }) => sc.listBacklog(query) }),
    defineRoute({ method: 'post', path: `${P}/backlog/import`, response: ItemImportCounts, tag, access: STAFF, upload: { field: 'file', extensions: ['.xlsx', '.csv', '.xls', '.ods'] }, query: ImportPreviewQuery,
      summary: 'Nhập danh sách tồn đọng từ XLSX/CSV (tất cả hoặc không; ?preview=1: xem trước, không lưu)', handler: ({ actor, file, query }) => sc.importBacklog(actor, file!, { preview: query.preview }) }),
    defineRoute({ method: 'get', path: `${P}/backlog/:id`, response: BacklogItem, tag, access: STAFF, params: IdParams,
      summary: 'Chi tiết hạng mục tồn đọng', handler: ({ params }) => sc.getBacklog(params.id) }),
    defineRoute({ method: 'post', path: `${P}/backlog`, response: BacklogItem, tag, access: STAFF, body: CreateBacklogBody, status: 201,
      summary: 'Thêm hạng mục tồn đọng', handler: ({ actor, body }) => sc.createBacklog(actor, body) }),
    defineRoute({ method: 'patch', path: `${P}/backlog/:id`, response: BacklogItem, tag, access: STAFF, params: IdParams, body: UpdateBacklogBody,
      summary: 'Sửa hạng mục tồn đọng', handler: ({ actor, params, body }) => sc.updateBacklog(actor, params.id, body) }),
    defineRoute({ method: 'delete', path: `${P}/backlog/:id`, response: Deleted, tag, access: STAFF, params: IdParams,
      summary: 'Xóa hạng mục tồn đọng chưa có tiến độ', handler: ({ actor, params }) => sc.deleteBacklog(actor, params.id) }),
    // ------------------------------------------------------------ restoration
    defineRoute({ method: 'get', path: `${P}/restoration`, response: RestorationList, tag, access: STAFF, query: RestorationQuery,
      summary: 'Danh sách tài liệu cần tu bổ (theo trang)', handler: ({ query }) => sc.listRestoration(query) }),
    defineRoute({ method: 'post', path: `${P}/restoration/import`, response: ItemImportCounts, tag, access: STAFF, upload: { field: 'file', extensions: ['.xlsx', '.csv', '.xls', '.ods'] }, query: ImportPreviewQuery,
      summary: 'Nhập danh sách tài liệu cần tu bổ từ XLSX/CSV (tất cả hoặc không; ?preview=1: xem trước, không lưu)', handler: ({ actor, file, query }) => sc.importRestoration(actor, file!, { preview: query.preview }) }),
    defineRoute({ method: 'post', path: `${P}/restoration`, response: RestorationItem, tag, access: STAFF, body: CreateRestorationBody, status: 201,
      summary: 'Thêm hạng mục tu bổ', handler: ({ actor, body }) => sc.createRestoration(actor, body) }),
    defineRoute({ method: 'patch', path: `${P}/restoration/:id`, response: RestorationItem, tag, access: STAFF, params: IdParams, body: UpdateRestorationBody,
      summary: 'Sửa hạng mục tu bổ', handler: ({ actor, params, body }) => sc.updateRestoration(actor, params.id, body) }),
    defineRoute({ method: 'delete', path: `${P}/restoration/:id`, response: Deleted, tag, access: STAFF, params: IdParams,
      summary: 'Xóa hạng mục tu bổ chưa có tiến độ', handler: ({ actor, params }) => sc.deleteRestoration(actor, params.id) }),
    // ------------------------------------------------------------ norms
    defineRoute({ method: 'get', path: `${P}/norms`, response: NormsInfo, tag, access: STAFF,
      summary: 'Định mức hiện hành và các phiên bản', handler: () => sc.norms() }),
    defineRoute({ method: 'get', path: `${P}/norms/:id`, response: NormVersionDetail, tag, access: STAFF, params: IdParams,
      summary: 'Một phiên bản định mức', handler: ({ params }) => sc.normVersion(params.id) }),
    defineRoute({ method: 'post', path: `${P}/norms`, response: NormVersionDetail, tag, access: STAFF, body: CreateNormVersionBody, status: 201,
      summary: 'Tạo phiên bản định mức mới (không sửa phiên bản cũ)', handler: ({ actor, body }) => sc.createNormVersion(actor, body) }),
    // ------------------------------------------------------------ staff and calendar
    defineRoute({ method: 'get', path: `${P}/staff`, response: StaffList, tag, access: STAFF, summary: 'Cán bộ, ngạch, kỹ năng, thời gian làm việc, nghỉ phép',
      handler: () => sc.listStaff() }),
    defineRoute({ method: 'post', path: `${P}/staff`, response: StaffMember, tag, access: STAFF, body: CreateStaffBody, status: 201,
      summary: 'Thêm cán bộ', handler: ({ actor, body }) => sc.createStaff(actor, body) }),
    defineRoute({ method: 'patch', path: `${P}/staff/:id`, response: StaffMember, tag, access: STAFF, params: IdParams, body: UpdateStaffBody,
      summary: 'Sửa cán bộ (ngạch, kỹ năng, tỷ lệ thời gian, còn làm việc)', handler: ({ actor, params, body }) => sc.updateStaff(actor, params.id, body) }),
    defineRoute({ method: 'post', path: `${P}/staff/:id/leave`, response: StaffMember, tag, access: STAFF, params: IdParams, body: LeaveBody, status: 201,
      summary: 'Thêm kỳ nghỉ của cán bộ', handler: ({ actor, params, body }) => sc.addLeave(actor, params.id, body) }),
    defineRoute({ method: 'delete', path: `${P}/leave/:id`, response: Deleted, tag, access: STAFF, params: IdParams,
      summary: 'Xóa kỳ nghỉ', handler: ({ actor, params }) => sc.deleteLeave(actor, params.id) }),
    defineRoute({ method: 'get', path: `${P}/calendar`, response: WorkCalendarYear, tag, access: STAFF, query: CalendarQuery,
      summary: 'Lịch làm việc của năm: ngày lễ (gồm Tết, Giỗ Tổ Hùng Vương) và ngày nghỉ riêng', handler: ({ query }) => sc.calendar(query.year) }),
    defineRoute({ method: 'post', path: `${P}/calendar/closures`, response: Closure, tag, access: STAFF, body: ClosureBody, status: 201,
      summary: 'Thêm ngày nghỉ riêng của Trung tâm', handler: ({ actor, body }) => sc.addClosure(actor, body.date, body.reason) }),
    defineRoute({ method: 'delete', path: `${P}/calendar/closures/:id`, response: Deleted, tag, access: STAFF, params: IdParams,
      summary: 'Xóa ngày nghỉ riêng', handler: ({ actor, params }) => sc.deleteClosure(actor, params.id) }),
    // ------------------------------------------------------------ plans
    defineRoute({ method: 'get', path: `${P}/plans`, response: SchedulePlanList, tag, access: STAFF, summary: 'Các kế hoạch đã lập', handler: () => pl.list() }),
    defineRoute({ method: 'get', path: `${P}/plans/compare`, response: PlanComparison, tag, access: STAFF, query: CompareQuery,
      summary: 'So sánh hai kế hoạch', handler: ({ query }) => pl.compare(query.a, query.b) }),
    defineRoute({ method: 'post', path: `${P}/plans`, response: PlanView, tag, access: STAFF, body: CreatePlanBody, status: 201,
      summary: 'Lập kế hoạch chỉnh lý và tu bổ từ tồn đọng hiện có', handler: ({ actor, body }) => pl.create(actor, body) }),
    defineRoute({ method: 'get', path: `${P}/plans/:id`, response: PlanView, tag, access: STAFF, params: IdParams,
      summary: 'Kế hoạch: phân công theo tuần, ngày xong từng hạng mục, cơ quan, toàn bộ', handler: ({ params }) => pl.get(params.id) }),
    defineRoute({ method: 'get', path: `${P}/plans/:id/items/:itemId`, response: ItemExplanation, tag, access: STAFF, params: PlanItemParams,
      summary: 'Giải thích từng phân công của một hạng mục', handler: ({ params }) => pl.explainItem(params.id, params.itemId) }),
    defineRoute({ method: 'post', path: `${P}/plans/:id/what-if`, response: PlanView, tag, access: STAFF, params: IdParams, body: WhatIfBody, status: 201,
      summary: 'Giả định: thêm/bớt cán bộ, dời hạn → ngày xong mới và chỉ tiêu bị trễ', handler: ({ actor, params, body }) => pl.whatIf(actor, params.id, body) }),
    defineRoute({ method: 'post', path: `${P}/plans/:id/replan`, response: PlanView, tag, access: STAFF, params: IdParams, body: ReplanBody, status: 201,
      summary: 'Lập lại kế hoạch theo tiến độ thực tế', handler: ({ actor, params, body }) => pl.replan(actor, params.id, body) }),
    defineRoute({ method: 'get', path: `${P}/burndown`, response: Burndown, tag, access: STAFF, query: BurndownQuery,
      summary: 'Khối lượng còn lại theo kế hoạch và thực tế; dự báo ngày hết tồn đọng', handler: ({ query }) => pl.burndown(query.planId) }),
    // ------------------------------------------------------------ progress
    defineRoute({ method: 'get', path: `${P}/progress`, response: ProgressList, tag, access: STAFF, query: ProgressQuery,
      summary: 'Tiến độ đã ghi nhận', handler: ({ query }) => pl.listProgress(query) }),
    defineRoute({ method: 'post', path: `${P}/progress`, response: ProgressEntry, tag, access: STAFF, body: ProgressBody, status: 201,
      summary: 'Ghi nhận khối lượng đã làm (mét, hồ sơ, trang) theo bước', handler: ({ actor, body }) => pl.recordProgress(actor, body) }),
    defineRoute({ method: 'delete', path: `${P}/progress/:id`, response: Deleted, tag, access: STAFF, params: IdParams,
      summary: 'Xóa bản ghi tiến độ', handler: ({ actor, params }) => pl.deleteProgress(actor, params.id) }),
  ];
}
