/**
 * Reading-room figures per year (and per month): readers registered and served, slips by kind and by outcome,
 * files issued (lines of served slips), SLA met / breached. Months are Vietnam calendar months of submission.
 * A slip still open past its due time counts as breached; refused slips are measured at their decision.
 */
import type { Deps } from '../deps.js';
import { Download, XLSX_TYPE } from '../core/download.js';
import { writeXlsx } from '../spreadsheet/write-xlsx.js';
import type { ReadingReport } from '../contract/reading-room.js';

const VN = (col: string) => `((${col} AT TIME ZONE 'UTC') + interval '7 hours')`;
const KIND_LABEL: Record<string, string> = { read: 'Đọc', copy: 'Sao', certified_copy: 'Sao và chứng thực', access: 'Khai thác hồ sơ hạn chế' };
const STATUS_LABEL: Record<string, string> = {
  submitted: 'Chờ duyệt', needs_info: 'Chờ bổ sung', approved: 'Đã duyệt', refused: 'Từ chối', cancelled: 'Độc giả hủy', served: 'Đã phục vụ', closed: 'Đã kết thúc',
};

export function createReadingReports(deps: Deps) {
  const { db } = deps;

  async function report(year: number, month: number | null): Promise<ReadingReport> {
    const now = deps.clock();
    const params: unknown[] = [year, month];
    const withNow = [...params, now];
    const inPeriod = (col: string) => `EXTRACT(YEAR FROM ${VN(col)}) = $1 AND ($2::int IS NULL OR EXTRACT(MONTH FROM ${VN(col)}) = $2)`;
    const [{ registered }] = await db.query<{ registered: number }>(`SELECT count(*)::int AS registered FROM readers WHERE ${inPeriod('created_at')}`, params);
    const months = await db.query<{ month: number; readersServed: number; requests: number; filesIssued: number; slaMet: number; slaBreached: number }>(
      `SELECT EXTRACT(MONTH FROM ${VN('r.submitted_at')})::int AS month,
              count(DISTINCT r.reader_id) FILTER (WHERE r.status IN ('approved', 'served', 'closed'))::int AS "readersServed",
              count(*)::int AS requests,
              coalesce(sum((SELECT count(*) FROM access_request_lines l WHERE l.request_id = r.id)) FILTER (WHERE r.status IN ('served', 'closed')), 0)::int AS "filesIssued",
              count(*) FILTER (WHERE r.status IN ('served', 'closed', 'refused') AND coalesce(r.served_at, r.decided_at) <= r.due_at)::int AS "slaMet",
              count(*) FILTER (WHERE (r.status IN ('served', 'closed', 'refused') AND coalesce(r.served_at, r.decided_at) > r.due_at)
                                  OR (r.status IN ('submitted', 'needs_info', 'approved') AND r.due_at < $3))::int AS "slaBreached"
         FROM access_requests r WHERE ${inPeriod('r.submitted_at')} GROUP BY 1 ORDER BY 1`, withNow);
    const by = (col: string) => db.query<{ key: string; count: number }>(
      `SELECT ${col} AS key, count(*)::int AS count FROM access_requests r WHERE ${inPeriod('r.submitted_at')} GROUP BY 1 ORDER BY 1`, params);
    const [{ served }] = await db.query<{ served: number }>(
      `SELECT count(DISTINCT reader_id)::int AS served FROM access_requests r WHERE ${inPeriod('r.submitted_at')} AND r.status IN ('approved', 'served', 'closed')`, params);
    const total = (k: 'filesIssued' | 'slaMet' | 'slaBreached') => months.reduce((a, m) => a + m[k], 0);
    return {
      year, month, readersRegistered: registered!, readersServed: served!, requestsByKind: await by('r.kind'), requestsByOutcome: await by('r.status'),
      filesIssued: total('filesIssued'), slaMet: total('slaMet'), slaBreached: total('slaBreached'), months,
    };
  }

  return {
    report,
    async xlsx(year: number) {
      const r = await report(year, null);
      type M = ReadingReport['months'][number];
      const body = await writeXlsx([
        {
          name: 'Theo tháng', title: `PHỤC VỤ ĐỘC GIẢ NĂM ${year} — ${deps.config.CENTRE_NAME}`,
          columns: [
            { header: 'Tháng', width: 8, value: (m: M) => m.month },
            { header: 'Độc giả được phục vụ', width: 20, value: (m: M) => m.readersServed },
            { header: 'Phiếu yêu cầu', width: 14, value: (m: M) => m.requests },
            { header: 'Hồ sơ đã phục vụ', width: 16, value: (m: M) => m.filesIssued },
            { header: 'Đúng hạn', width: 12, value: (m: M) => m.slaMet },
            { header: 'Quá hạn', width: 12, value: (m: M) => m.slaBreached },
          ],
          rows: r.months,
        },
        {
          name: 'Tổng hợp',
          columns: [{ header: 'Chỉ tiêu', width: 40, value: (x: [string, number]) => x[0] }, { header: 'Số lượng', width: 12, value: (x: [string, number]) => x[1] }],
          rows: [
            ['Độc giả đăng ký mới', r.readersRegistered], ['Độc giả được phục vụ', r.readersServed], ['Hồ sơ đã phục vụ', r.filesIssued],
            ['Phiếu giải quyết đúng hạn', r.slaMet], ['Phiếu quá hạn', r.slaBreached],
            ...r.requestsByKind.map((k): [string, number] => [`Phiếu ${KIND_LABEL[k.key] ?? k.key}`, k.count]),
            ...r.requestsByOutcome.map((k): [string, number] => [`Trạng thái: ${STATUS_LABEL[k.key] ?? k.key}`, k.count]),
          ],
        },
      ]);
      return Download.attachment(`phuc-vu-doc-gia-${year}.xlsx`, XLSX_TYPE, body);
    },
  };
}

export type ReadingReports = ReturnType<typeof createReadingReports>;

/** One year of reading-room figures for the yearly report (server/reports/yearly-figures.ts). */
export interface ReadingYear { year: number; readersServed: number; requests: number; filesIssued: number; slaMet: number; slaBreached: number }

/** Every year with a request slip, counted as in `report` (Vietnam calendar year of submission). */
export async function loadReadingYears(db: Deps['db'], now: Date): Promise<ReadingYear[]> {
  return db.query<ReadingYear>(
    `SELECT EXTRACT(YEAR FROM ${VN('r.submitted_at')})::int AS year,
            count(DISTINCT r.reader_id) FILTER (WHERE r.status IN ('approved', 'served', 'closed'))::int AS "readersServed",
            count(*)::int AS requests,
            coalesce(sum((SELECT count(*) FROM access_request_lines l WHERE l.request_id = r.id)) FILTER (WHERE r.status IN ('served', 'closed')), 0)::int AS "filesIssued",
            count(*) FILTER (WHERE r.status IN ('served', 'closed', 'refused') AND coalesce(r.served_at, r.decided_at) <= r.due_at)::int AS "slaMet",
            count(*) FILTER (WHERE (r.status IN ('served', 'closed', 'refused') AND coalesce(r.served_at, r.decided_at) > r.due_at)
                                OR (r.status IN ('submitted', 'needs_info', 'approved') AND r.due_at < $1))::int AS "slaBreached"
       FROM access_requests r GROUP BY 1 ORDER BY 1`, [now]);
}
