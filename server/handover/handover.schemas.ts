/** Request schemas of the handover API: one zod definition gives the runtime check and the TypeScript type. */
import { z } from 'zod';
import { isValidIsoDate } from '../core/time/index.js';
import { BodyId, Id, Pagination, requiredText, text, type TextOptions } from '../core/schemas.js';

const id = BodyId;
const optionalText = (max: number, opts?: TextOptions) => text(max, opts).nullable().optional();

/** A real calendar day as YYYY-MM-DD (the regex alone accepts 2025-02-30). */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD')
  .refine(isValidIsoDate, 'Ngày không tồn tại');

const partyFields = {
  deliveringName: optionalText(200),
  deliveringPosition: optionalText(200),
  receivingName: optionalText(200),
  receivingPosition: optionalText(200),
  legalBasis: optionalText(2000, { multiline: true }),
  place: optionalText(200),
};

export const HandoverStatusEnum = z.enum(['draft', 'submitted', 'appraised', 'approved', 'received', 'cancelled']);

export const CreateHandoverBody = z.strictObject({
  agencyId: id,
  fondsId: id.nullable().optional(),
  planId: id.nullable().optional(),
  title: requiredText(500),
  inventoryNo: z.number().int().min(1).max(9999).nullable().optional(),
  declaredBoxes: z.number().int().min(0).max(100_000).nullable().optional(),
  boxTypeId: id.nullable().optional(),
  ...partyFields,
});
export type CreateHandoverInput = z.infer<typeof CreateHandoverBody>;

export const PatchHandoverBody = z.strictObject({
  fondsId: id.nullable().optional(),
  planId: id.nullable().optional(),
  title: requiredText(500).optional(),
  inventoryNo: z.number().int().min(1).max(9999).nullable().optional(),
  declaredBoxes: z.number().int().min(0).max(100_000).nullable().optional(),
  boxTypeId: id.nullable().optional(),
  measuredMetres: z.number().min(0).max(100_000).nullable().optional(),
  physicalCondition: optionalText(2000, { multiline: true }),
  attachments: optionalText(2000),
  inventoryCopies: z.number().int().min(1).max(10).optional(),
  ...partyFields,
});
export type PatchHandoverInput = z.infer<typeof PatchHandoverBody>;

export const ListHandoversQuery = z.strictObject({
  status: HandoverStatusEnum.optional(),
  agencyId: Id.optional(),
  planId: Id.optional(),
  ...Pagination,
});
export type ListHandoversInput = z.infer<typeof ListHandoversQuery>;

export const InventoryQuery = z.strictObject({ ...Pagination });

export const ReturnBody = z.strictObject({ reason: requiredText(2000, { multiline: true }) });

export const CancelBody = z.strictObject({ reason: text(2000, { multiline: true }).optional() });

export const AppraiseBody = z.strictObject({
  summary: requiredText(5000, { multiline: true }),
  comments: z
    .array(z.strictObject({ rowNo: id.nullable(), comment: requiredText(2000, { multiline: true }) }))
    .max(5000)
    .default([]),
});
export type AppraiseInput = z.infer<typeof AppraiseBody>;

export const ApproveBody = z.strictObject({ approvalDecision: requiredText(500) });

export const DiscrepancyInput = z.strictObject({
  kind: z.enum(['missing', 'extra', 'damaged']),
  rowNo: id.nullable().optional(),
  fileNotation: optionalText(20),
  description: requiredText(1000, { multiline: true }),
});

export const ReceiveBody = z.strictObject({
  handoverDate: calendarDate,
  measuredMetres: z.number().min(0).max(100_000).nullable().optional(),
  physicalCondition: requiredText(2000, { multiline: true }),
  attachments: optionalText(2000),
  deliveringName: requiredText(200),
  deliveringPosition: requiredText(200),
  receivingName: requiredText(200),
  receivingPosition: requiredText(200),
  discrepancies: z.array(DiscrepancyInput).max(20_000).default([]),
  shelfIds: z.array(id).min(1).max(1000).optional(),
});
export type ReceiveInput = z.infer<typeof ReceiveBody>;

export const ROW_AMENDABLE = ['title', 'sheets', 'notes', 'physicalCondition', 'boxNo'] as const;
export const RECORD_AMENDABLE = ['measuredMetres', 'physicalCondition', 'attachments'] as const;

export const AmendmentBody = z.strictObject({
  rowNo: id.nullable().optional(),
  field: z.enum([...new Set([...ROW_AMENDABLE, ...RECORD_AMENDABLE])] as [string, ...string[]]),
  value: z.union([text(2000, { multiline: true }), z.number(), z.null()]),
  reason: requiredText(2000, { multiline: true }),
});
export type AmendmentInput = z.infer<typeof AmendmentBody>;
