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

export const InventoryReview = z.object({
  fileId: z.number(),
  agencyId: z.number(),
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
});

export const InventoryReviewImport = z.object({
  imported: z.number(),
  unchanged: z.boolean(),
  warnings: z.array(Problem),
  preview: z.literal(true).optional(),
});
