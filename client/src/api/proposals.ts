/** Document-metadata proposals (OCR of first pages) and the confirmed split of a file into documents. */
import type { z } from 'zod';
import { get, id, post } from './transport.js';
import type { FileProposals, ProposalsQueued, SplitResult } from '../../../server/contract/proposals.js';

export type FileProposalsView = z.output<typeof FileProposals>;
export type PageProposalView = FileProposalsView['proposals'][number];
export type ProposalFieldsView = NonNullable<PageProposalView['fields']>;

export interface SplitDocument {
  firstPageId: number;
  lastPageId?: number;
  fields: Record<string, string | number | null>;
}

export const proposalsApi = {
  request: (fileId: number, pageIds?: number[]) => post<z.output<typeof ProposalsQueued>>(`/api/digitization/files/${id(fileId)}/proposals`, pageIds ? { pageIds } : {}),
  forFile: (fileId: number) => get<FileProposalsView>(`/api/digitization/files/${id(fileId)}/proposals`),
  split: (fileId: number, documents: SplitDocument[]) => post<z.output<typeof SplitResult>>(`/api/digitization/files/${id(fileId)}/split`, { documents }),
};
