/**
 * Shapes of the HTTP API; dates are 'YYYY-MM-DD', timestamps ISO strings. Response types come from the server's
 * contract modules (server/contract/*: the zod schemas that also validate every answer and describe it in the OpenAPI
 * document), with type-only imports erased at build, so client and server cannot drift apart.
 */

export type { Role, Problem } from '../../server/contract/common.js';
export type { Session, User, PasswordChanged } from '../../server/contract/access.js';
export type { DemoRun, DemoStatus, AuditEvent, AuditEventKinds, FixityReport, JobCounts, JobStarted } from '../../server/contract/system.js';

export interface Paged<T> {
  items: T[];
  total: number;
}

export * from './types/intake.js';
export * from './types/reminders.js';
export * from './types/handover.js';
export * from './types/stacks.js';
export * from './types/scheduling.js';
export * from './types/digitization.js';
