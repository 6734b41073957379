/** Shapes of the HTTP API (see the contract); dates are 'YYYY-MM-DD', timestamps ISO strings. */

export type Role = 'admin' | 'archivist' | 'agency' | 'researcher';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  agencyName: string | null;
  active: boolean;
  createdAt?: string;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export interface Problem {
  row: number | null;
  column: string | null;
  message: string;
}

export * from './types/intake.js';
export * from './types/handover.js';
export * from './types/stacks.js';
