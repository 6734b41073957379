/** Request schemas of the scheduling area: one zod schema is both the type and the check. */
import { z } from 'zod';
import { BodyId, requiredText, text, type TextOptions } from '../core/schemas.js';
import { calendarDate, Id } from '../intake/intake.schemas.js';

export { Id, calendarDate };
export const IdParams = z.strictObject({ id: Id });
const optionalText = (max: number, opts?: TextOptions) => text(max, opts).nullable().transform((v) => (v === '' ? null : v)).optional();
const Year = z.number().int().min(1800).max(2100);
const Metres = z.number().positive().max(100_000);

export const CONDITION_CODES = ['01', '02', '03', '04', '05', '06'] as const;
export const DAMAGE_TYPES = ['mould', 'decay', 'caked', 'yellowed', 'torn', 'insects', 'water', 'other'] as const;
export const DAMAGE_LEVELS = ['light', 'medium', 'heavy'] as const;
export const SKILLS = ['processing', 'restoration', 'digitization'] as const;

const yearSpan = <T extends { startYear?: number | null; endYear?: number | null }>(v: T) =>
  v.startYear == null || v.endYear == null || v.startYear <= v.endYear;
const spanMessage = { message: 'Năm bắt đầu phải không sau năm kết thúc', path: ['endYear'] };

// ---------------------------------------------------------------- backlog
const BacklogFields = {
  agencyId: BodyId,
  fondsId: BodyId.nullable().optional(),
  label: requiredText(300),
  measuredMetres: Metres.nullable().optional(),
  estimatedMetres: Metres.nullable().optional(),
  startYear: Year.nullable().optional(),
  endYear: Year.nullable().optional(),
  conditionCode: z.enum(CONDITION_CODES).nullable().optional(),
  complexityCoef: z.number().positive().max(5).optional(),
  priority: z.number().int().min(0).max(9).optional(),
  releaseDate: calendarDate.nullable().optional(),
  dueDate: calendarDate.nullable().optional(),
  notes: optionalText(2000, { multiline: true }),
};
export const CreateBacklogBody = z
  .strictObject(BacklogFields)
  .refine((v) => v.measuredMetres != null || v.estimatedMetres != null, { message: 'Cần số mét đo được hoặc số mét ước tính', path: ['measuredMetres'] })
  .refine(yearSpan, spanMessage);
export const UpdateBacklogBody = z.strictObject(BacklogFields).partial().refine(yearSpan, spanMessage);
export type CreateBacklog = z.output<typeof CreateBacklogBody>;
export type UpdateBacklog = z.output<typeof UpdateBacklogBody>;

export const BacklogQuery = z.strictObject({
  agencyId: Id.optional(),
  fondsId: Id.optional(),
  conditionCode: z.enum(CONDITION_CODES).optional(),
  q: text(200).optional(),
  estimatedOnly: z.enum(['true', 'false']).optional(),
});
export type BacklogFilter = z.output<typeof BacklogQuery>;

// ---------------------------------------------------------------- restoration
const RestorationFields = {
  agencyId: BodyId,
  fondsId: BodyId.nullable().optional(),
  unitKind: z.enum(['file', 'document']),
  reference: requiredText(300),
  pages: z.number().int().positive().max(1_000_000),
  damageType: z.enum(DAMAGE_TYPES),
  damageLevel: z.enum(DAMAGE_LEVELS),
  startYear: Year.nullable().optional(),
  endYear: Year.nullable().optional(),
  priority: z.number().int().min(0).max(9).optional(),
  dueDate: calendarDate.nullable().optional(),
  notes: optionalText(2000, { multiline: true }),
};
export const CreateRestorationBody = z.strictObject(RestorationFields).refine(yearSpan, spanMessage);
export const UpdateRestorationBody = z.strictObject(RestorationFields).partial().refine(yearSpan, spanMessage);
export type CreateRestoration = z.output<typeof CreateRestorationBody>;
export type UpdateRestoration = z.output<typeof UpdateRestorationBody>;
export const RestorationQuery = z.strictObject({ agencyId: Id.optional(), damageLevel: z.enum(DAMAGE_LEVELS).optional() });

// ---------------------------------------------------------------- norms
export const NormStepBody = z.strictObject({
  stepId: z.string().regex(/^[a-z0-9-]{1,20}$/, 'Mã bước gồm chữ thường, số, gạch nối'),
  name: requiredText(300),
  skill: z.enum(SKILLS),
  unit: z.enum(['metre', 'page']),
  minutesPerUnit: z.number().min(0).max(100_000),
  minGrade: z.number().int().min(1).max(4),
  coefficient: z.number().positive().max(10).default(1),
  verified: z.boolean().default(false),
  source: optionalText(500),
});
export const CreateNormVersionBody = z.strictObject({
  label: requiredText(200),
  note: optionalText(2000, { multiline: true }),
  steps: z.array(NormStepBody).min(1).max(200)
    .refine((s) => new Set(s.map((x) => x.stepId)).size === s.length, 'Mã bước bị trùng'),
});
export type CreateNormVersion = z.output<typeof CreateNormVersionBody>;

// ---------------------------------------------------------------- staff and calendar
const StaffFields = {
  name: requiredText(200),
  grade: z.number().int().min(1).max(4),
  skills: z.array(z.enum(SKILLS)).min(1).max(3).refine((s) => new Set(s).size === s.length, 'Kỹ năng bị trùng'),
  fte: z.number().gt(0).max(1).default(1),
  active: z.boolean().default(true),
  notes: optionalText(1000, { multiline: true }),
};
export const CreateStaffBody = z.strictObject(StaffFields);
export const UpdateStaffBody = z.strictObject({ ...StaffFields, fte: z.number().gt(0).max(1), active: z.boolean() }).partial();
export type CreateStaff = z.output<typeof CreateStaffBody>;
export type UpdateStaff = z.output<typeof UpdateStaffBody>;
export const LeaveBody = z
  .strictObject({ startDate: calendarDate, endDate: calendarDate, reason: optionalText(300, { multiline: true }) })
  .refine((v) => v.startDate <= v.endDate, { message: 'Ngày bắt đầu phải không sau ngày kết thúc', path: ['endDate'] });
export const ClosureBody = z.strictObject({ date: calendarDate, reason: requiredText(300, { multiline: true }) });
export const CalendarQuery = z.strictObject({ year: z.coerce.number().int().min(1900).max(2100) });

// ---------------------------------------------------------------- plans
export const CreatePlanBody = z.strictObject({
  label: requiredText(200),
  start: calendarDate.optional(),
  horizonWeeks: z.number().int().min(1).max(260).default(52),
  targetDate: calendarDate.nullable().optional(),
  normVersionId: BodyId.optional(),
  /** Only these items (B12, R3); default: the whole backlog and every restoration item. */
  itemIds: z.array(z.string().regex(/^[BR]\d{1,10}$/, 'Mã hạng mục dạng B12 hoặc R3')).min(1).max(5000).optional(),
});
export type CreatePlan = z.output<typeof CreatePlanBody>;

const NewStaff = z.strictObject({ name: requiredText(200), grade: z.number().int().min(1).max(4), skills: StaffFields.skills, fte: z.number().gt(0).max(1).default(1) });
export const WhatIfBody = z.strictObject({
  label: optionalText(200),
  addStaff: z.array(NewStaff).max(50).default([]),
  removeStaffIds: z.array(z.string().max(40)).max(200).default([]),
  /** New target date for the whole plan and/or per item (item ids as in the plan: B12, R3). */
  targetDate: calendarDate.nullable().optional(),
  itemDueDates: z.record(z.string().regex(/^[BR]\d{1,10}$/), calendarDate).default({}),
});
export type WhatIf = z.output<typeof WhatIfBody>;
export const CompareQuery = z.strictObject({ a: Id, b: Id });
export const ReplanBody = z.strictObject({ label: optionalText(200), start: calendarDate.optional() });

// ---------------------------------------------------------------- progress
export const ProgressBody = z
  .strictObject({
    backlogItemId: BodyId.nullable().optional(),
    restorationItemId: BodyId.nullable().optional(),
    stepId: z.string().regex(/^[a-z0-9-]{1,20}$/, 'Mã bước không hợp lệ'),
    workDate: calendarDate,
    metres: z.number().min(0).max(100_000).nullable().optional(),
    files: z.number().int().min(0).max(1_000_000).nullable().optional(),
    pages: z.number().int().min(0).max(10_000_000).nullable().optional(),
    staffId: BodyId.nullable().optional(),
    note: optionalText(500, { multiline: true }),
  })
  .refine((v) => (v.backlogItemId == null) !== (v.restorationItemId == null), { message: 'Chọn đúng một hạng mục tồn đọng hoặc tu bổ', path: ['backlogItemId'] })
  .refine((v) => (v.metres ?? 0) > 0 || (v.files ?? 0) > 0 || (v.pages ?? 0) > 0, { message: 'Cần số mét, số hồ sơ hoặc số trang đã làm', path: ['metres'] });
export type Progress = z.output<typeof ProgressBody>;
export const ProgressQuery = z.strictObject({ backlogItemId: Id.optional(), restorationItemId: Id.optional() });
export const BurndownQuery = z.strictObject({ planId: Id.optional() });
