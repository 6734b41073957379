import { z } from 'zod';
import { isoDate, text } from '../http/schemas/common.js';

const Id = z.coerce.number().int().positive().max(2_147_483_647);
const BodyId = z.number().int().positive().max(2_147_483_647);

export const CreateGrantBody = z.strictObject({
  userId: BodyId,
  recordFileId: BodyId,
  expiresOn: isoDate.nullable().optional(),
  note: text(500).nullable().optional(),
});
export type CreateGrantBody = z.output<typeof CreateGrantBody>;

export const GrantListQuery = z.strictObject({ userId: Id.optional(), recordFileId: Id.optional() });
export type GrantListQuery = z.output<typeof GrantListQuery>;
