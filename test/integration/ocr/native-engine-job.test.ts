/**
 * OCR_ENGINE=native end to end: the job runner's pool is the Debian tesseract binary, and a scanned page comes out
 * searchable with the native engine named on the page, exactly as with the embedded tesseract.js engine.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive, batch, pagePng, uploadScans } from '../digitization/digitization-fixtures.js';

// The native engine is optional: without tesseract-ocr and its Vietnamese data the setting cannot be exercised.
const HAS_NATIVE = fs.existsSync('/usr/bin/tesseract') && fs.existsSync('/usr/share/tesseract-ocr/5/tessdata/vie.traineddata');

let t: TestApp;
let staff: HttpClient;
let fileId: number;

beforeAll(async () => {
  if (!HAS_NATIVE) return;
  t = await startTestApp({ OCR_ENGINE: 'native' }, undefined, { jobs: true });
  staff = await t.as('archivist');
  fileId = (await archive(t, [{ notation: '07/HS-2016', title: 'Hồ sơ nhận dạng bằng tesseract của Debian' }])).fileIds[0]!;
  const up = await uploadScans(staff, await batch(staff, fileId), [{ name: 'trang.png', data: await pagePng(['QUYẾT ĐỊNH THÀNH LẬP', 'Hưng Yên năm 2016']) }]);
  expect(up.status).toBe(201);
  await t.drainJobs({ timeoutMs: 240_000 });
}, 300_000);
afterAll(() => t?.close());

describe.skipIf(!HAS_NATIVE)('OCR_ENGINE=native', () => {
  it('when a page is scanned, then the Debian engine reads it, is named on the page, and the text is searchable', async () => {
    const [page] = await t.db.query<{ engine: string; text: string; status: string }>(
      `SELECT ocr_engine AS engine, ocr_text AS text, ocr_status AS status FROM pages WHERE record_file_id = $1`, [fileId]);
    expect(page!.status).toBe('done');
    expect(page!.engine).toMatch(/native vie/);
    expect(page!.text.normalize('NFC')).toContain('QUYẾT ĐỊNH');
    const hits = await staff.get(`/api/search?q=${encodeURIComponent('thành lập')}`);
    expect(hits.status).toBe(200);
    expect(JSON.stringify(hits.body)).toContain('07/HS-2016');
  });
});
