/** Digital deposit (SIP in): the request fields beside the ZIP, the accepted package, and a refusal's problems. */
import { z } from 'zod';
import { Id, text } from '../core/schemas.js';

/** Multipart text fields: numbers arrive as strings. Staff name the agency; an agency account deposits for itself. */
export const DepositRequest = z.strictObject({
  agencyId: Id.optional(),
  fondsId: Id.optional(),
  planId: Id.optional(),
  title: text(500).optional(),
});
export type DepositRequest = z.output<typeof DepositRequest>;

const Instant = z.union([z.date(), z.string()]).nullable().transform((d) => (d == null ? null : new Date(d).toISOString()));

/** One problem of a refused package (error.details.problems of DEPOSIT_REJECTED). */
export const DepositProblem = z.object({ file: z.string().nullable(), field: z.string().nullable(), code: z.string(), message: z.string() });

export const DepositFile = z.object({
  recordFileId: z.number(),
  rowNo: z.number(),
  fileNotation: z.string(),
  title: z.string(),
  path: z.string(),
  sha256: z.string(),
  sizeBytes: z.number(),
  pages: z.number(),
  received: z.boolean(),
  /** When its pages (images, text layer) were made, after receipt. */
  materialisedAt: Instant,
});

export const Deposit = z.object({
  id: z.number(),
  handoverId: z.number(),
  handoverStatus: z.enum(['draft', 'submitted', 'appraised', 'approved', 'received', 'cancelled']),
  agencyId: z.number(),
  agencyName: z.string(),
  originalName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number(),
  metadataFile: z.string(),
  files: z.array(DepositFile),
  pages: z.number(),
  createdAt: Instant,
  materialisedAt: Instant,
});
export type Deposit = z.output<typeof Deposit>;
