/**
 * Who is acting. A signed-in person (`Actor`) or the service itself (`System`: jobs, sweeps, the demo loader,
 * the first-admin bootstrap). Code that must tell them apart asks `isSystem`; nothing spells "the system" as null.
 */
export const ROLES = ['admin', 'archivist', 'agency', 'researcher'] as const;
export type Role = (typeof ROLES)[number];

/** Staff of the centre: the roles that run intake, handovers and stacks. */
export const STAFF: readonly Role[] = ['admin', 'archivist'];

export interface Actor {
  kind?: 'user';
  id: number;
  username: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
}

export interface System {
  kind: 'system';
  /** Why the service acts on its own (e.g. 'page-ocr job'), for logs. */
  reason: string;
}

export type Acting = Actor | System;

export function system(reason: string): System {
  return { kind: 'system', reason };
}

/** The service acting on its own behalf where no finer reason is worth recording. */
export const SYSTEM: System = system('system');

export function isSystem(a: Acting): a is System {
  return a.kind === 'system';
}

/** The person behind an action, or null when the service acted on its own (audit rows store a null user). */
export function personOf(a: Acting): Actor | null {
  return isSystem(a) ? null : a;
}

export function isStaff(a: Acting): boolean {
  return isSystem(a) || a.role === 'admin' || a.role === 'archivist';
}
