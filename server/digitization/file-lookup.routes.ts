import { z } from 'zod';
import { STAFF } from '../core/actor.js';
import type { Deps } from '../deps.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { Id, Pagination, text } from '../core/schemas.js';
import { DigitizableFileList } from '../contract/digitization.js';
import { findDigitizableFiles } from './file-lookup.js';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const LookupQuery = z.strictObject({
  q: text(200).optional(),
  agencyId: Id.optional(),
  handoverId: Id.optional(),
  fondsId: Id.optional(),
  /** true: restricted files only; false: unrestricted only. */
  restricted: flag.optional(),
  /** true: files with pages already; false: not digitised yet. */
  digitized: flag.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: Pagination.offset,
});

export function fileLookupRoutes(deps: Deps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/digitization/files', response: DigitizableFileList, tag: 'digitization', access: STAFF, query: LookupQuery,
      summary: 'Hồ sơ đã tiếp nhận có thể số hóa (tìm theo số ký hiệu, mã, tiêu đề không cần dấu; lọc theo cơ quan, cuộc giao nhận, phông, hạn chế, đã số hóa)',
      handler: async ({ query }) => ({ items: await findDigitizableFiles(deps, query) }),
    }),
  ];
}
