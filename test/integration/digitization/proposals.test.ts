/**
 * Proposals and splitting end to end with the in-process job runner and real tesseract.js: a five-page scan (three
 * fixture first pages, a prose page and a plain continuation page) is read, the proposed boundaries are the three
 * first pages, and staff's confirmed ranges and fields (one corrected) become documents — nothing before that.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive, batch, pagePng, uploadScans } from './digitization-fixtures.js';

const DOCS = path.resolve(import.meta.dirname, '../../fixtures/ocr-documents');
const PROSE = path.resolve(import.meta.dirname, '../../fixtures/ocr/page-02.png');

let t: TestApp;
let staff: HttpClient;
let fileId: number;
let otherFileId: number;
let pageIds: number[];

type Proposal = { pageId: number; status: string; isStart: boolean; fields: Record<string, { value: string | null; box: number[] | null; confidence: number }> };

beforeAll(async () => {
  t = await startTestApp({}, undefined, { jobs: true });
  staff = await t.as('archivist');
  const a = await archive(t, [{ notation: 'VB-01' }, { notation: 'VB-02' }]);
  [fileId, otherFileId] = a.fileIds;
  const b = await batch(staff, fileId);
  const scans = [
    { name: '1-qd.png', data: fs.readFileSync(path.join(DOCS, 'page-03.png')) },
    { name: '2-prose.png', data: fs.readFileSync(PROSE) },
    { name: '3-tiep.png', data: await pagePng(['Nơi nhận:', '- Như trên;', '- Lưu: VT.']) },
    { name: '4-cv.png', data: fs.readFileSync(path.join(DOCS, 'page-04.png')) },
    { name: '5-bc.png', data: fs.readFileSync(path.join(DOCS, 'page-01.png')) },
  ];
  pageIds = [];
  // One upload per scan keeps their order (seq) as listed.
  for (const s of scans) {
    const r = await uploadScans(staff, b, [s]);
    expect(r.status).toBe(201);
    pageIds.push(...r.body.files[0].pageIds);
  }
  await t.drainJobs({ timeoutMs: 400_000 });
}, 500_000);
afterAll(() => t?.close());

describe('document proposals and splitting', () => {
  it('when proposals are requested for the file, then every page is read and the boundaries are the three first pages', async () => {
    const q = await staff.post(`/api/digitization/files/${fileId}/proposals`, {});
    expect([q.status, q.body.queued]).toEqual([202, 5]);
    // Before anything is accepted no document exists: proposals are stored apart.
    expect((await staff.get(`/api/digitization/files/${fileId}/documents`)).body.items).toEqual([]);
    await t.drainJobs({ timeoutMs: 300_000 });
    const r = await staff.get(`/api/digitization/files/${fileId}/proposals`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.proposals.map((p: Proposal) => p.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(r.body.proposedStarts).toEqual([pageIds[0], pageIds[3], pageIds[4]]);
    const qd = r.body.proposals.find((p: Proposal) => p.pageId === pageIds[0]) as Proposal;
    expect(qd.fields.codeNotation).toMatchObject({ value: 'QĐ-UBND' });
    expect(qd.fields.issuedDate.value).toBe('2024-09-23');
    expect(qd.fields.codeNumber.box).toHaveLength(4);
    expect((await staff.get(`/api/digitization/files/${fileId}/documents`)).body.items).toEqual([]);
  });

  it('when the ranges overlap or name a page of another file, then 400 with a Vietnamese message and nothing is created', async () => {
    const fields = { subject: 'Thử' };
    const overlap = await staff.post(`/api/digitization/files/${fileId}/split`, {
      documents: [{ firstPageId: pageIds[0], lastPageId: pageIds[3], fields }, { firstPageId: pageIds[3], fields }],
    });
    expect([overlap.status, overlap.body.error?.code]).toEqual([400, 'SPLIT_RANGES_INVALID']);
    expect(overlap.body.error.message).toMatch(/chồng/);
    const stray = await staff.post(`/api/digitization/files/${otherFileId}/split`, { documents: [{ firstPageId: pageIds[0], fields }] });
    expect([stray.status, stray.body.error?.code]).toEqual([400, 'PROPOSAL_PAGE_NOT_IN_FILE']);
    const noSubject = await staff.post(`/api/digitization/files/${fileId}/split`, { documents: [{ firstPageId: pageIds[0], fields: { subject: '' } }] });
    expect(noSubject.status).toBe(400);
    const researcher = await t.as('researcher');
    expect((await researcher.post(`/api/digitization/files/${fileId}/split`, { documents: [{ firstPageId: pageIds[0], fields }] })).status).toBe(403);
    expect((await staff.get(`/api/digitization/files/${fileId}/documents`)).body.items).toEqual([]);
  });

  it('when staff confirm the boundaries with the proposals, one field corrected, then three documents hold their page ranges', async () => {
    const r = await staff.get(`/api/digitization/files/${fileId}/proposals`);
    const byPage = new Map<number, Proposal>(r.body.proposals.map((p: Proposal) => [p.pageId, p]));
    const accepted = (pageId: number) => {
      const f = byPage.get(pageId)!.fields;
      return {
        typeName: f.typeName.value, codeNumber: f.codeNumber.value, codeNotation: f.codeNotation.value,
        issuedDate: f.issuedDate.value, organName: f.organName.value, subject: f.subject.value ?? '(chưa rõ)',
      };
    };
    const first = { ...accepted(pageIds[0]), subject: 'Luân chuyển cán bộ (đã sửa)' };
    const split = await staff.post(`/api/digitization/files/${fileId}/split`, {
      documents: r.body.proposedStarts.map((id: number, i: number) => ({ firstPageId: id, fields: i === 0 ? first : accepted(id) })),
    });
    expect(split.status).toBe(201);
    const docs = split.body.documents;
    expect(docs.map((d: { pages: number; docOrdinal: number }) => [d.docOrdinal, d.pages])).toEqual([[1, 3], [2, 1], [3, 1]]);
    expect(docs[0]).toMatchObject({ subject: 'Luân chuyển cán bộ (đã sửa)', codeNumber: '458', codeNotation: 'QĐ-UBND', issuedDate: '2024-09-23', pageAmount: 3 });
    expect(docs[1]).toMatchObject({ typeName: 'CÔNG VĂN', codeNotation: 'TTLTLS-NV' });
    const pages = await t.db.query<{ id: number; document_id: number }>(`SELECT id, document_id FROM pages WHERE record_file_id = $1 ORDER BY seq`, [fileId]);
    expect(pages.map((p) => p.document_id)).toEqual([docs[0].id, docs[0].id, docs[0].id, docs[1].id, docs[2].id]);
    const [link] = await t.db.query<{ document_id: number; corrected_fields: string[] }>(`SELECT document_id, corrected_fields FROM page_proposals WHERE page_id = $1`, [pageIds[0]]);
    expect(link).toEqual({ document_id: docs[0].id, corrected_fields: ['subject'] });
    const events = await t.db.query(`SELECT data FROM events WHERE action = 'document.created' AND entity_id = $1`, [String(docs[0].id)]);
    expect(events).toEqual([{ data: { fromProposal: true, correctedFields: ['subject'], pages: 3 } }]);
  });

  it('when a page already belongs to a document, then a second split is refused with 409 and changes nothing', async () => {
    const again = await staff.post(`/api/digitization/files/${fileId}/split`, { documents: [{ firstPageId: pageIds[1], lastPageId: pageIds[1], fields: { subject: 'Khác' } }] });
    expect([again.status, again.body.error?.code]).toEqual([409, 'SPLIT_PAGE_TAKEN']);
    expect((await staff.get(`/api/digitization/files/${fileId}/documents`)).body.items).toHaveLength(3);
  });
});
