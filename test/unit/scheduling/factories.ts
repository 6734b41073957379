import type { PlanItem, ScheduleInput, StaffMember, StepNorm } from '../../../server/scheduling/engine/types.js';

export const NORMS: StepNorm[] = [
  { stepId: 'work', skill: 'processing', minutesPerUnit: 1, minGrade: 1 },
  { stepId: 'senior', skill: 'processing', minutesPerUnit: 1, minGrade: 3 },
  { stepId: 'fix', skill: 'restoration', minutesPerUnit: 1, minGrade: 1 },
  { stepId: 'scan', skill: 'digitization', minutesPerUnit: 1, minGrade: 1 },
];

export function person(id: string, extra: Partial<StaffMember> = {}): StaffMember {
  return { id, name: `Người ${id}`, grade: 2, skills: ['processing', 'restoration', 'digitization'], fte: 1, leave: [], ...extra };
}

/** An item of `minutes` of one step ('work' by default). */
export function item(id: string, minutes: number, extra: Partial<PlanItem> & { step?: string } = {}): PlanItem {
  const { step, ...rest } = extra;
  return { id, agencyId: 1, label: `Mục ${id}`, steps: [{ stepId: step ?? 'work', quantity: minutes, coefficient: 1 }], priority: 0, after: [], ...rest };
}

export function input(items: PlanItem[], staff: StaffMember[], extra: Partial<ScheduleInput> = {}): ScheduleInput {
  return { start: '2026-03-02', horizonWeeks: 20, items, staff, norms: NORMS, calendar: { closedDates: [], hoursPerDay: 8 }, ...extra };
}

export const DAY = 480;
