/** Digital archive (AIP packages, PDF/A-2b): request and answer shapes, one zod schema each. */
import { z } from 'zod';
import { BodyId, Id } from '../core/schemas.js';

export const AipRequestBody = z.strictObject({ fileId: BodyId.optional(), fondsId: BodyId.optional() })
  .refine((b) => Boolean(b.fileId) !== Boolean(b.fondsId), { message: 'Chọn đúng một: fileId (hồ sơ) hoặc fondsId (phông)' });

export const AipListQuery = z.strictObject({ fileId: Id.optional(), fondsId: Id.optional() });

const Instant = z.union([z.date(), z.string()]).nullable().transform((d) => (d == null ? null : new Date(d).toISOString()));

export const AipExport = z.object({
  id: z.number(),
  scope: z.enum(['file', 'fonds']),
  recordFileId: z.number().nullable(),
  fondsId: z.number().nullable(),
  packageId: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progressDone: z.number(),
  progressTotal: z.number(),
  stage: z.string().nullable(),
  attempts: z.number(),
  sizeBytes: z.number().nullable(),
  sha256: z.string().nullable(),
  /** How the stored package is protected; 'none' = NOT locked (the store offers neither Object Lock nor a read-only area). */
  lockMode: z.enum(['object-lock', 'read-only-fs', 'none']).nullable(),
  lockedUntil: Instant,
  lockDetail: z.string().nullable(),
  pdfaChecked: z.number(),
  pdfaPassed: z.number(),
  fixityStatus: z.string(),
  fixityCheckedAt: Instant,
  error: z.string().nullable(),
  createdAt: Instant,
  finishedAt: Instant,
});

export const AipExportList = z.object({ items: z.array(AipExport) });

export const AipFixityResult = z.object({ items: z.array(z.object({ id: z.number(), status: z.string() })) });

export const PremisEventList = z.object({
  items: z.array(z.object({ uuid: z.string(), type: z.string(), at: Instant, objectName: z.string(), outcome: z.enum(['pass', 'fail']), detail: z.string(), agent: z.string() })),
});

/** A researcher's page range of a file for a DIP (sequence numbers, inclusive). */
export const DipRangeQuery = z.strictObject({ from: Id.optional(), to: Id.optional() });

export const DipListQuery = z.strictObject({ copyOrderId: Id.optional(), userId: Id.optional() });

export const DipList = z.object({
  items: z.array(z.object({
    id: z.number(),
    uuid: z.string(),
    kind: z.enum(['copy_order', 'download']),
    copyOrderId: z.number().nullable(),
    requestId: z.number().nullable(),
    userId: z.number(),
    readerName: z.string(),
    recordFileIds: z.array(z.number()),
    pages: z.number(),
    issuedAt: Instant,
    zipSha256: z.string(),
    zipSize: z.number(),
  })),
});
