/** Backups (admin): a started run, the sets in BACKUP_DIR, one run's state. */
import { z } from 'zod';
import { Timestamp } from './common.js';

export const BackupStarted = z.object({ jobId: z.string() });
export const BackupList = z.object({
  dir: z.string(),
  items: z.array(
    z.object({
      name: z.string(),
      dir: z.string(),
      createdAt: Timestamp,
      databaseKind: z.enum(['pglite', 'postgres']),
      pauseMs: z.number(),
      totalMs: z.number(),
      objects: z.number(),
      bytes: z.number(),
      schemaVersion: z.string(),
      jobId: z.string().optional(),
      valid: z.boolean(),
      problem: z.string().optional(),
    }),
  ),
});
export type BackupList = z.output<typeof BackupList>;
export const BackupJob = z.object({ state: z.string(), backup: z.string().nullable(), error: z.string().nullable() });
