/** The OCR quality of each page of a batch, with the "needs review" filter. */
import { get, id } from './transport.js';
import type { BatchPages } from '../../../server/contract/digitization.js';

export type BatchPagesView = BatchPages;
export type BatchPageQualityView = BatchPages['items'][number];

export const pageQualityApi = {
  batchPages: (batchId: number, onlyNeedsReview: boolean) =>
    get<BatchPages>(`/api/digitization/batches/${id(batchId)}/pages`, onlyNeedsReview ? { needsReview: '1' } : undefined),
};
