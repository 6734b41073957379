/** "Số hóa mục lục": the review draft of inventory rows read from scanned inventory pages, and its import. */
import { z } from 'zod';
import { Problem, Timestamp } from './common.js';

const Box = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const ReviewCell = z.object({
  text: z.string(),
  /** The text as OCR read it; null for a column that is not printed on the page (staff fill it in). */
  ocr: z.string().nullable(),
  /** Where the cell is on its page(s), master pixels; two boxes when the row continues on the next page. */
  boxes: z.array(z.object({ pageId: z.number(), box: Box })),
  confidence: z.number().nullable(),
  /** Below the review threshold, or not read at all: staff should look at it closely. */
  low: z.boolean(),
  edited: z.boolean(),
});

export const ReviewRow = z.object({
  /** 1-based, the row number the problems table uses. */
  n: z.number(),
  pageId: z.number(),
  reviewed: z.boolean(),
  cells: z.record(z.string(), ReviewCell),
  /** What did not read (dates, counts) at extraction, for staff to correct; cleared when staff edit that cell. */
  problems: z.array(z.object({ field: z.string().nullable(), message: z.string() })),
});

export const ReviewColumn = z.object({
  field: z.string(),
  /** The import's column name (header of the generated table). */
  label: z.string(),
  /** As printed on the page, null when the page has no such column. */
  header: z.string().nullable(),
});

const ReviewFonds = z.object({ id: z.number(), code: z.string(), name: z.string() });

export const InventoryReview = z.object({
  fileId: z.number(),
  agencyId: z.number(),
  /** Where the import puts the rows: the fonds of the scanned file; null when the file is in no fonds (import refused). */
  fonds: ReviewFonds.nullable(),
  pages: z.array(z.object({ pageId: z.number(), seq: z.number(), width: z.number(), height: z.number() })),
  columns: z.array(ReviewColumn),
  /** Printed headers that map to no inventory column (not imported). */
  unmappedHeaders: z.array(z.string()),
  rows: z.array(ReviewRow),
  unreviewed: z.number(),
  lowConfidenceThreshold: z.number(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  importedAt: Timestamp.nullable(),
  /** How many files of the fonds the last import of this draft made. */
  importedRows: z.number().nullable(),
});

export const InventoryReviewImport = z.object({
  imported: z.number(),
  unchanged: z.boolean(),
  /** This review's earlier files of the fonds that the import replaced. */
  replaced: z.number(),
  /** The fonds that received the rows. */
  fonds: ReviewFonds,
  warnings: z.array(Problem),
  preview: z.literal(true).optional(),
});
