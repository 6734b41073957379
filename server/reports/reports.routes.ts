import { z } from 'zod';
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { XLSX_TYPE } from '../core/download.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { year } from '../core/schemas.js';
import type { ReportsService } from './reports.service.js';
import { YearlyReport, YearlySeries } from '../contract/stacks.js';

const YearQuery = z.strictObject({ year: year.optional() });
const RangeQuery = z.strictObject({ from: year.optional(), to: year.optional() });

export function reportsRoutes(_deps: Deps, s: { reports: ReportsService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/reports/yearly', response: YearlyReport, tag: 'reports', access: STAFF, query: YearQuery,
      summary: 'Số liệu thống kê trong năm (thu nộp, thẩm định, số hóa, chỉnh lý, tu bổ) và tổng đến cuối năm, từ nhật ký sự kiện',
      handler: ({ query }) => s.reports.yearly(query),
    }),
    defineRoute({
      method: 'get', path: '/api/reports/yearly-series', response: YearlySeries, tag: 'reports', access: STAFF, query: RangeQuery,
      summary: 'Số liệu thống kê theo từng năm (mặc định từ năm đầu tiên có số liệu đến năm nay), để vẽ xu hướng',
      handler: ({ query }) => s.reports.series(query),
    }),
    defineRoute({
      method: 'get', path: '/api/reports/yearly.xlsx', tag: 'reports', access: STAFF, query: RangeQuery, produces: XLSX_TYPE,
      summary: 'Tải số liệu thống kê theo năm (XLSX, mỗi năm một dòng)',
      handler: ({ query }) => s.reports.yearlyXlsx(query),
    }),
  ];
}
