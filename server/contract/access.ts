/** Accounts, sessions and access grants. */
import { z } from 'zod';
import { Day, Role, Timestamp } from './common.js';

export const User = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  agencyId: z.number().nullable(),
  agencyName: z.string().nullable(),
  active: z.boolean(),
  createdAt: Timestamp,
});
export type User = z.output<typeof User>;

export const Session = z.object({ user: User, csrfToken: z.string() });
export type Session = z.output<typeof Session>;
/** `user` is absent when the account was removed while its session lived on. */
export const Me = z.object({ user: User.optional(), csrfToken: z.string().nullable().optional() });
export type Me = z.output<typeof Me>;

export const UserList = z.array(User);

/** One's own password changed; the other sessions of the account were signed out. */
export const PasswordChanged = z.object({ otherSessionsEnded: z.number() });
export type PasswordChanged = z.output<typeof PasswordChanged>;

export const Grant = z.object({
  id: z.number(),
  userId: z.number(),
  username: z.string(),
  userDisplayName: z.string(),
  recordFileId: z.number(),
  fileNotation: z.string(),
  fileTitle: z.string(),
  grantedBy: z.number().nullable(),
  grantedByName: z.string().nullable(),
  grantedAt: Timestamp,
  expiresOn: Day.nullable(),
  note: z.string().nullable(),
  active: z.boolean(),
});
export type Grant = z.output<typeof Grant>;
export const GrantList = z.array(Grant);
