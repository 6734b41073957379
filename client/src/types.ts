/**
 * Shapes of the HTTP API (see the contract); dates are 'YYYY-MM-DD', timestamps ISO strings.
 * Where the server exports the shape it sends, the client takes it from there with a type-only import
 * (erased at build: no server code reaches the bundle), so the two cannot drift apart.
 */

/** A server type as it arrives over JSON: every Date becomes its ISO string. */
export type AsJson<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? AsJson<U>[]
    : T extends object
      ? { [K in keyof T]: AsJson<T[K]> }
      : T;

export type { Role } from '../../server/http/route.js';
export type { User } from '../../server/access/users.repository.js';
export type { Problem } from '../../server/handover/inventory/types.js';

export interface Paged<T> {
  items: T[];
  total: number;
}

export * from './types/intake.js';
export * from './types/handover.js';
export * from './types/stacks.js';
export * from './types/scheduling.js';
export * from './types/digitization.js';
