/** Document-metadata proposals read by OCR from first pages, and the split of a file's pages into documents. */
import { z } from 'zod';
import { DocumentMeta } from './digitization.js';

const Box = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export const ProposedValue = z.object({ value: z.string().nullable(), box: Box.nullable(), confidence: z.number() });

export const ProposalFields = z.object({
  typeName: ProposedValue, codeNumber: ProposedValue, codeNotation: ProposedValue, issuedDate: ProposedValue,
  place: ProposedValue, parentOrgan: ProposedValue, organName: ProposedValue, subject: ProposedValue,
});

export const PageProposal = z.object({
  pageId: z.number(),
  seq: z.number(),
  status: z.enum(['queued', 'done', 'failed']),
  fields: ProposalFields.nullable(),
  isStart: z.boolean().nullable(),
  signals: z.object({ motto: z.boolean(), organBlock: z.boolean(), numberLine: z.boolean() }).nullable(),
  error: z.string().nullable(),
  documentId: z.number().nullable(),
  correctedFields: z.array(z.string()).nullable(),
});

export const FileProposals = z.object({
  fileId: z.number(),
  /** Every page of the file in order, with its document if it already belongs to one. */
  pages: z.array(z.object({ pageId: z.number(), seq: z.number(), documentId: z.number().nullable(), width: z.number(), height: z.number() })),
  proposals: z.array(PageProposal),
  /** Proposed boundaries: the first page of each document, from the pages read so far. */
  proposedStarts: z.array(z.number()),
});

export const ProposalsQueued = z.object({ queued: z.number(), pageIds: z.array(z.number()) });

export const SplitResult = z.object({ documents: z.array(DocumentMeta) });
