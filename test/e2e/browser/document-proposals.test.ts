/**
 * Metadata proposals in the browser (issue 14): a fixture first page (QUYẾT ĐỊNH 458/QĐ-UBND) is scanned into a file,
 * staff have it read, see the proposed fields with their boxes on the page image, correct the subject, accept the
 * other fields one by one and create the document. The saved document has the correction and the rest as proposed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archive, batch, uploadScans } from '../../integration/digitization/digitization-fixtures.js';
import { createUser, login, openBrowser, PASSWORD, shot, type BrowserEnv } from './support/browser.js';

const T = 'document-proposals';
const PAGE = path.resolve(import.meta.dirname, '../../fixtures/ocr-documents/page-03.png');

describe('document metadata proposals in the browser', () => {
  let env: BrowserEnv;
  let fileId: number;

  beforeAll(async () => {
    env = await openBrowser({ jobs: true });
    const a = await archive(env.t, [{ notation: '12-QĐ', title: 'Quyết định về công tác cán bộ năm 2024' }]);
    fileId = a.fileIds[0];
    await createUser(env.t, 'soha.minh', 'archivist');
    const staff = await env.t.as('archivist');
    const r = await uploadScans(staff, await batch(staff, fileId), [{ name: 'qd-458.png', data: fs.readFileSync(PAGE) }]);
    expect(r.status).toBe(201);
    await env.t.drainJobs({ timeoutMs: 240_000 });
  }, 300_000);
  afterAll(async () => {
    await env?.close();
  });

  it('when staff correct the subject and accept the other proposed fields, then the document is saved with exactly that', async () => {
    const { page, base } = env;
    await login(page, base, 'soha.minh', PASSWORD);
    await page.goto(`${base}/digitization/files/${fileId}`);
    await page.getByRole('button', { name: 'Đọc đề xuất từ ảnh (OCR)' }).click();
    const panel = page.getByTestId('document-proposal');
    await panel.waitFor({ timeout: 240_000 });

    // The proposals are shown, with their boxes on the page image, and nothing is saved yet.
    await expect.poll(() => panel.locator('[data-field=codeNotation] input').inputValue()).toBe('QĐ-UBND');
    expect(await panel.locator('[data-field=codeNumber] input').inputValue()).toBe('458');
    expect(await panel.getByTestId('box-codeNumber').count()).toBe(1);
    expect(await panel.getByTestId('box-subject').count()).toBe(1);
    const create = page.getByRole('button', { name: 'Tạo văn bản từ các ranh giới đã xác nhận' });
    expect(await create.isDisabled()).toBe(true);
    expect(await env.t.db.query(`SELECT 1 FROM documents WHERE record_file_id = $1`, [fileId])).toEqual([]);
    await shot(page, T, '01-proposed');

    await panel.locator('[data-field=subject] textarea').fill('Luân chuyển cán bộ năm 2024');
    for (const k of ['Tên loại', 'Số', 'Ký hiệu', 'Ngày ban hành', 'Cơ quan ban hành']) {
      await panel.getByRole('button', { name: `Chấp nhận: ${k}`, exact: true }).click();
    }
    expect(await page.getByText(/Còn \d+ trường chưa xác nhận/).count()).toBe(0);
    await create.click();
    await page.getByText('Đã tạo 1 văn bản.').waitFor();
    await shot(page, T, '02-created');

    const docs = await env.t.db.query<Record<string, unknown>>(
      `SELECT type_name, code_number, code_notation, to_char(issued_date, 'YYYY-MM-DD') AS issued, organ_name, subject, page_amount FROM documents WHERE record_file_id = $1`,
      [fileId],
    );
    expect(docs).toEqual([{
      type_name: 'QUYẾT ĐỊNH', code_number: '458', code_notation: 'QĐ-UBND', issued: '2024-09-23',
      organ_name: 'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN', subject: 'Luân chuyển cán bộ năm 2024', page_amount: 1,
    }]);
    const [link] = await env.t.db.query<{ corrected_fields: string[] }>(`SELECT corrected_fields FROM page_proposals WHERE document_id IS NOT NULL`);
    expect(link.corrected_fields).toEqual(['subject']);
    // The documents table of the page lists it.
    await expect.poll(() => page.getByTestId('documents').innerText()).toMatch(/Luân chuyển cán bộ năm 2024/);
    expect(env.pageErrors).toEqual([]);
  });
});
