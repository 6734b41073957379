import { z } from 'zod';
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { XLSX_TYPE } from '../core/download.js';
import { Pagination } from '../core/schemas.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import type { DeadlinesService } from './deadlines.service.js';
import { IdParams, Level } from '../intake/intake.schemas.js';
import { AgencyDeadlines, DueFilePage, OverdueList } from '../contract/intake.js';

const OverdueQuery = z.strictObject({
  sort: z.enum(['overdueFiles', 'earliestDueYear', 'name', 'code']).default('overdueFiles'),
  order: z.enum(['asc', 'desc']).optional(),
  level: Level.optional(),
});

const DueFilesSelection = {
  list: z.enum(['overdue', 'upcoming']).default('overdue'),
  sort: z.enum(['dueYear', 'fileNotation', 'endYear', 'title']).default('dueYear'),
  order: z.enum(['asc', 'desc']).optional(),
};
const DueFilesQuery = z.strictObject({ ...DueFilesSelection, ...Pagination });
const DueFilesExportQuery = z.strictObject(DueFilesSelection);

export function deadlinesRoutes(_deps: Deps, s: { deadlines: DeadlinesService }): AnyRoute[] {
  const d = s.deadlines;
  return [
    defineRoute({
      method: 'get', path: '/api/agencies/:id/deadlines', response: AgencyDeadlines, tag: 'deadlines', access: [...STAFF, 'agency'], params: IdParams,
      summary: 'Hạn nộp lưu hồ sơ của một cơ quan: quá hạn, đến hạn năm nay, năm sau',
      handler: ({ actor, params }) => d.agencyDeadlines(actor, params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/agencies/:id/deadlines/files', response: DueFilePage, tag: 'deadlines', access: [...STAFF, 'agency'], params: IdParams, query: DueFilesQuery,
      summary: 'Hồ sơ quá hạn hoặc sắp đến hạn nộp lưu của một cơ quan, từng trang, kèm tổng số',
      handler: ({ actor, params, query }) => d.dueFiles(actor, params.id, query),
    }),
    defineRoute({
      method: 'get', path: '/api/agencies/:id/deadlines/files.xlsx', tag: 'deadlines', access: [...STAFF, 'agency'], params: IdParams, query: DueFilesExportQuery, produces: XLSX_TYPE,
      summary: 'Xuất toàn bộ hồ sơ quá hạn hoặc sắp đến hạn nộp lưu của một cơ quan ra Excel',
      handler: ({ actor, params, query }) => d.dueFilesXlsx(actor, params.id, query),
    }),
    defineRoute({
      method: 'get', path: '/api/deadlines/mine', response: AgencyDeadlines, tag: 'deadlines', access: ['agency'],
      summary: 'Hạn nộp lưu hồ sơ của cơ quan mình (tài khoản cơ quan)',
      handler: ({ actor }) => d.mine(actor),
    }),
    defineRoute({
      method: 'get', path: '/api/deadlines/overdue', response: OverdueList, tag: 'deadlines', access: STAFF, query: OverdueQuery,
      summary: 'Các cơ quan có hồ sơ quá hạn nộp lưu',
      handler: ({ query }) => d.overdueList(query),
    }),
    defineRoute({
      method: 'get', path: '/api/deadlines/overdue.xlsx', tag: 'deadlines', access: STAFF, query: OverdueQuery, produces: XLSX_TYPE,
      summary: 'Xuất danh sách cơ quan quá hạn nộp lưu ra Excel',
      handler: ({ query }) => d.overdueXlsx(query),
    }),
  ];
}
