import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../server/core/time/index.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';

let t: TestApp;
let staff: HttpClient;
let agencyA: number;
let agencyB: number;
let backlogA: number;
let backlogB: number;
let restoration: number;
const people: Record<string, number> = {};

interface PlanInput { start: string; staff: { id: string; fte: number; leave: string[] }[]; calendar: { closedDates: string[]; hoursPerDay: number } }
interface Assignment { itemId: string; stepId: string; staffId: string; week: string; minutes: number }


/** Independent of the server's own load report: weekdays that are neither closed nor leave, times hours and FTE. */
function capacity(input: PlanInput, staffId: string, monday: string) {
  const s = input.staff.find((x) => x.id === staffId)!;
  let days = 0;
  for (let i = 0; i < 5; i++) {
    const d = addDays(monday, i);
    if (d >= input.start && !input.calendar.closedDates.includes(d) && !s.leave.includes(d)) days++;
  }
  return days * input.calendar.hoursPerDay * 60 * s.fte;
}

async function storedPlan(id: number): Promise<{ normVersionId: number; input: PlanInput; result: { assignments: Assignment[] } }> {
  const [r] = await t.db.query<{ normVersionId: number; input: PlanInput; result: { assignments: Assignment[] } }>(
    `SELECT norm_version_id AS "normVersionId", input, result FROM schedule_plans WHERE id = $1`, [id]);
  return r;
}

function expectWithinCapacity(plan: { input: PlanInput; result: { assignments: Assignment[] } }) {
  const load = new Map<string, number>();
  for (const a of plan.result.assignments) load.set(`${a.staffId}|${a.week}`, (load.get(`${a.staffId}|${a.week}`) ?? 0) + a.minutes);
  expect(load.size).toBeGreaterThan(0);
  for (const [key, minutes] of load) {
    const [staffId, week] = key.split('|');
    expect(minutes, key).toBeLessThanOrEqual(capacity(plan.input, staffId, week) + 0.01);
  }
}

beforeAll(async () => {
  // Plans, holidays and deadlines depend on the day: pin it rather than inherit whatever the harness defaults to.
  t = await startTestApp({}, new Date('2026-11-22T09:00:00+07:00'));
  staff = await t.as('archivist');
  agencyA = (await staff.post('/api/agencies', { code: 'H05', name: 'Ủy ban nhân dân huyện Văn Giang', level: 'district' })).body.id;
  agencyB = (await staff.post('/api/agencies', { code: 'T01', name: 'Ủy ban hành chính tỉnh Hưng Yên', level: 'province' })).body.id;
  backlogA = (await staff.post('/api/scheduling/backlog', { agencyId: agencyA, label: 'Văn Giang 1999–2015 (lô 1)', measuredMetres: 0.5, conditionCode: '05' })).body.id;
  backlogB = (await staff.post('/api/scheduling/backlog', { agencyId: agencyB, label: 'UBHC 1952–1968', estimatedMetres: 0.3, conditionCode: '06', priority: 5 })).body.id;
  restoration = (await staff.post('/api/scheduling/restoration', { agencyId: agencyB, unitKind: 'file', reference: 'Hồ sơ UBHC số 12', pages: 300, damageType: 'mould', damageLevel: 'medium' })).body.id;
  for (const [key, body] of Object.entries({
    lan: { name: 'Nguyễn Thị Lan', grade: 3, skills: ['processing'], fte: 1 },
    hung: { name: 'Trần Văn Hùng', grade: 2, skills: ['processing'], fte: 0.5 },
    mai: { name: 'Lê Thị Mai', grade: 2, skills: ['restoration', 'processing'], fte: 1 },
  })) {
    const r = await staff.post('/api/scheduling/staff', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    people[key] = r.body.id;
  }
  // Lan is away the whole week of 18/01/2027.
  expect((await staff.post(`/api/scheduling/staff/${people.lan}/leave`, { startDate: '2027-01-18', endDate: '2027-01-22', reason: 'Nghỉ phép năm' })).status).toBe(201);
  expect((await staff.post('/api/scheduling/calendar/closures', { date: '2027-01-14', reason: 'Kiểm kê kho' })).status).toBe(201);
});
afterAll(() => t?.close());

describe('staff, calendar and norms', () => {
  it('when staff data is invalid, then 400; when a closure is repeated, then 409', async () => {
    expect((await staff.post('/api/scheduling/staff', { name: 'X', grade: 5, skills: ['processing'] })).status).toBe(400);
    expect((await staff.post('/api/scheduling/staff', { name: 'X', grade: 2, skills: [], fte: 1 })).status).toBe(400);
    expect((await staff.post('/api/scheduling/staff', { name: 'X', grade: 2, skills: ['processing'], fte: 1.5 })).status).toBe(400);
    expect((await staff.post(`/api/scheduling/staff/${people.hung}/leave`, { startDate: '2027-02-02', endDate: '2027-02-01' })).status).toBe(400);
    const dup = await staff.post('/api/scheduling/calendar/closures', { date: '2027-01-14', reason: 'Lặp lại' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CLOSURE_EXISTS');
  });

  it('when the 2027 calendar is read, then it holds Tết and Hùng Kings\' day and the custom closure', async () => {
    const r = await staff.get('/api/scheduling/calendar?year=2027');
    const names = r.body.holidays.map((h: { name: string }) => h.name).join(' | ');
    expect(names).toContain('Tết Nguyên đán');
    expect(names).toContain('Giỗ Tổ Hùng Vương');
    // Tết 2027 (mùng 1) falls on 6 February 2027; Hùng Kings' day (10/3 âm lịch) on 16 April 2027.
    expect(r.body.holidays.map((h: { date: string }) => h.date)).toEqual(expect.arrayContaining(['2027-02-06', '2027-04-16']));
    expect(r.body.closures).toEqual([expect.objectContaining({ date: '2027-01-14', reason: 'Kiểm kê kho' })]);
  });

  it('when norms are read, then version 1 is the default with step 15 verified and the rest "unverified"; a new version leaves it unchanged', async () => {
    const r = await staff.get('/api/scheduling/norms');
    expect(r.status).toBe(200);
    const steps = r.body.current.steps as { stepId: string; verified: boolean; minutesPerUnit: number; unit: string }[];
    expect(steps.filter((s) => s.stepId.startsWith('p'))).toHaveLength(21);
    expect(steps.find((s) => s.stepId === 'p15')).toMatchObject({ verified: true, minutesPerUnit: 40, unit: 'metre' });
    expect(steps.filter((s) => s.verified)).toHaveLength(1);
    const bad = await staff.post('/api/scheduling/norms', { label: 'Sai đơn vị', steps: [{ ...steps[0], unit: 'page' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('NORM_UNIT_INVALID');
    const v1 = r.body.current.id;
    const next = steps.map(({ ...s }) => ({ ...s, source: undefined, minutesPerUnit: s.stepId === 'p05' ? s.minutesPerUnit * 2 : s.minutesPerUnit }));
    const v2 = await staff.post('/api/scheduling/norms', { label: 'Định mức 2027 (phân loại gấp đôi)', steps: next.map(({ source: _, ...s }) => s) });
    expect(v2.status, JSON.stringify(v2.body)).toBe(201);
    expect(v2.body.id).toBeGreaterThan(v1);
    expect((await staff.get('/api/scheduling/norms')).body.current.id).toBe(v2.body.id);
    expect((await staff.get(`/api/scheduling/norms/${v1}`)).body.steps.find((s: { stepId: string }) => s.stepId === 'p05').minutesPerUnit)
      .toBe(steps.find((s) => s.stepId === 'p05')!.minutesPerUnit);
  });
});

describe('plans', () => {
  let planId: number;
  let v1: number;

  it('when a plan is made, then it records the norm version used and no one is loaded beyond capacity, leave and holidays included', async () => {
    const versions = (await staff.get('/api/scheduling/norms')).body.versions as { id: number }[];
    v1 = Math.min(...versions.map((v) => v.id));
    const r = await staff.post('/api/scheduling/plans', { label: 'Kế hoạch 2027', start: '2027-01-04', horizonWeeks: 52, targetDate: '2027-06-30', normVersionId: v1 });
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(201);
    planId = r.body.id;
    expect(r.body).toMatchObject({ normVersionId: v1, startDate: '2027-01-04', kind: 'plan' });
    expect(r.body.items.map((i: { itemId: string }) => i.itemId).sort()).toEqual([`B${backlogA}`, `B${backlogB}`, `R${restoration}`].sort());
    for (const i of r.body.items) {
      expect(i.finish).toMatch(/^2027-/);
      expect(i.explanation.length).toBeGreaterThan(10);
    }
    expect(r.body.agencies.map((a: { agencyName: string }) => a.agencyName).sort()).toEqual(['Ủy ban hành chính tỉnh Hưng Yên', 'Ủy ban nhân dân huyện Văn Giang']);
    expect(r.body.finish).toBe([...r.body.items.map((i: { finish: string }) => i.finish)].sort().at(-1));

    const stored = await storedPlan(planId);
    expect(stored.normVersionId).toBe(v1);
    expect(stored.input.calendar.closedDates).toEqual(expect.arrayContaining(['2027-01-14', '2027-02-05', '2027-02-08', '2027-04-16']));
    expect(stored.input.staff.find((s) => s.id === `S${people.lan}`)!.leave).toEqual(['2027-01-18', '2027-01-19', '2027-01-20', '2027-01-21', '2027-01-22']);
    expectWithinCapacity(stored);
    expect(stored.result.assignments.filter((a) => a.staffId === `S${people.lan}` && a.week === '2027-01-18')).toEqual([]);
    // Restoration goes only to the restorer.
    expect(new Set(stored.result.assignments.filter((a) => a.itemId.split('.')[0] === `R${restoration}`).map((a) => a.staffId))).toEqual(new Set([`S${people.mai}`]));
    expect(r.body.staff.every((s: { overloaded: number }) => s.overloaded === 0)).toBe(true);

    const latest = await staff.post('/api/scheduling/plans', { label: 'Theo định mức mới', start: '2027-01-04', horizonWeeks: 52 });
    expect(latest.body.normVersionId).toBeGreaterThan(v1);
  });

  it('when the same data is planned twice, then the plans are identical (deterministic)', async () => {
    const again = await staff.post('/api/scheduling/plans', { label: 'Lần 2', start: '2027-01-04', horizonWeeks: 52, targetDate: '2027-06-30', normVersionId: v1 });
    expect((await storedPlan(again.body.id)).result).toEqual((await storedPlan(planId)).result);
  });

  it('when one placement is asked about, then each is explained in Vietnamese with the person, step and week', async () => {
    const r = await staff.get(`/api/scheduling/plans/${planId}/items/R${restoration}`);
    expect(r.status).toBe(200);
    expect(r.body.placements.length).toBeGreaterThan(0);
    expect(r.body.placements[0].explanation).toMatch(/^Tuần \d{2}\/\d{2}\/2027–\d{2}\/\d{2}\/2027: Lê Thị Mai \(Lưu trữ viên, toàn thời gian\) làm [\d,]+ giờ bước "Tu bổ/);
    expect((await staff.get(`/api/scheduling/plans/${planId}/items/B999999`)).status).toBe(404);
    expect((await staff.get(`/api/scheduling/plans/${planId}/items/xyz`)).status).toBe(400);
  });

  it('when staff are removed or added in a what-if, then the finish moves later or earlier and missed targets are listed', async () => {
    const base = (await staff.get(`/api/scheduling/plans/${planId}`)).body;
    const fewer = await staff.post(`/api/scheduling/plans/${planId}/what-if`, { removeStaffIds: [`S${people.hung}`, `S${people.mai}`] });
    expect(fewer.status, JSON.stringify(fewer.body).slice(0, 300)).toBe(201);
    expect(fewer.body).toMatchObject({ kind: 'what_if', basedOnId: planId, normVersionId: v1 });
    expect(fewer.body.finish === null || fewer.body.finish > base.finish).toBe(true);
    // Without the only restorer the restoration item cannot be placed.
    expect(fewer.body.unplaced.map((u: { itemId: string }) => u.itemId)).toContain(`R${restoration}`);
    expectWithinCapacity(await storedPlan(fewer.body.id));

    const more = await staff.post(`/api/scheduling/plans/${planId}/what-if`, {
      addStaff: [{ name: 'Cán bộ hợp đồng 1', grade: 3, skills: ['processing'], fte: 1 }, { name: 'Cán bộ hợp đồng 2', grade: 2, skills: ['processing', 'restoration'], fte: 1 }],
    });
    expect(more.status).toBe(201);
    expect(more.body.finish <= base.finish).toBe(true);
    expect(more.body.staff.map((s: { name: string }) => s.name)).toContain('Cán bộ hợp đồng 1');
    expectWithinCapacity(await storedPlan(more.body.id));

    const tight = await staff.post(`/api/scheduling/plans/${planId}/what-if`, { targetDate: '2027-01-15' });
    expect(tight.body.targetDate).toBe('2027-01-15');
    expect(tight.body.targetMissed).toBe(true);
    expect(tight.body.missedTargets.length).toBeGreaterThan(0);
    expect(tight.body.missedTargets[0]).toMatchObject({ dueDate: '2027-01-15' });

    const cmp = await staff.get(`/api/scheduling/plans/compare?a=${planId}&b=${fewer.body.id}`);
    expect(cmp.status).toBe(200);
    expect(cmp.body.a).toMatchObject({ id: planId, finish: base.finish });
    expect(cmp.body.b).toMatchObject({ id: fewer.body.id, staffCount: 1 });
    expect(cmp.body.items.find((i: { itemId: string }) => i.itemId === `R${restoration}`).b.finish).toBeNull();
  });

  it('when a what-if names unknown staff or items, then 400', async () => {
    expect((await staff.post(`/api/scheduling/plans/${planId}/what-if`, { removeStaffIds: ['S999'] })).body.error.code).toBe('STAFF_NOT_IN_PLAN');
    expect((await staff.post(`/api/scheduling/plans/${planId}/what-if`, { itemDueDates: { B999: '2027-03-01' } })).body.error.code).toBe('ITEM_NOT_IN_PLAN');
    expect((await staff.post('/api/scheduling/plans/999999/what-if', {})).status).toBe(404);
  });

  it('when progress is recorded and the plan is re-made, then less work remains, and the burndown shows planned vs done with a forecast', async () => {
    t.now.value = new Date('2027-02-22T09:00:00+07:00');
    staff = await t.as('archivist'); // the session of November has expired by February
    const before = await staff.get(`/api/scheduling/burndown?planId=${planId}`);
    for (const [date, metres] of [['2027-01-06', 0.5], ['2027-01-13', 0.5], ['2027-01-27', 0.3], ['2027-02-03', 0.3]] as const) {
      for (const step of ['p01', 'p02', 'p03']) {
        const r = await staff.post('/api/scheduling/progress', { backlogItemId: backlogA, stepId: step, workDate: date, metres: metres / 2, files: 10, staffId: people.lan });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
      }
    }
    expect((await staff.post('/api/scheduling/progress', { restorationItemId: restoration, stepId: 'r2', workDate: '2027-02-10', pages: 60 })).status).toBe(201);

    const bd = await staff.get(`/api/scheduling/burndown?planId=${planId}`);
    expect(bd.status).toBe(200);
    expect(bd.body.remainingNowHours).toBeLessThan(before.body.remainingNowHours);
    expect(bd.body.paceHoursPerWeek).toBeGreaterThan(0);
    expect(bd.body.forecastClear).toMatch(/^20\d\d-\d\d-\d\d$/);
    const weeks = bd.body.weeks as { week: string; plannedRemainingHours: number; actualRemainingHours: number | null }[];
    expect(weeks[0].week).toBe('2027-01-04');
    expect(weeks.at(-1)!.week >= '2027-02-22').toBe(true);
    for (const w of weeks) if (w.week > '2027-02-22') expect(w.actualRemainingHours).toBeNull();
    expect(weeks.find((w) => w.week === '2027-02-15')!.actualRemainingHours).toBeLessThan(bd.body.remainingAtStartHours);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i].plannedRemainingHours).toBeLessThanOrEqual(weeks[i - 1].plannedRemainingHours);

    const re = await staff.post(`/api/scheduling/plans/${planId}/replan`, {});
    expect(re.status, JSON.stringify(re.body).slice(0, 300)).toBe(201);
    expect(re.body).toMatchObject({ kind: 'replan', basedOnId: planId, startDate: '2027-02-22', normVersionId: v1 });
    const stored = await storedPlan(re.body.id);
    // Recorded work is deducted from the item's packages (lô), first package first.
    const packagesA = (stored.input as unknown as { items: { id: string; doneMinutes: Record<string, number> }[] }).items.filter((i) => i.id.split('.')[0] === `B${backlogA}`);
    expect(packagesA.reduce((t, i) => t + (i.doneMinutes.p01 ?? 0), 0)).toBeGreaterThan(0);
    expectWithinCapacity(stored);
    const progress = await staff.get(`/api/scheduling/progress?restorationItemId=${restoration}`);
    expect(progress.body.items).toHaveLength(1);
    expect((await staff.get(`/api/scheduling/restoration?agencyId=${agencyB}`)).body.totals.donePages).toBe(60);
  });

  it('when progress is invalid, then 400 with a Vietnamese message', async () => {
    const cases: [object, string][] = [
      [{ backlogItemId: backlogA, stepId: 'r2', workDate: '2027-02-01', metres: 1 }, 'STEP_KIND_MISMATCH'],
      [{ backlogItemId: backlogA, stepId: 'p99', workDate: '2027-02-01', metres: 1 }, 'STEP_UNKNOWN'],
      [{ backlogItemId: backlogA, stepId: 'p01', workDate: '2028-02-01', metres: 1 }, 'WORK_DATE_IN_FUTURE'],
      [{ backlogItemId: backlogA, restorationItemId: restoration, stepId: 'p01', workDate: '2027-02-01', metres: 1 }, 'VALIDATION_FAILED'],
      [{ backlogItemId: backlogA, stepId: 'p01', workDate: '2027-02-01' }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const r = await staff.post('/api/scheduling/progress', body);
      expect(r.status, code).toBe(400);
      expect(r.body.error.code).toBe(code);
    }
    expect((await staff.delete(`/api/scheduling/backlog/${backlogA}`)).body.error.code).toBe('BACKLOG_HAS_PROGRESS');
  });

  it('when there is nothing to plan or nobody to do it, then 422', async () => {
    for (const id of Object.values(people)) await staff.patch(`/api/scheduling/staff/${id}`, { active: false });
    const r = await staff.post('/api/scheduling/plans', { label: 'Không người', start: '2027-03-01' });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'PLAN_NO_STAFF', message: 'Chưa có cán bộ nào đang làm việc để lập kế hoạch.' });
  });
});
