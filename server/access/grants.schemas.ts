import { z } from 'zod';
import { BodyId, Id, isoDate, text } from '../core/schemas.js';


export const CreateGrantBody = z.strictObject({
  userId: BodyId,
  recordFileId: BodyId,
  expiresOn: isoDate.nullable().optional(),
  note: text(500, { multiline: true }).nullable().optional(),
});
export type CreateGrantBody = z.output<typeof CreateGrantBody>;

export const GrantListQuery = z.strictObject({ userId: Id.optional(), recordFileId: Id.optional() });
export type GrantListQuery = z.output<typeof GrantListQuery>;
