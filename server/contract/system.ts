/** Health, the OpenAPI document, the audit log, integrity sweeps, the job queue and the demo-data offer. */
import { z } from 'zod';
import { Timestamp, schemaDocument } from './common.js';

const Status = z.enum(['ok', 'unavailable']);
export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ status: Status, kind: z.enum(['pglite', 'postgres']) }),
  /** `detail` (endpoint, bucket, cause) only for staff. */
  storage: z.object({ status: Status, kind: z.enum(['filesystem', 's3']), detail: z.string().optional() }),
});

export const OpenApiDocument = schemaDocument(
  z.object({
    openapi: z.string(),
    info: z.object({ title: z.string(), version: z.string() }),
    components: z.record(z.string(), z.unknown()),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  }),
);

export const AuditEvent = z.object({
  id: z.number(),
  at: Timestamp,
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  data: z.unknown(),
});
export type AuditEvent = z.output<typeof AuditEvent>;
export const AuditEventList = z.array(AuditEvent);
/** Which kinds of change the log holds (for the filter lists), with how many of each. */
export const AuditEventKinds = z.object({ items: z.array(z.object({ entityType: z.string(), action: z.string(), count: z.number() })) });
export type AuditEventKinds = z.output<typeof AuditEventKinds>;

/** A sweep was enqueued; null when one is already waiting (singleton job). */
export const JobStarted = z.object({ jobId: z.string().nullable() });
export type JobStarted = z.output<typeof JobStarted>;

export const FixityReport = z.object({
  counts: z.object({ missing: z.number(), unchecked: z.number(), ok: z.number(), corrupt: z.number() }),
  lastCheckedAt: Timestamp.nullable(),
  problems: z.array(
    z.object({
      masterId: z.number(),
      recordFileId: z.number(),
      originalName: z.string(),
      objectKey: z.string(),
      status: z.enum(['missing', 'corrupt']),
      checkedAt: Timestamp.nullable(),
    }),
  ),
  /** Deposited PDF/A files (digital deposit) whose latest fixity check failed. */
  depositProblems: z.array(
    z.object({
      depositFileId: z.number(), packageId: z.number(), recordFileId: z.number(), path: z.string(), objectKey: z.string(), detail: z.string(),
      checkedAt: Timestamp,
    }),
  ),
});
export type FixityReport = z.output<typeof FixityReport>;

export const JobCounts = z.object({
  items: z.array(z.object({ name: z.string(), queued: z.number(), active: z.number(), failed: z.number() })),
});
export type JobCounts = z.output<typeof JobCounts>;

const DemoState = z.enum(['idle', 'running', 'done', 'failed']);
export const DemoRun = z.object({ state: DemoState, log: z.array(z.string()), error: z.string().optional() });
export type DemoRun = z.output<typeof DemoRun>;
export const DemoStatus = DemoRun.extend({ empty: z.boolean() });
export type DemoStatus = z.output<typeof DemoStatus>;
