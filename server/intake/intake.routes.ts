import type { Deps } from '../deps.js';
import { type Role, STAFF } from '../core/actor.js';
import { ImportPreviewQuery } from '../core/schemas.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import type { IntakeService } from './intake.service.js';
import {
  AgencyListQuery, CreateAgencyBody, CreateFondsBody, CreatePlanBody, FondsListQuery, IdParams, PlanAgencyBody,
  PlanAgencyParams, PlansQuery, UpdateAgencyBody, UpdateFondsBody, UpdatePlanAgencyBody,
} from './intake.schemas.js';
import { AgencyList, AgencyDetail, ImportCounts, FondsList, Fonds, PlanList, PlanDetail, PlanAgency } from '../contract/intake.js';

/** Readers of the register; agency accounts are narrowed to their own agency in the services. */
const READERS: readonly Role[] = [...STAFF, 'researcher', 'agency'];

export function intakeRoutes(deps: Deps, s: { intake: IntakeService }): AnyRoute[] {
  const { agencies, fonds, plans } = s.intake;
  return [
    // ------------------------------------------------------------ agencies
    defineRoute({
      method: 'get', path: '/api/agencies', response: AgencyList, tag: 'intake', access: READERS, query: AgencyListQuery,
      summary: 'Danh mục cơ quan thuộc nguồn nộp lưu (tìm không dấu, lọc, sắp xếp, phân trang)',
      handler: ({ actor, query }) => agencies.list(actor, query),
    }),
    defineRoute({
      method: 'post', path: '/api/agencies/import', response: ImportCounts, tag: 'intake', access: STAFF,
      upload: { field: 'file', extensions: ['.xlsx', '.csv', '.xls', '.ods'] }, query: ImportPreviewQuery,
      summary: 'Nhập danh mục cơ quan từ tệp XLSX/CSV (tất cả hoặc không; cập nhật theo mã; ?preview=1: xem trước, không lưu)',
      handler: ({ actor, file, query }) => s.intake.importAgencies(actor, file!, { preview: query.preview }),
    }),
    defineRoute({
      method: 'get', path: '/api/agencies/:id', response: AgencyDetail, tag: 'intake', access: READERS, params: IdParams,
      summary: 'Chi tiết cơ quan: phông, cơ quan trực thuộc, cơ quan tiền thân',
      handler: ({ actor, params }) => agencies.get(actor, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/agencies', response: AgencyDetail, tag: 'intake', access: STAFF, body: CreateAgencyBody, status: 201,
      summary: 'Thêm cơ quan thuộc nguồn nộp lưu',
      handler: ({ actor, body }) => agencies.create(actor, body),
    }),
    defineRoute({
      method: 'patch', path: '/api/agencies/:id', response: AgencyDetail, tag: 'intake', access: STAFF, params: IdParams, body: UpdateAgencyBody,
      summary: 'Sửa cơ quan (kể cả sáp nhập, giải thể với cơ quan kế thừa)',
      handler: ({ actor, params, body }) => agencies.update(actor, params.id, body),
    }),
    // ------------------------------------------------------------ fonds
    defineRoute({
      method: 'get', path: '/api/fonds', response: FondsList, tag: 'intake', access: READERS, query: FondsListQuery,
      summary: 'Danh sách phông lưu trữ',
      handler: ({ actor, query }) => fonds.list(actor, query),
    }),
    defineRoute({
      method: 'get', path: '/api/fonds/:id', response: Fonds, tag: 'intake', access: READERS, params: IdParams,
      summary: 'Chi tiết phông lưu trữ',
      handler: ({ actor, params }) => fonds.get(actor, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/fonds', response: Fonds, tag: 'intake', access: STAFF, body: CreateFondsBody, status: 201,
      summary: 'Thêm phông lưu trữ',
      handler: ({ actor, body }) => fonds.create(actor, body),
    }),
    defineRoute({
      method: 'patch', path: '/api/fonds/:id', response: Fonds, tag: 'intake', access: STAFF, params: IdParams, body: UpdateFondsBody,
      summary: 'Sửa phông lưu trữ',
      handler: ({ actor, params, body }) => fonds.update(actor, params.id, body),
    }),
    // ------------------------------------------------------------ collection plans
    defineRoute({
      method: 'get', path: '/api/plans', response: PlanList, tag: 'intake', access: STAFF, query: PlansQuery,
      summary: 'Kế hoạch thu hồ sơ, tài liệu theo năm, kèm số cơ quan theo trạng thái và số chậm',
      handler: ({ query }) => plans.list(query),
    }),
    defineRoute({
      method: 'get', path: '/api/plans/:id', response: PlanDetail, tag: 'intake', access: STAFF, params: IdParams,
      summary: 'Chi tiết kế hoạch thu: từng cơ quan, tháng dự kiến, trạng thái, số ngày chậm',
      handler: ({ params }) => plans.get(params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/plans', response: PlanDetail, tag: 'intake', access: STAFF, body: CreatePlanBody, status: 201,
      summary: 'Tạo kế hoạch thu theo quyết định của UBND tỉnh',
      handler: ({ actor, body }) => plans.create(actor, body),
    }),
    defineRoute({
      method: 'post', path: '/api/plans/:id/agencies', response: PlanAgency, tag: 'intake', access: STAFF, params: IdParams, body: PlanAgencyBody, status: 201,
      summary: 'Thêm cơ quan vào kế hoạch thu',
      handler: ({ actor, params, body }) => plans.addAgency(actor, params.id, body),
    }),
    defineRoute({
      method: 'patch', path: '/api/plans/:id/agencies/:agencyId', response: PlanAgency, tag: 'intake', access: STAFF, params: PlanAgencyParams,
      body: UpdatePlanAgencyBody,
      summary: 'Sửa tháng dự kiến, trạng thái hoặc ghi chú của cơ quan trong kế hoạch',
      handler: ({ actor, params, body }) => plans.updateAgency(actor, params.id, params.agencyId, body),
    }),
  ];
}
