/**
 * What a job handler receives. Areas declare their jobs beside their handlers (`*.jobs.ts`, shaped by
 * ./catalogue.ts); the composition root gathers them; the runner fails fast at start if a job has no handler.
 */
import type { Logger } from 'pino';
import type { Deps } from '../deps.js';
import type { OcrPool } from '../../ocr/engine/types.js';

export interface JobContext {
  deps: Deps;
  jobId: string;
  log: Logger;
  /** The process's OCR worker pool, created on first use. */
  ocr(): Promise<OcrPool>;
}

export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<void>;
