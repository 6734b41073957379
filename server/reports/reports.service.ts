/** Yearly figures for Sở Nội vụ, derived only from the 'handover.received' events (docs/domain.md §7). */
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import { Download, XLSX_TYPE } from '../core/download.js';
import { writeXlsx } from '../spreadsheet/write-xlsx.js';
import { currentYear } from '../core/time/index.js';
import { loadReceipts } from './received-events.js';
import { yearlyFigures, type YearlyFigures } from './yearly-figures.js';

const MAX_RANGE_YEARS = 100;

export function createReportsService(deps: Deps) {
  async function yearly(q: { year?: number }): Promise<YearlyFigures> {
    const year = q.year ?? currentYear(deps.clock);
    return yearlyFigures(await loadReceipts(deps.db), year);
  }

  /** One row per year; by default from the first receipt (or this year) to this year. */
  async function yearlyXlsx(q: { from?: number; to?: number }): Promise<Download> {
    const receipts = await loadReceipts(deps.db);
    const thisYear = currentYear(deps.clock);
    const to = q.to ?? thisYear;
    const from = q.from ?? Math.min(to, ...receipts.map((r) => r.year));
    if (from > to) throw ERRORS.yearRangeReversed();
    if (to - from + 1 > MAX_RANGE_YEARS) {
      throw ERRORS.yearRangeTooLong(MAX_RANGE_YEARS);
    }
    const rows = Array.from({ length: to - from + 1 }, (_, i) => yearlyFigures(receipts, from + i));
    const body = await writeXlsx([
      {
        name: 'Số liệu năm',
        title: `Số liệu thu nộp tài liệu ${from}–${to} (${deps.config.CENTRE_NAME})`,
        columns: [
          { header: 'Năm', width: 8, value: (r: YearlyFigures) => r.year },
          { header: 'Số lần giao nộp', value: (r: YearlyFigures) => r.handoversReceived },
          { header: 'Số cơ quan nộp lưu', value: (r: YearlyFigures) => r.agenciesDeposited },
          { header: 'Số hồ sơ thu', value: (r: YearlyFigures) => r.filesReceived },
          { header: 'Mét giá đo thực tế', value: (r: YearlyFigures) => r.metresReceived.measured },
          { header: 'Mét giá ước tính', value: (r: YearlyFigures) => r.metresReceived.estimated },
          { header: 'Tổng hồ sơ trong kho (cuối năm)', width: 22, value: (r: YearlyFigures) => r.holdings.files },
          { header: 'Tổng cơ quan đã nộp (cuối năm)', width: 22, value: (r: YearlyFigures) => r.holdings.agencies },
          { header: 'Tổng mét giá đo thực tế (cuối năm)', width: 24, value: (r: YearlyFigures) => r.holdings.metres.measured },
          { header: 'Tổng mét giá ước tính (cuối năm)', width: 24, value: (r: YearlyFigures) => r.holdings.metres.estimated },
        ],
        rows,
      },
    ]);
    return Download.attachment(`so-lieu-thu-nop-${from}-${to}.xlsx`, XLSX_TYPE, body);

  }

  return { yearly, yearlyXlsx };
}

export type ReportsService = ReturnType<typeof createReportsService>;
