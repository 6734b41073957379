/**
 * Metadata proposals and document splitting (issue 14). Reading a page is a job (page.proposals, OCR pool); the
 * proposals are stored apart from `documents`. Staff then confirm boundaries and send, per document, the fields as
 * they accepted or corrected them: only that body reaches `documents`, in one transaction with the page ranges.
 */
import { z } from 'zod';
import { recordEvent } from '../audit/audit.repository.js';
import { BodyId } from '../core/schemas.js';
import { conflict, badRequest } from '../core/app-error.js';
import { ERRORS } from '../core/errors.js';
import type { Scope } from '../core/scope.js';
import type { Deps } from '../deps.js';
import * as meta from './metadata.repository.js';
import { DocumentBody } from './metadata.schemas.js';
import * as repo from './proposals.repository.js';
import type { ProposalField } from '../../ocr/documents/types.js';

export const RequestProposalsBody = z.strictObject({
  /** Pages to read; all pages of the file when absent. */
  pageIds: z.array(BodyId).min(1, 'Chọn ít nhất một trang').max(2000, 'Tối đa 2000 trang một lần').optional(),
});

export const SplitBody = z.strictObject({
  documents: z.array(z.strictObject({
    firstPageId: BodyId,
    /** Last page of the range; the page before the next document's first page (or the file's last) when absent. */
    lastPageId: BodyId.optional(),
    fields: DocumentBody.extend({ docOrdinal: DocumentBody.shape.docOrdinal.optional() }),
  })).min(1, 'Cần ít nhất một văn bản').max(500, 'Tối đa 500 văn bản một lần'),
});
export type SplitInput = z.infer<typeof SplitBody>;

const COMPARED: ProposalField[] = ['typeName', 'codeNumber', 'codeNotation', 'issuedDate', 'organName', 'subject'];

const errors = {
  pageNotInFile: (id: number) => badRequest('PROPOSAL_PAGE_NOT_IN_FILE', `Trang ${id} không thuộc hồ sơ này.`),
  rangesOverlap: () => badRequest('SPLIT_RANGES_INVALID', 'Các văn bản phải theo thứ tự trang và không chồng lên nhau.'),
  pageTaken: (seq: number) => conflict('SPLIT_PAGE_TAKEN', `Trang số ${seq} đã thuộc một văn bản khác.`),
};

export function createProposals(deps: Deps) {
  async function requireFile(scope: Scope, fileId: number) {
    if (!(await meta.fileMetadata(deps.db, scope, fileId))) throw ERRORS.notFound('hồ sơ');
  }

  async function request(scope: Scope, fileId: number, input: z.infer<typeof RequestProposalsBody>) {
    await requireFile(scope, fileId);
    const pages = await repo.filePageOrder(deps.db, fileId);
    const ids = input.pageIds ?? pages.map((p) => p.id);
    const inFile = new Set(pages.map((p) => p.id));
    const stray = ids.find((id) => !inFile.has(id));
    if (stray) throw errors.pageNotInFile(stray);
    await deps.db.transaction(async (tx) => {
      await repo.queueProposals(tx, fileId, ids);
      for (const pageId of ids) await deps.jobs.send('page.proposals', { pageId });
      await recordEvent(tx, scope.acting, { entityType: 'record_file', entityId: fileId, action: 'proposals.requested', data: { pages: ids.length }, at: deps.clock() });
    });
    return { queued: ids.length, pageIds: ids };
  }

  async function forFile(scope: Scope, fileId: number) {
    await requireFile(scope, fileId);
    const pages = await repo.filePageOrder(deps.db, fileId);
    const proposals = await repo.fileProposals(deps.db, fileId);
    const starts = new Set(proposals.filter((p) => p.isStart).map((p) => p.pageId));
    // The file's first page always opens a document, whatever its reading says.
    if (pages.length) starts.add(pages[0].id);
    return {
      fileId,
      pages: pages.map((p) => ({ pageId: p.id, seq: p.seq, documentId: p.documentId, width: p.width, height: p.height })),
      proposals: proposals.map(({ recordFileId: _file, ...p }) => p),
      proposedStarts: pages.filter((p) => starts.has(p.id)).map((p) => p.id),
    };
  }

  /** Creates the confirmed documents with the pages of their ranges; all or nothing. */
  async function split(scope: Scope, fileId: number, input: SplitInput) {
    return deps.db.transaction(async (tx) => {
      if (!(await meta.fileMetadata(tx, scope, fileId))) throw ERRORS.notFound('hồ sơ');
      const pages = await repo.filePageOrder(tx, fileId);
      const index = new Map(pages.map((p, i) => [p.id, i]));
      const at = (id: number) => {
        const i = index.get(id);
        if (i === undefined) throw errors.pageNotInFile(id);
        return i;
      };
      const firsts = input.documents.map((d) => at(d.firstPageId));
      const ranges = input.documents.map((d, k) => {
        const last = d.lastPageId !== undefined ? at(d.lastPageId) : (k + 1 < firsts.length ? firsts[k + 1] - 1 : pages.length - 1);
        return [firsts[k], last] as const;
      });
      ranges.forEach(([a, b], k) => {
        if (b < a || (k > 0 && a <= ranges[k - 1][1])) throw errors.rangesOverlap();
      });
      for (const [a, b] of ranges) {
        const taken = pages.slice(a, b + 1).find((p) => p.documentId !== null);
        if (taken) throw errors.pageTaken(taken.seq);
      }
      const proposals = new Map((await repo.fileProposals(tx, fileId)).map((p) => [p.pageId, p]));
      const [{ next }] = await tx.query<{ next: number }>(`SELECT COALESCE(max(doc_ordinal), 0) + 1 AS next FROM documents WHERE record_file_id = $1`, [fileId]);
      const created = [];
      for (const [k, d] of input.documents.entries()) {
        const [a, b] = ranges[k];
        const docOrdinal = d.fields.docOrdinal ?? next + k;
        const taken = await tx.query(`SELECT 1 FROM documents WHERE record_file_id = $1 AND doc_ordinal = $2`, [fileId, docOrdinal]);
        if (taken.length) throw ERRORS.documentOrdinalTaken(docOrdinal);
        const id = await meta.insertDocument(tx, fileId, { ...d.fields, docOrdinal, pageAmount: d.fields.pageAmount ?? b - a + 1 });
        const pageIds = pages.slice(a, b + 1).map((p) => p.id);
        await repo.assignPages(tx, pageIds, id);
        const proposal = proposals.get(d.firstPageId);
        const corrected = proposal?.fields ? COMPARED.filter((f) => (proposal.fields![f].value ?? null) !== ((d.fields as Record<string, unknown>)[f] ?? null)) : [];
        if (proposal) await repo.linkDocument(tx, d.firstPageId, id, corrected);
        const doc = (await meta.documentById(tx, id))!;
        await recordEvent(tx, scope.acting, {
          entityType: 'document', entityId: id, action: 'document.created', after: doc, at: deps.clock(),
          data: { fromProposal: Boolean(proposal?.fields), correctedFields: corrected, pages: pageIds.length },
        });
        created.push(doc);
      }
      return { documents: created };
    });
  }

  return { request, forFile, split };
}

export type Proposals = ReturnType<typeof createProposals>;
