/** Yearly figures for Sở Nội vụ (docs/domain.md §7), derived only from the event log: one row per year, XLSX and the trend. */
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import { Download, XLSX_TYPE } from '../core/download.js';
import { writeXlsx } from '../spreadsheet/write-xlsx.js';
import { currentYear } from '../core/time/index.js';
import { loadReceipts } from './received-events.js';
import { loadAppraisals, loadDigitised, loadWorkDone } from './work-events.js';
import { firstYear, yearlyFigures, type YearlyFigures, type YearlySources } from './yearly-figures.js';
import { loadReadingYears } from '../reading-room/reading-reports.js';

const MAX_RANGE_YEARS = 100;

type Column = { header: string; width?: number; value: (r: YearlyFigures) => number };

/** §7's order: intake, appraisal and deposit, digitisation, processing, restoration, then holdings at the year's end. */
const COLUMNS: Column[] = [
  { header: 'Năm', width: 8, value: (r) => r.year },
  { header: 'Số hồ sơ thu', value: (r) => r.filesReceived },
  { header: 'Mét giá đo thực tế', value: (r) => r.metresReceived.measured },
  { header: 'Mét giá ước tính', value: (r) => r.metresReceived.estimated },
  { header: 'Số lần giao nộp', value: (r) => r.handoversReceived },
  { header: 'Số cơ quan được thẩm định', width: 18, value: (r) => r.agenciesAppraised },
  { header: 'Số cơ quan nộp lưu', value: (r) => r.agenciesDeposited },
  { header: 'Số trang số hóa', value: (r) => r.pagesDigitised },
  { header: 'Số hồ sơ chỉnh lý xong', width: 18, value: (r) => r.processed.files },
  { header: 'Mét giá chỉnh lý xong', width: 18, value: (r) => r.processed.metres },
  { header: 'Số trang tu bổ', value: (r) => r.pagesRestored },
  { header: 'Tổng hồ sơ trong kho (cuối năm)', width: 22, value: (r) => r.holdings.files },
  { header: 'Tổng cơ quan đã nộp (cuối năm)', width: 22, value: (r) => r.holdings.agencies },
  { header: 'Tổng mét giá đo thực tế (cuối năm)', width: 24, value: (r) => r.holdings.metres.measured },
  { header: 'Tổng mét giá ước tính (cuối năm)', width: 24, value: (r) => r.holdings.metres.estimated },
  { header: 'Tổng trang đã số hóa (cuối năm)', width: 22, value: (r) => r.holdings.pagesDigitised },
  { header: 'Độc giả được phục vụ', width: 18, value: (r) => r.readingRoom?.readersServed ?? 0 },
  { header: 'Phiếu yêu cầu khai thác', width: 18, value: (r) => r.readingRoom?.requests ?? 0 },
  { header: 'Hồ sơ đã phục vụ', width: 16, value: (r) => r.readingRoom?.filesIssued ?? 0 },
  { header: 'Phiếu giải quyết đúng hạn', width: 20, value: (r) => r.readingRoom?.slaMet ?? 0 },
  { header: 'Phiếu quá hạn', width: 14, value: (r) => r.readingRoom?.slaBreached ?? 0 },
];

export function createReportsService(deps: Deps) {
  async function sources(): Promise<YearlySources> {
    const [receipts, appraisals, digitised, work] = [
      await loadReceipts(deps.db), await loadAppraisals(deps.db), await loadDigitised(deps.db), await loadWorkDone(deps.db),
    ];
    return { receipts, appraisals, digitised, work, reading: await loadReadingYears(deps.db, deps.clock()) };
  }

  async function yearly(q: { year?: number }): Promise<YearlyFigures> {
    const year = q.year ?? currentYear(deps.clock);
    return yearlyFigures(await sources(), year);
  }

  /** One row per year; by default from the first year with any figure (or this year) to this year. */
  async function series(q: { from?: number; to?: number }) {
    const src = await sources();
    const to = q.to ?? currentYear(deps.clock);
    const from = q.from ?? Math.min(to, firstYear(src) ?? to);
    if (from > to) throw ERRORS.yearRangeReversed();
    if (to - from + 1 > MAX_RANGE_YEARS) throw ERRORS.yearRangeTooLong(MAX_RANGE_YEARS);
    return { from, to, years: Array.from({ length: to - from + 1 }, (_, i) => yearlyFigures(src, from + i)) };
  }

  async function yearlyXlsx(q: { from?: number; to?: number }): Promise<Download> {
    const { from, to, years } = await series(q);
    const body = await writeXlsx([
      { name: 'Số liệu năm', title: `Số liệu thống kê lưu trữ ${from}–${to} (${deps.config.CENTRE_NAME})`, columns: COLUMNS, rows: years },
    ]);
    return Download.attachment(`so-lieu-thong-ke-${from}-${to}.xlsx`, XLSX_TYPE, body);
  }

  return { yearly, series, yearlyXlsx };
}

export type ReportsService = ReturnType<typeof createReportsService>;
