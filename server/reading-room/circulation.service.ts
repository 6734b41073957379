/**
 * Circulation of originals (TT 10/2014/TT-BNV Điều 9): the pull list for the stacks, check-out to the reading room
 * (the Sổ giao nhận: who handed over, who received, when, due back), check-in with a condition check, re-shelving.
 * One file is out at most once (a unique index backs the check), a reader holds at most READING_MAX_FILES
 * files, for at most LOAN_DAYS. The request moves approved → served → closed with its lines.
 */
import type { Deps } from '../deps.js';
import type { Actor } from '../core/actor.js';
import { ERRORS } from '../core/errors.js';
import { CIRCULATION_ERRORS as E } from '../core/errors-circulation.js';
import { dayToIso, isoToDay, vnDate, vnToday } from '../core/time/index.js';
import { recordEvent } from '../audit/audit.repository.js';
import { tablePdf } from '../print/table-pdf.js';
import { Download, PDF_TYPE } from '../core/download.js';
import * as repo from './circulation.repository.js';
import { servabilityProblems } from './servability.js';

/** What a file's location reads while it is out of the stacks, everywhere a location is shown. */
export const OUT_TO_READER = 'đang phục vụ độc giả';

/** Physical-state codes (DOMAIN.md §4.4) in which an original is not issued: 04 caked and crumbling, 06 torn. */
const POOR_CONDITION = new Set(['04', '06']);

export interface CheckOutInput { lineId: number; receivedByName: string }
export interface CheckInInput { conditionCode: '01' | '02' | '03' | '04' | '05' | '06'; conditionNote?: string | null }

export function createCirculationService(deps: Deps) {
  const { db } = deps;
  const today = () => vnToday(deps.clock);

  async function pullListPdf(requestId?: number) {
    const rows = await repo.pullList(db, requestId);
    const body = await tablePdf({
      organ: deps.config.CENTRE_NAME,
      printedOn: vnDate(today()),
      title: 'DANH SÁCH HỒ SƠ CẦN XUẤT KHO PHỤC VỤ ĐỘC GIẢ',
      subtitle: [`Số hồ sơ: ${rows.length}`],
      columns: [
        { header: 'STT', width: 10, align: 'right' },
        { header: 'Vị trí (kho / phòng / giá / tầng)', width: 50 },
        { header: 'Hộp', width: 18 },
        { header: 'Số, ký hiệu', width: 25 },
        { header: 'Tiêu đề hồ sơ', width: 47 },
        { header: 'Phiếu / độc giả', width: 30 },
      ],
      rows: rows.map((r, i) => ({
        cells: [String(i + 1), r.shelfLabel ?? 'Chưa xếp giá', r.boxCode ?? '', r.fileNotation, r.title, `${r.requestNo}/${r.requestYear} — ${r.readerName}`],
      })),
      footer: ['Người xuất kho (ký, ghi rõ họ tên)                    Người nhận (ký, ghi rõ họ tên)'],
    });
    return Download.attachment(`danh-sach-xuat-kho-${today()}.pdf`, PDF_TYPE, body);
  }

  async function checkOut(actor: Actor, input: CheckOutInput): Promise<repo.LoanRow> {
    return db.transaction(async (tx) => {
      const line = await repo.lineForIssue(tx, input.lineId);
      if (!line) throw E.requestLineNotFound();
      if (line.requestKind !== 'read') throw E.requestKindMismatch('read');
      if (line.requestStatus !== 'approved' && line.requestStatus !== 'served') throw E.requestNotApproved(line.requestStatus);
      if (line.serveAs !== 'original') throw E.lineServedDigitally();
      if (await repo.openLoanOfFile(tx, line.recordFileId)) throw E.fileAlreadyOut();
      // The same TT 10/2014 checks as submission and approval (secret, processing, restoration, condition 04/06),
      // plus the condition found at the file's last check-in, which the register's text may not show yet.
      const [problem] = await servabilityProblems(tx, [line.recordFileId], today());
      if (problem) throw E.fileNotServable(problem.message, problem.code);
      if (line.lastConditionCode && POOR_CONDITION.has(line.lastConditionCode)) {
        throw E.fileNotServable(`lần trả gần nhất ghi tình trạng vật lý mã ${line.lastConditionCode} (hư hỏng nặng)`, 'FILE_POOR_CONDITION');
      }
      const max = deps.config.READING_MAX_FILES;
      if ((await repo.openLoansOfReader(tx, line.readerId)) >= max) throw E.readerLimitReached(max);
      const at = deps.clock();
      const id = await repo.insertLoan(tx, {
        lineId: line.lineId, requestId: line.requestId, recordFileId: line.recordFileId, readerId: line.readerId,
        handedOverBy: actor.id, handedOverByName: actor.displayName, receivedByName: input.receivedByName, at,
        dueOn: dayToIso(isoToDay(today()) + deps.config.LOAN_DAYS),
      });
      await repo.settleRequestStatus(tx, line.requestId, at);
      const row = (await repo.getLoan(tx, today(), id))!;
      await recordEvent(tx, actor, { entityType: 'loan', entityId: id, action: 'loan.checked_out', after: row });
      return row;
    });
  }

  async function checkIn(actor: Actor, loanId: number, input: CheckInInput): Promise<repo.LoanRow> {
    return db.transaction(async (tx) => {
      const loan = await repo.lockLoan(tx, loanId);
      if (!loan) throw E.loanNotFound();
      if (loan.checkedInAt) throw E.loanAlreadyIn();
      const at = deps.clock();
      await repo.checkIn(tx, loanId, { by: actor.id, byName: actor.displayName, at, conditionCode: input.conditionCode, conditionNote: input.conditionNote ?? null });
      await repo.settleRequestStatus(tx, loan.requestId, at);
      const row = (await repo.getLoan(tx, today(), loanId))!;
      await recordEvent(tx, actor, { entityType: 'loan', entityId: loanId, action: 'loan.checked_in', after: row });
      return row;
    });
  }

  async function reshelve(actor: Actor, loanId: number): Promise<repo.LoanRow> {
    return db.transaction(async (tx) => {
      const loan = await repo.lockLoan(tx, loanId);
      if (!loan) throw E.loanNotFound();
      if (!loan.checkedInAt) throw E.loanNotIn();
      if (loan.reshelvedAt) throw E.loanAlreadyReshelved();
      await repo.reshelve(tx, loanId, actor.id, deps.clock());
      const row = (await repo.getLoan(tx, today(), loanId))!;
      await recordEvent(tx, actor, { entityType: 'loan', entityId: loanId, action: 'loan.reshelved', after: row });
      return row;
    });
  }

  return {
    pullList: async (requestId?: number) => ({ items: await repo.pullList(db, requestId) }),
    pullListPdf,
    checkOut,
    checkIn,
    reshelve,
    loans: async (f: { state: 'out' | 'overdue' | 'to_reshelve' | 'all'; readerId?: number; requestId?: number }) => ({ items: await repo.listLoans(db, today(), f) }),
    async loan(id: number) {
      const row = await repo.getLoan(db, today(), id);
      if (!row) throw ERRORS.notFound('lượt giao nhận hồ sơ');
      return row;
    },
  };
}

export type CirculationService = ReturnType<typeof createCirculationService>;
