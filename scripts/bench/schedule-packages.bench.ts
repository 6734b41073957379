/**
 * How long the engine takes on demo-scale input, through the application layer's own input builder (packages of
 * 1 m / 100 pages). Prints figures; asserts nothing. Run: npx tsx scripts/bench/schedule-packages.bench.ts
 */
import { addDays } from '../../server/core/time/index.js';
import { buildInput } from '../../server/scheduling/plan-input.js';
import { DEFAULT_NORM_STEPS } from '../../server/scheduling/norm-catalogue.js';
import { holidaysBetween, runSchedule } from '../../server/scheduling/engine-adapter.js';
import type { BacklogItem, RestorationItem } from '../../server/scheduling/backlog.repository.js';
import type { StaffRow } from '../../server/scheduling/resources.repository.js';

function backlog(metres: number[]): BacklogItem[] {
  return metres.map((m, i) => ({
    id: i + 1, agencyId: i + 1, agencyCode: `A${i}`, agencyName: `Cơ quan ${i}`, fondsId: null, fondsCode: null, label: `Khối ${i}`,
    measuredMetres: m, estimatedMetres: null, startYear: 1999, endYear: 2015, conditionCode: '01', complexityCoef: 1, priority: i % 5,
    releaseDate: null, dueDate: null, notes: null, doneMetres: 0,
  }));
}
const restoration: RestorationItem[] = [420, 560, 380, 640, 720, 6, 374].map((pages, i) => ({
  id: i + 1, agencyId: 99, agencyCode: 'UBHC', agencyName: 'UBHC', fondsId: null, fondsCode: null, unitKind: 'file', reference: `Hồ sơ ${i}`,
  pages, damageType: 'mould', damageLevel: (['light', 'medium', 'heavy'] as const)[i % 3], startYear: null, endYear: null, priority: 8, dueDate: null, notes: null, donePages: 0,
}));
const staff: StaffRow[] = Array.from({ length: 22 }, (_, i) => ({
  id: i + 1, name: `Cán bộ ${i}`, grade: i < 2 ? 3 : i < 11 || i === 16 || i === 17 ? 2 : 1, skills: i >= 16 && i < 20 ? ['restoration'] : i >= 20 ? ['digitization'] : ['processing'],
  fte: i === 7 || i === 13 ? 0.5 : 1, active: true, notes: null, leave: [],
}));

for (const [name, metres, weeks] of [
  ['year plan (14.5 m + 36 m + 3,100 pages)', [14.5, 36], 60],
  ['Văn Giang 302 m + 3,100 pages', [118, 36, 52, 61, 35], 260],
  ['whole backlog ≈ 1,639 m + 3,100 pages', [118, 36, 52, 61, 35, 146, 128, 112, 135, 160, 98, 104, 87, 93, 120, 84, 70, 14.5], 260],
] as const) {
  const start = '2027-01-04';
  const end = addDays(start, weeks * 7);
  const { input } = buildInput({
    backlog: backlog([...metres]), restoration, staff, norms: DEFAULT_NORM_STEPS, progress: [],
    closedDates: holidaysBetween(start, end).map((h) => h.date), start, horizonWeeks: weeks, targetDate: null,
  });
  const t0 = performance.now();
  const r = runSchedule(input);
  const ms = performance.now() - t0;
  console.log(`${name}: ${input.items.length} packages, ${weeks} weeks → ${ms.toFixed(0)} ms; finish ${r.finish}, unplaced ${r.unplaced.length}, assignments ${r.assignments.length}`);
}
