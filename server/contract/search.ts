/** Full-text search over OCR text and metadata, and the matched words of one page. */
import { z } from 'zod';

const Facet = z.array(z.object({ key: z.string(), label: z.string(), count: z.number() }));

export const SearchHit = z.object({
  kind: z.enum(['page', 'document', 'file']),
  fileId: z.number(),
  pageId: z.number().nullable(),
  documentId: z.number().nullable(),
  seq: z.number().nullable(),
  fileNotation: z.string(),
  fileTitle: z.string(),
  documentSubject: z.string().nullable(),
  agencyName: z.string(),
  fondsCode: z.string().nullable(),
  year: z.number().nullable(),
  rank: z.number(),
  /** HTML-escaped, with only <mark>…</mark> around matches. */
  snippet: z.string(),
  thumbnailUrl: z.string().nullable(),
  /** Staff only (absent for everyone else): the file's shelf, or "đang phục vụ độc giả" while it is out; null when unboxed. */
  location: z.string().nullable().optional(),
});
export type SearchHit = z.output<typeof SearchHit>;

export const SearchResult = z.object({
  total: z.number(),
  totalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  facets: z.object({ agency: Facet, fonds: Facet, docType: Facet, year: Facet }),
  hits: z.array(SearchHit),
});
export type SearchResult = z.output<typeof SearchResult>;

/** A matched OCR word with its box [x0, y0, x1, y1] in master-image pixels. */
export const WordBox = z.object({ index: z.number(), text: z.string(), box: z.tuple([z.number(), z.number(), z.number(), z.number()]) });
export type WordBox = z.output<typeof WordBox>;
export const PageHits = z.object({ pageId: z.number(), width: z.number(), height: z.number(), words: z.array(WordBox) });
export type PageHits = z.output<typeof PageHits>;
