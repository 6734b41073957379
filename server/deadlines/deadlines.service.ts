import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { Download, XLSX_TYPE } from '../core/download.js';
import { writeXlsx } from '../spreadsheet/write-xlsx.js';
import { assertOwnAgency } from '../intake/access-scope.js';
import { LEVEL_LABELS, STATUS_LABELS } from '../intake/agency-rules.js';
import { currentYear } from '../core/time/index.js';
import { DUE_RULE_LABELS, type DueRule } from './deposit-deadline.js';
import * as repo from './deadlines.repository.js';
import type { DueFileRow, DueFileSort, DueList, OverdueSort } from './deadlines.repository.js';

export type DueStatus = 'overdue' | 'due_this_year' | 'due_next_year' | 'later' | 'pending_declassification' | 'deposited';

export interface OverdueQuery {
  sort: OverdueSort;
  order?: 'asc' | 'desc';
  level?: 'province' | 'district' | 'commune';
}

export interface DueFilesQuery {
  list: DueList;
  sort: DueFileSort;
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export function dueStatus(f: { received: boolean; dueYear: number | null }, year: number): DueStatus {
  if (f.received) return 'deposited';
  if (f.dueYear === null) return 'pending_declassification';
  if (f.dueYear < year) return 'overdue';
  if (f.dueYear === year) return 'due_this_year';
  if (f.dueYear === year + 1) return 'due_next_year';
  return 'later';
}

const ruleLabel = (rule: string) => DUE_RULE_LABELS[rule as DueRule] ?? rule;

function presentFile(f: DueFileRow, year: number) {
  const { received: _r, ...rest } = f;
  return { ...rest, dueRuleLabel: ruleLabel(f.dueRule), status: dueStatus(f, year) };
}

/** Counts first: the natural question is "who is most behind", so numbers sort descending by default. */
const defaultOrder = (sort: OverdueSort) => (sort === 'overdueFiles' ? 'desc' : 'asc');

const LIST_TITLES: Record<DueList, string> = { overdue: 'Hồ sơ quá hạn nộp lưu', upcoming: 'Hồ sơ sắp đến hạn nộp lưu' };

export function createDeadlinesService(deps: Deps) {
  async function forAgency(agency: { id: number; code: string; name: string }) {
    const year = currentYear(deps.clock);
    const groups = await repo.dueGroups(deps.db, agency.id);
    const summary = {
      overdue: { files: 0, earliestDueYear: null as number | null },
      dueThisYear: { files: 0 },
      dueNextYear: { files: 0 },
      later: { files: 0 },
      pendingDeclassification: { files: 0 },
      deposited: { files: 0 },
    };
    const byYear: { dueYear: number; rule: string; files: number; ruleLabel: string }[] = [];
    for (const g of groups) {
      const status = dueStatus(g, year);
      if (status === 'overdue') {
        summary.overdue.files += g.files;
        summary.overdue.earliestDueYear = Math.min(summary.overdue.earliestDueYear ?? Infinity, g.dueYear!);
      } else if (status === 'due_this_year') summary.dueThisYear.files += g.files;
      else if (status === 'due_next_year') summary.dueNextYear.files += g.files;
      else if (status === 'later') summary.later.files += g.files;
      else if (status === 'pending_declassification') summary.pendingDeclassification.files += g.files;
      else summary.deposited.files += g.files;
      if (!g.received && g.dueYear !== null) byYear.push({ dueYear: g.dueYear, rule: g.rule, files: g.files, ruleLabel: ruleLabel(g.rule) });
    }
    return {
      agency: { id: agency.id, code: agency.code, name: agency.name },
      currentYear: year,
      transitionRule: deps.config.DEADLINE_TRANSITION_RULE,
      summary,
      byYear,
    };
  }

  /** Unknown id → 404 for everyone; another agency's id → 403 for an agency account. */
  async function visibleAgency(actor: Actor, agencyId: number) {
    const agency = await repo.agencyRef(deps.db, agencyId);
    if (!agency) throw ERRORS.notFound('cơ quan');
    assertOwnAgency(actor, agencyId);
    return agency;
  }

  async function overdueList(q: OverdueQuery) {
    const year = currentYear(deps.clock);
    const rows = await repo.overdueAgencies(deps.db, { year, level: q.level, sort: q.sort, order: q.order ?? defaultOrder(q.sort) });
    return { currentYear: year, items: rows.map((r) => ({ ...r, yearsOverdue: year - r.earliestDueYear })) };
  }

  async function filesOf(agencyId: number, q: Omit<DueFilesQuery, 'limit'> & { limit?: number }) {
    const year = currentYear(deps.clock);
    const page = await repo.dueFilesPage(deps.db, agencyId, year, { ...q, order: q.order ?? 'asc' });
    return { currentYear: year, total: page.total, items: page.items.map((f) => presentFile(f, year)) };
  }

  return {
    async agencyDeadlines(actor: Actor, agencyId: number) {
      return forAgency(await visibleAgency(actor, agencyId));
    },

    async mine(actor: Actor) {
      if (actor.agencyId === null) throw ERRORS.forbidden('Chỉ tài khoản cơ quan có hạn nộp lưu của riêng mình.');
      return forAgency(await visibleAgency(actor, actor.agencyId));
    },

    /** One page of an agency's overdue or upcoming files, with the total. */
    async dueFiles(actor: Actor, agencyId: number, q: DueFilesQuery) {
      await visibleAgency(actor, agencyId);
      return filesOf(agencyId, q);
    },

    /** The whole list (every page), in the order the table shows. */
    async dueFilesXlsx(actor: Actor, agencyId: number, q: Omit<DueFilesQuery, 'limit' | 'offset'>): Promise<Download> {
      const agency = await visibleAgency(actor, agencyId);
      const { currentYear: year, items } = await filesOf(agencyId, { ...q, offset: 0 });
      type Item = (typeof items)[number] & { no: number };
      const body = await writeXlsx([
        {
          name: LIST_TITLES[q.list],
          title: `${LIST_TITLES[q.list]} — ${agency.name} — năm ${year}`,
          rows: items.map((f, i) => ({ ...f, no: i + 1 })),
          columns: [
            { header: 'STT', width: 6, value: (r: Item) => r.no },
            { header: 'Số và ký hiệu hồ sơ', width: 18, value: (r: Item) => r.fileNotation },
            { header: 'Tiêu đề hồ sơ', width: 60, value: (r: Item) => r.title },
            { header: 'Năm kết thúc', width: 12, value: (r: Item) => r.endYear },
            { header: 'Năm đến hạn', width: 12, value: (r: Item) => r.dueYear },
            { header: 'Căn cứ', width: 50, value: (r: Item) => r.dueRuleLabel },
            { header: 'Đợt giao nộp', width: 12, value: (r: Item) => (r.handoverId === null ? '' : `#${r.handoverId}`) },
          ],
        },
      ]);
      return Download.attachment(`ho-so-${q.list === 'overdue' ? 'qua-han' : 'sap-den-han'}-${agency.code}-${year}.xlsx`, XLSX_TYPE, body);
    },

    overdueList,

    async overdueXlsx(q: OverdueQuery): Promise<Download> {
      const { currentYear: year, items } = await overdueList(q);
      type Item = (typeof items)[number] & { no: number };
      const body = await writeXlsx([
        {
          name: 'Chậm nộp lưu',
          title: `Danh sách cơ quan có hồ sơ quá hạn nộp lưu — năm ${year}`,
          rows: items.map((r, i) => ({ ...r, no: i + 1 })),
          columns: [
            { header: 'STT', width: 6, value: (r: Item) => r.no },
            { header: 'Mã cơ quan', width: 14, value: (r: Item) => r.code },
            { header: 'Tên cơ quan', width: 50, value: (r: Item) => r.name },
            { header: 'Cấp', width: 10, value: (r: Item) => LEVEL_LABELS[r.level as keyof typeof LEVEL_LABELS] ?? r.level },
            { header: 'Trạng thái', width: 16, value: (r: Item) => STATUS_LABELS[r.status as keyof typeof STATUS_LABELS] ?? r.status },
            { header: 'Số hồ sơ quá hạn', width: 16, value: (r: Item) => r.overdueFiles },
            { header: 'Năm đến hạn sớm nhất', width: 20, value: (r: Item) => r.earliestDueYear },
            { header: 'Số năm quá hạn', width: 15, value: (r: Item) => r.yearsOverdue },
            { header: 'Đến hạn trong năm', width: 17, value: (r: Item) => r.dueThisYear },
          ],
        },
      ]);
      return Download.attachment(`co-quan-qua-han-nop-luu-${year}.xlsx`, XLSX_TYPE, body);
    },
  };
}

export type DeadlinesService = ReturnType<typeof createDeadlinesService>;
