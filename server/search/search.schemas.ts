import { z } from 'zod';
import { Id, requiredText } from '../core/schemas.js';

const Year = z.coerce.number().int().min(1800).max(2200);
const Bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const SearchQuery = z
  .strictObject({
    q: requiredText(500),
    exact: Bool.optional(),
    agencyId: Id.optional(),
    fondsId: Id.optional(),
    yearFrom: Year.optional(),
    yearTo: Year.optional(),
    docType: requiredText(100).optional(),
    /** true: only files and documents that have scanned pages (the search page's default). */
    digitized: Bool.optional(),
    page: z.coerce.number().int().min(1).max(500).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((v) => v.yearFrom === undefined || v.yearTo === undefined || v.yearFrom <= v.yearTo, {
    message: 'Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc.',
    path: ['yearFrom'],
  });
export type SearchQuery = z.output<typeof SearchQuery>;

export const PageHitsQuery = z.strictObject({ q: requiredText(500), exact: Bool.optional() });
export type PageHitsQuery = z.output<typeof PageHitsQuery>;
