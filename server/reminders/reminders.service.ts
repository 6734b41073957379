/**
 * Reminder letters (công văn đôn đốc) to agencies whose files are overdue for deposit (issue #9).
 *
 * Making a reminder is sending it as far as the system goes: the notice appears at once on the agency's own page,
 * which is the one channel the system itself delivers. The signed paper or e-office letter leaves the centre later,
 * after the director signs and the clerk numbers it, so its dispatch (date, channel, number if not given before) is a
 * separate action; until then the letter prints "Số: ……/TTLT-NV" for the clerk to fill in.
 *
 * What was overdue is computed by the deadlines area (each owed file once, cancelled drafts owing nothing) and copied
 * into the reminder, so the letter still says what it said on the day it was made.
 */
import type { Deps } from '../deps.js';
import { personOf, type Actor } from '../core/actor.js';
import { ERRORS } from '../core/errors.js';
import { DOCX_TYPE, Download, XLSX_TYPE } from '../core/download.js';
import { addDays, currentYear, vnDate, vnToday } from '../core/time/index.js';
import { recordEvent } from '../audit/audit.repository.js';
import { assertOwnAgency } from '../intake/access-scope.js';
import { planLateness } from '../intake/plan-lateness.js';
import { dueFilesPage, overdueAgencies } from '../deadlines/deadlines.repository.js';
import { placeNameOf } from '../print/admin-docx.js';
import { writeXlsx } from '../spreadsheet/write-xlsx.js';
import { buildReminderDocx, type ReminderLetterData } from './reminder-docx.js';
import * as repo from './reminders.repository.js';
import type { DispatchChannel, LatePlan, ReminderDetailRow, ReminderFile, ReminderRow } from './reminders.repository.js';

export interface CreateReminders {
  agencyIds?: number[];
  allOverdue?: boolean;
  /** The first number from the outgoing register; the batch takes consecutive numbers in agency-code order. */
  firstNumber?: number | null;
  replyBy?: string | null;
}

export interface DispatchReminder {
  dispatchedOn: string;
  channel: DispatchChannel;
  number?: number | null;
}

const reference = (r: { number: number | null; notation: string }) => `${r.number ?? '……'}/${r.notation}`;

function present(r: ReminderRow) {
  const { agencyId, agencyCode, agencyName, ...rest } = r;
  return { ...rest, reference: reference(r), agency: { id: agencyId, code: agencyCode, name: agencyName } };
}

export function createRemindersService(deps: Deps) {
  const cfg = deps.config;

  /** Every owed file overdue today, in due-year order: the computation the deadlines pages show. */
  async function overdueNow(agencyId: number, year: number) {
    const page = await dueFilesPage(deps.db, agencyId, year, { list: 'overdue', sort: 'dueYear', order: 'asc', offset: 0 });
    return page.items.map((f) => ({ fileNotation: f.fileNotation, title: f.title, endYear: f.endYear, dueYear: f.dueYear!, dueRule: f.dueRule }));
  }

  async function latePlans(agencyId: number) {
    const now = deps.clock();
    return (await repo.openPlanEntries(deps.db, agencyId)).filter((p) => planLateness(p.planYear, p.scheduledMonth, p.status, now).late);
  }

  async function targets(q: CreateReminders, year: number) {
    if (q.allOverdue) {
      const rows = await overdueAgencies(deps.db, { year, sort: 'code', order: 'asc' });
      if (rows.length === 0) throw ERRORS.reminderNoOverdueAgency();
      return rows.map((r) => ({ id: r.agencyId, code: r.code, name: r.name }));
    }
    const ids = [...new Set(q.agencyIds ?? [])];
    if (ids.length === 0) throw ERRORS.reminderNoAgency();
    const found = await repo.agenciesByIds(deps.db, ids);
    const missing = ids.filter((id) => !found.some((a) => a.id === id));
    if (missing.length) throw ERRORS.reminderAgencyNotFound(missing);
    return found;
  }

  function letterData(r: ReminderDetailRow): ReminderLetterData {
    return {
      centreName: cfg.CENTRE_NAME,
      placeName: cfg.CENTRE_PLACE ?? placeNameOf(cfg.CENTRE_NAME),
      reference: reference(r),
      issuedOn: r.issuedOn,
      replyBy: r.replyBy,
      agencyName: r.agencyName,
      overdueFiles: r.overdueFiles,
      earliestDueYear: r.earliestDueYear,
      files: r.files,
      latePlans: r.latePlans,
      maxRows: cfg.REMINDER_LETTER_ROWS,
      signerTitle: cfg.REMINDER_SIGNER_TITLE,
    };
  }

  /** Unknown, or another agency's: 404 alike for an agency account, so it learns nothing of other agencies' letters. */
  async function visible(actor: Actor, id: number) {
    const r = await repo.getReminder(deps.db, id);
    if (!r || (actor.role === 'agency' && actor.agencyId !== r.agencyId)) throw ERRORS.notFound('công văn đôn đốc');
    return r;
  }

  async function detail(actor: Actor, id: number) {
    const { files, latePlans: plans, ...row } = await visible(actor, id);
    return { ...present(row), files, latePlans: plans };
  }

  /**
   * Two staff giving the same register number at the same instant both pass the check before inserting; the unique
   * index stops the second, and it gets the same answer as if it had come a moment later.
   */
  async function numbered<T>(year: number, notation: string, numbers: number[], write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if ((err as { constraint?: string }).constraint !== repo.NUMBER_INDEX) throw err;
      const taken = await repo.takenNumbers(deps.db, year, notation, numbers);
      throw ERRORS.reminderNumberTaken(taken.length ? taken : numbers, notation);
    }
  }

  async function agencyList(agencyId: number) {
    return { items: (await repo.agencyReminders(deps.db, agencyId)).map(present) };
  }

  return {
    /** All or nothing: an unknown agency, one with nothing overdue or a number already used stops the whole batch. */
    async create(actor: Actor, q: CreateReminders) {
      const year = currentYear(deps.clock);
      const today = vnToday(deps.clock);
      const replyBy = q.replyBy ?? addDays(today, cfg.REMINDER_REPLY_DAYS);
      if (replyBy <= today) throw ERRORS.reminderReplyByInvalid();
      const agencies = await targets(q, year);
      const snapshots: { agency: (typeof agencies)[number]; files: ReminderFile[]; latePlans: LatePlan[] }[] = [];
      for (const a of agencies) snapshots.push({ agency: a, files: await overdueNow(a.id, year), latePlans: await latePlans(a.id) });
      const idle = snapshots.filter((s) => s.files.length === 0);
      if (idle.length) throw ERRORS.reminderNothingOverdue(idle.map((s) => `${s.agency.name} (${s.agency.code})`));
      const numbers = q.firstNumber ? snapshots.map((_, i) => q.firstNumber! + i) : [];
      const person = personOf(actor);
      const ids = await numbered(year, cfg.REMINDER_NOTATION, numbers, () => deps.db.transaction(async (tx) => {
        const taken = numbers.length ? await repo.takenNumbers(tx, year, cfg.REMINDER_NOTATION, numbers) : [];
        if (taken.length) throw ERRORS.reminderNumberTaken(taken, cfg.REMINDER_NOTATION);
        const batchId = await repo.nextBatchId(tx);
        const out: number[] = [];
        for (const [i, s] of snapshots.entries()) {
          const id = await repo.insertReminder(tx, {
            batchId, agencyId: s.agency.id, number: numbers[i] ?? null, notation: cfg.REMINDER_NOTATION, issuedOn: today, replyBy,
            createdAt: deps.clock(), createdBy: person?.id ?? null, createdByName: person?.displayName ?? 'hệ thống', currentYear: year,
            files: s.files, latePlans: s.latePlans,
          });
          await recordEvent(tx, actor, {
            entityType: 'reminder', entityId: id, action: 'reminder.created',
            after: { agencyId: s.agency.id, batchId, number: numbers[i] ?? null, notation: cfg.REMINDER_NOTATION, issuedOn: today, replyBy, overdueFiles: s.files.length },
          });
          out.push(id);
        }
        return { batchId, ids: out };
      }));
      const rows = await repo.batchReminders(deps.db, ids.batchId);
      return { batchId: ids.batchId, items: rows.map(({ files: _f, latePlans: _p, ...r }) => present(r)) };
    },

    get: detail,

    async letterDocx(actor: Actor, id: number): Promise<Download> {
      const r = await visible(actor, id);
      const body = await buildReminderDocx([letterData(r)]);
      return Download.attachment(`cong-van-don-doc-${r.agencyCode}-${r.id}.docx`, DOCX_TYPE, body);
    },

    /** The whole batch as one document, one letter per page run, for one print job. */
    async batchDocx(batchId: number): Promise<Download> {
      const rows = await repo.batchReminders(deps.db, batchId);
      if (rows.length === 0) throw ERRORS.notFound('đợt công văn đôn đốc');
      const body = await buildReminderDocx(rows.map(letterData));
      return Download.attachment(`cong-van-don-doc-dot-${batchId}.docx`, DOCX_TYPE, body);
    },

    /** "Danh sách kèm theo": every file the letter counted, as it stood that day. */
    async filesXlsx(actor: Actor, id: number): Promise<Download> {
      const r = await visible(actor, id);
      type Row = (typeof r.files)[number] & { no: number };
      const body = await writeXlsx([
        {
          name: 'Danh sách kèm theo',
          title: `Danh sách hồ sơ quá hạn nộp lưu kèm theo Công văn số ${reference(r)} ngày ${vnDate(r.issuedOn)} — ${r.agencyName}`,
          rows: r.files.map((f, i) => ({ ...f, no: i + 1 })),
          columns: [
            { header: 'STT', width: 6, value: (x: Row) => x.no },
            { header: 'Số và ký hiệu hồ sơ', width: 18, value: (x: Row) => x.fileNotation },
            { header: 'Tiêu đề hồ sơ', width: 60, value: (x: Row) => x.title },
            { header: 'Năm kết thúc', width: 12, value: (x: Row) => x.endYear },
            { header: 'Năm đến hạn', width: 12, value: (x: Row) => x.dueYear },
          ],
        },
      ]);
      return Download.attachment(`danh-sach-kem-theo-${r.agencyCode}-${r.id}.xlsx`, XLSX_TYPE, body);
    },

    async forAgency(actor: Actor, agencyId: number) {
      if (!(await repo.agenciesByIds(deps.db, [agencyId])).length) throw ERRORS.notFound('cơ quan');
      assertOwnAgency(actor, agencyId);
      return agencyList(agencyId);
    },

    async mine(actor: Actor) {
      if (actor.agencyId === null) throw ERRORS.forbidden('Chỉ tài khoản cơ quan có công văn đôn đốc của riêng mình.');
      return agencyList(actor.agencyId);
    },

    async dispatch(actor: Actor, id: number, d: DispatchReminder) {
      const r = await visible(actor, id);
      if (d.dispatchedOn < r.issuedOn || d.dispatchedOn > vnToday(deps.clock)) throw ERRORS.reminderDispatchDateInvalid();
      const number = d.number ?? null;
      if (number !== null && r.number !== null && number !== r.number) throw ERRORS.reminderNumberSet(reference(r));
      await numbered(r.currentYear, r.notation, number === null ? [] : [number], () => deps.db.transaction(async (tx) => {
        if (number !== null && r.number === null && (await repo.takenNumbers(tx, r.currentYear, r.notation, [number])).length) {
          throw ERRORS.reminderNumberTaken([number], r.notation);
        }
        await repo.setDispatch(tx, id, { on: d.dispatchedOn, channel: d.channel, number });
        await recordEvent(tx, actor, {
          entityType: 'reminder', entityId: id, action: 'reminder.dispatched',
          before: { dispatchedOn: r.dispatchedOn, channel: r.dispatchChannel, number: r.number },
          after: { dispatchedOn: d.dispatchedOn, channel: d.channel, number: number ?? r.number },
        });
      }));
      return detail(actor, id);
    },
  };
}

export type RemindersService = ReturnType<typeof createRemindersService>;
