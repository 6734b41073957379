/**
 * Seeded synthetic backlog for bench:schedule (and reusable by tests): agencies' processing blocks in metres, files to
 * restore in pages by damage level, files to digitise in pages (often after their restoration), staff with skills,
 * grades, part-time and leave, and the Vietnamese working calendar over the horizon.
 */
import { buildWorkCalendar, dayToIso, isoToDay } from '../../server/core/time/index.js';
import { DEFAULT_NORMS } from '../../server/scheduling/engine/norms-default.js';
import type { PlanItem, ScheduleInput, Skill, StaffMember } from '../../server/scheduling/engine/types.js';
import { prng } from './prng.js';

export { prng };

export interface ScenarioSize {
  items: number;
  staff: number;
  weeks: number;
  seed: number;
  start?: string;
  /** Multiplies all quantities: >1 overloads the staff, <1 leaves slack. */
  load?: number;
}

const PROCESSING_STEPS = DEFAULT_NORMS.filter((n) => n.skill === 'processing').map((n) => n.stepId);

export function scenario(size: ScenarioSize): ScheduleInput {
  const rnd = prng(size.seed);
  const start = size.start ?? '2026-01-05';
  const startDay = isoToDay(start);
  const years = Math.ceil(size.weeks / 52) + 1;
  const fromYear = Number(start.slice(0, 4));
  const { calendar } = buildWorkCalendar({ fromYear, toYear: fromYear + years, hoursPerDay: 8 });
  const load = size.load ?? 1;
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

  const staff: StaffMember[] = [];
  for (let s = 0; s < size.staff; s++) {
    const r = s / size.staff;
    const skills: Skill[] = r < 0.5 ? ['processing'] : r < 0.7 ? ['restoration'] : ['digitization'];
    if (rnd() < 0.15) skills.push(skills[0] === 'digitization' ? 'processing' : 'digitization');
    const leave: string[] = [];
    for (let k = 0; k < 12 * years; k++) leave.push(dayToIso(startDay + int(0, years * 365)));
    staff.push({ id: `S${String(s + 1).padStart(3, '0')}`, name: `Cán bộ ${s + 1}`, grade: int(1, 4), skills, fte: rnd() < 0.15 ? 0.5 : 1, leave: [...new Set(leave)].sort() });
  }

  const items: PlanItem[] = [];
  const restorationIds: string[] = [];
  const processingIds: string[] = [];
  for (let i = 0; i < size.items; i++) {
    const id = `I${String(i + 1).padStart(5, '0')}`;
    const agencyId = 1 + int(0, 79);
    const kind = rnd();
    const dueDay = startDay + 56 + int(0, size.weeks * 7 - 56);
    const item: PlanItem = { id, agencyId, label: '', steps: [], priority: 0, after: [] };
    // Records arrive (release) before the deposit deadline, with at least 8 weeks left to work on them.
    const release = rnd() < 0.1 ? startDay + int(0, 180) : null;
    if (release !== null) item.releaseDate = dayToIso(release);
    if (rnd() > 0.1) item.dueDate = dayToIso(Math.max(dueDay, (release ?? 0) + 56));
    if (kind < 0.45) {
      const metres = Math.round((0.02 + rnd() * rnd() * 0.5) * load * 100) / 100;
      const coefficient = [1, 1, 1.2, 1.5][int(0, 3)];
      item.label = `Chỉnh lý khối ${metres} m, cơ quan ${agencyId}`;
      item.steps = PROCESSING_STEPS.map((stepId) => ({ stepId, quantity: metres, coefficient }));
      item.dueLabel = 'hạn nộp lưu';
      processingIds.push(id);
    } else if (kind < 0.7) {
      const level = int(1, 3);
      const pages = Math.max(1, Math.round(int(10, 260) * load));
      item.label = `Tu bổ hồ sơ ${id} (${pages} trang, mức ${level})`;
      item.steps = [{ stepId: `r${level}`, quantity: pages, coefficient: 1 }];
      item.priority = level + 1;
      item.priorityReasons = [`mức hư hỏng ${level}`];
      restorationIds.push(id);
    } else {
      const pages = Math.max(1, Math.round(int(50, 1200) * load));
      item.label = `Số hóa hồ sơ ${id} (${pages} trang)`;
      item.steps = [{ stepId: 'd1', quantity: pages, coefficient: 1 }];
      item.dueLabel = 'mục tiêu số hóa';
      if (restorationIds.length && rnd() < 0.4) item.after.push(restorationIds[int(0, restorationIds.length - 1)]);
      if (processingIds.length && rnd() < 0.2) item.after.push(processingIds[int(0, processingIds.length - 1)]);
      if (rnd() < 0.2) item.priority = 2;
    }
    items.push(item);
  }
  return { start, horizonWeeks: size.weeks, items, staff, norms: DEFAULT_NORMS, calendar, normsVersion: 'bench' };
}
