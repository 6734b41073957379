import { z } from 'zod';
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { XLSX_TYPE } from '../core/download.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { year } from '../core/schemas.js';
import type { ReportsService } from './reports.service.js';
import { YearlyReport } from '../contract/stacks.js';

const YearQuery = z.strictObject({ year: year.optional() });
const RangeQuery = z.strictObject({ from: year.optional(), to: year.optional() });

export function reportsRoutes(_deps: Deps, s: { reports: ReportsService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/reports/yearly', response: YearlyReport, tag: 'reports', access: STAFF, query: YearQuery,
      summary: 'Số liệu thu nộp trong năm và tổng tài liệu trong kho đến cuối năm (từ nhật ký sự kiện)',
      handler: ({ query }) => s.reports.yearly(query),
    }),
    defineRoute({
      method: 'get', path: '/api/reports/yearly.xlsx', tag: 'reports', access: STAFF, query: RangeQuery, produces: XLSX_TYPE,
      summary: 'Tải số liệu thu nộp theo năm (XLSX, mỗi năm một dòng)',
      handler: ({ query }) => s.reports.yearlyXlsx(query),
    }),
  ];
}
