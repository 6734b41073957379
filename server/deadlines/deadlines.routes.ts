import { z } from 'zod';
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { XLSX_TYPE } from '../core/download.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import type { DeadlinesService } from './deadlines.service.js';
import { IdParams, Level } from '../intake/intake.schemas.js';
import { AgencyDeadlines, OverdueList } from '../contract/intake.js';

const OverdueQuery = z.strictObject({
  sort: z.enum(['overdueFiles', 'earliestDueYear', 'name', 'code']).default('overdueFiles'),
  order: z.enum(['asc', 'desc']).optional(),
  level: Level.optional(),
});

export function deadlinesRoutes(_deps: Deps, s: { deadlines: DeadlinesService }): AnyRoute[] {
  const d = s.deadlines;
  return [
    defineRoute({
      method: 'get', path: '/api/agencies/:id/deadlines', response: AgencyDeadlines, tag: 'deadlines', access: [...STAFF, 'agency'], params: IdParams,
      summary: 'Hạn nộp lưu hồ sơ của một cơ quan: quá hạn, đến hạn năm nay, năm sau',
      handler: ({ actor, params }) => d.agencyDeadlines(actor, params.id),
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
