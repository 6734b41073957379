/**
 * Plain-Vietnamese reasons for each placement: why this item (its rank, due date, priority), why now (release date,
 * a predecessor, busy staff) and with what result (who, finish, on time or late). Built only from facts the run
 * recorded, so the text can be checked against the plan.
 */
import { viNumber } from '../../core/numbers.js';
import { vnDate } from '../../core/time/index.js';
import { isoOf, SKILL_VI, type Model } from './prepare.js';
import { RULE_VI, type RuleName, type Urgency } from './ordering.js';
import { lateDaysOf, type ItemPlacement } from './run.js';

const plural = (n: number, unit: string): string => `${viNumber(n)} ${unit}`;

/** First day ≥ e on which any qualified person for the first step had any capacity at all (before others' work). */
function firstOpenDay(m: Model, i: number, e: number): number {
  const step = m.items[i].steps[0];
  if (!step) return e;
  for (let d = e; d < m.nDays; d++) for (const p of step.eligible) if (m.capacity[p * m.nDays + d] > 0) return d;
  return e;
}

export function explainPlacement(m: Model, u: Urgency, rule: RuleName, i: number, p: ItemPlacement, rank: number, total: number, promoted = false): string {
  const it = m.items[i];
  const label = it.src.dueLabel?.trim() || 'hạn';
  const parts: string[] = [
    promoted
      ? `Xếp thứ ${rank}/${total}: đưa lên sớm hơn thứ tự theo quy tắc ${RULE_VI[rule]} vì như vậy tổng số ngày trễ hạn ít hơn.`
      : `Xếp thứ ${rank}/${total} theo quy tắc ${RULE_VI[rule]}.`,
  ];

  if (it.due !== null) {
    const days = it.due - m.startDay;
    const left = days >= 7 ? plural(Math.floor(days / 7), 'tuần') : plural(days, 'ngày');
    parts.push(
      days >= 0
        ? `${capitalise(label)} ${vnDate(isoOf(m, it.due))}, còn ${left} tính từ ngày bắt đầu kế hoạch.`
        : `${capitalise(label)} ${vnDate(isoOf(m, it.due))} đã qua trước khi lập kế hoạch.`,
    );
  }
  // The successor whose deadline set this item's effective one (the earliest effective due among successors).
  const pulledBy = it.succs
    .filter((s) => Number.isFinite(u.effDue[s]) && u.effDue[i] < (it.due ?? Infinity))
    .sort((a, b) => u.effDue[a] - u.effDue[b] || a - b)[0];
  if (pulledBy !== undefined) {
    const s = m.items[pulledBy];
    const when = s.due !== null ? ` (${s.src.dueLabel?.trim() || 'hạn'} ${vnDate(isoOf(m, s.due))})` : '';
    parts.push(`${it.due === null ? 'Không có hạn riêng nhưng phải' : 'Phải'} xong sớm vì "${s.src.label}"${when} chờ mục này.`);
  } else if (it.due === null) {
    parts.push('Không có hạn; làm khi có người rảnh sau các mục có hạn gần hơn.');
  }
  const reasons = it.src.priorityReasons?.filter((r) => r.trim()) ?? [];
  if (reasons.length) parts.push(`Được ưu tiên: ${reasons.join('; ')}.`);
  else if (it.src.priority > 0) parts.push(`Mức ưu tiên ${it.src.priority}.`);

  if (p.blocker >= 0) {
    const b = m.items[p.blocker];
    parts.push(`Chỉ bắt đầu sau khi "${b.src.label}" xong (${vnDate(isoOf(m, p.earliest - 1))}).`);
  } else if (p.earliest > m.startDay) {
    parts.push(`Không thể bắt đầu trước ngày ${vnDate(isoOf(m, p.earliest))} (ngày tài liệu sẵn sàng).`);
  }
  const open = firstOpenDay(m, i, p.earliest);
  if (p.steps.length && p.start > open + 6) {
    const skill = SKILL_VI[it.steps[p.steps[0].step].skill];
    parts.push(`Cán bộ ${skill} bận với các mục xếp trước nên bắt đầu ${vnDate(isoOf(m, p.start))}.`);
  } else {
    parts.push(`Bắt đầu ${vnDate(isoOf(m, p.start))}.`);
  }

  const names = [...new Set(p.steps.map((s) => m.staff[s.staff].name))];
  if (names.length) parts.push(`Thực hiện: ${names.join(', ')}; xong ${vnDate(isoOf(m, p.finish))}.`);
  const late = lateDaysOf(m, i, p);
  if (late > 0) {
    const why =
      p.blocker >= 0 && p.earliest + 1 >= (it.due ?? 0) - Math.ceil(u.estDays[i])
        ? `vì phải chờ "${m.items[p.blocker].src.label}"`
        : p.earliest >= (it.due ?? 0)
          ? 'vì tài liệu chỉ sẵn sàng sau hạn'
          : 'vì năng lực trước hạn đã dành cho các mục xếp trước (hạn gần hơn hoặc ưu tiên cao hơn)';
    parts.push(`Trễ ${plural(late, 'ngày')} so với ${label} ${why}.`);
  }
  else if (it.due !== null) parts.push(`Kịp ${label}.`);
  return parts.join(' ');
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
