import { z } from 'zod';
import { isValidIsoDate } from '../core/time/index.js';
import { BodyId, Id, isoDate, Pagination, requiredText, text, type TextOptions } from '../core/schemas.js';
import { PLAN_AGENCY_STATUSES } from './plan.repository.js';

/** Ids are PostgreSQL integers: a bigger number must be a 400, not an out-of-range error from the database. */
export { Id };
export const IdParams = z.strictObject({ id: Id });
export const PlanAgencyParams = z.strictObject({ id: Id, agencyId: Id });

/** A real calendar day, not just the YYYY-MM-DD shape (2025-02-30 is refused here, not by the database). */
export const calendarDate = isoDate.refine(isValidIsoDate, 'Ngày không tồn tại');

/** Optional free text: trimmed NFC, empty means "none". */
const optionalText = (max: number, opts?: TextOptions) =>
  text(max, opts)
    .nullable()
    .transform((v) => (v === '' ? null : v))
    .optional();

const Year = z.number().int().min(1800).max(2200);
const Month = z.number().int().min(1, 'Tháng từ 1 đến 12').max(12, 'Tháng từ 1 đến 12');
export const Level = z.enum(['province', 'district', 'commune']);
export const AgencyStatusSchema = z.enum(['active', 'merged', 'dissolved']);

// ---------------------------------------------------------------- agencies
export const AgencyListQuery = z.strictObject({
  q: text(200).optional(),
  level: Level.optional(),
  status: AgencyStatusSchema.optional(),
  parentId: Id.optional(),
  sort: z.enum(['code', 'name']).default('code'),
  ...Pagination,
});

export const CreateAgencyBody = z.strictObject({
  code: requiredText(50),
  name: requiredText(500),
  level: Level,
  parentId: BodyId.nullable().optional(),
  status: AgencyStatusSchema.optional(),
  successorId: BodyId.nullable().optional(),
  statusDate: calendarDate.nullable().optional(),
  listingDecision: optionalText(500),
  address: optionalText(500),
  notes: optionalText(4000, { multiline: true }),
});

export const UpdateAgencyBody = CreateAgencyBody.partial();

// ---------------------------------------------------------------- fonds
export const FondsListQuery = z.strictObject({
  agencyId: Id.optional(),
  q: text(200).optional(),
  status: z.enum(['open', 'closed']).optional(),
  ...Pagination,
});

export const CreateFondsBody = z.strictObject({
  code: requiredText(50),
  name: requiredText(500),
  kind: z.enum(['fonds', 'collection', 'compilation']).optional(),
  agencyId: BodyId.nullable().optional(),
  status: z.enum(['open', 'closed']).optional(),
  startYear: Year.nullable().optional(),
  endYear: Year.nullable().optional(),
  creatorHistory: optionalText(20000),
  fondsHistory: optionalText(20000),
  notes: optionalText(4000, { multiline: true }),
});

export const UpdateFondsBody = CreateFondsBody.partial();

// ---------------------------------------------------------------- plans
export const PlansQuery = z.strictObject({ year: z.coerce.number().int().min(1800).max(2200).optional() });

export const PlanAgencyBody = z.strictObject({ agencyId: BodyId, scheduledMonth: Month, note: optionalText(1000, { multiline: true }) });

export const CreatePlanBody = z.strictObject({
  year: Year,
  decisionNo: requiredText(100),
  decisionDate: calendarDate,
  recordsToYear: Year,
  issuer: optionalText(200),
  handoverPlanNo: optionalText(100),
  handoverPlanDate: calendarDate.nullable().optional(),
  notes: optionalText(4000, { multiline: true }),
  agencies: z.array(PlanAgencyBody).max(2000).optional(),
});

export const UpdatePlanAgencyBody = z.strictObject({
  scheduledMonth: Month.optional(),
  status: z.enum(PLAN_AGENCY_STATUSES).optional(),
  note: optionalText(1000, { multiline: true }),
});
