/** "Số hóa mục lục": the review draft of inventory rows read from scanned pages, its edits and its import. */
import type { z } from 'zod';
import { get, id, patch, post } from './transport.js';
import type { InventoryReview, InventoryReviewImport } from '../../../server/contract/inventory-review.js';

export type InventoryReviewView = z.output<typeof InventoryReview>;
export type ReviewRowView = InventoryReviewView['rows'][number];
export type ReviewCellView = ReviewRowView['cells'][string];
export type InventoryImportResult = z.output<typeof InventoryReviewImport>;

export interface ReviewEdits {
  cells?: { n: number; field: string; text: string }[];
  reviewed?: { n: number; reviewed: boolean }[];
}

const base = (fileId: number) => `/api/digitization/files/${id(fileId)}/inventory-review`;

export const inventoryReviewApi = {
  get: (fileId: number) => get<InventoryReviewView>(base(fileId)),
  extract: (fileId: number, range: { fromSeq?: number; toSeq?: number } = {}) => post<InventoryReviewView>(base(fileId), range),
  edit: (fileId: number, edits: ReviewEdits) => patch<InventoryReviewView>(base(fileId), edits),
  import: (fileId: number, preview = false) => post<InventoryImportResult>(`${base(fileId)}/import`, preview ? { preview: true } : {}),
};
