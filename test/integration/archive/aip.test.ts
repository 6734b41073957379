/**
 * An AIP of a digitised file, end to end with real components: upload (sharp), derivatives, OCR (tesseract.js),
 * a master fixity check, then the AIP job (pg-boss) → ZIP in the write-once folder. The package is unzipped and
 * every XML validated against the official METS / PREMIS 3 / EAD3 schemas (../shared/schemas/validate.sh), every
 * SHA-256 and SIZE recomputed, and the PDF/A-2b self-check event read back. A broken METS and a broken PREMIS are
 * shown to be rejected by the same validator.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive, batch, pagePng, uploadScans } from '../digitization/digitization-fixtures.js';
import { SCHEMAS_DIR } from '../interop/xml-schemas.js';
import { selfCheckPdfa } from '../../../server/archive/pdfa-check.js';
import { AipExistsError } from '../../../server/archive/aip-vault.js';
import { renderTextPage } from '../../../ocr/image/render-text-page.js';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';

let t: TestApp;
let staff: HttpClient;
let fileId: number;
let aip: any;
let dir: string;
let pkg: string;

const validate = (schema: string, file: string) =>
  spawnSync(path.join(SCHEMAS_DIR, 'validate.sh'), [schema, file], { encoding: 'utf8' });
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

async function waitDone(id: number) {
  await t.drainJobs({ timeoutMs: 240_000 });
  return (await staff.get(`/api/archive/aips/${id}`)).body;
}

beforeAll(async () => {
  t = await startTestApp({ ARCHIVE_SCHEMAS_DIR: SCHEMAS_DIR }, undefined, { jobs: true });
  staff = await t.as('archivist');
  const a = await archive(t, [{ notation: '01/HS-2010', title: 'Biên bản giao nhận tài liệu phông Sở Nội vụ' }]);
  fileId = a.fileIds[0]!;
  const b = await batch(staff, fileId);
  const up = await uploadScans(staff, b, [
    // The demo's first scan (server/demo/demo-scans.ts): a typed A4 page at 300 dpi, TIFF, rendered the same way.
    { name: 'trang-001.tif', data: await renderTextPage({
      title: 'BIÊN BẢN GIAO NHẬN TÀI LIỆU', format: 'tiff', dpi: 300,
      paragraphs: [
        'Hôm nay, ngày 24 tháng 9 năm 2021, tại Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên, chúng tôi gồm: Bên giao là Sở Nội vụ tỉnh Hưng Yên; bên nhận là Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên.',
        'Số lượng tài liệu giao nhận gồm 260 hộp, 824 hồ sơ, tương đương 26,4 mét giá, kèm theo Mục lục hồ sơ, tài liệu nộp lưu.',
      ],
    }) },
    { name: 'trang-002.png', data: await pagePng(['Sở Nội vụ tỉnh Hưng Yên', 'Mục lục hồ sơ nộp lưu']) },
  ]);
  expect(up.status).toBe(201);
  await t.drainJobs({ timeoutMs: 240_000 });
  expect((await staff.post('/api/integrity/fixity', {})).status).toBe(202);
  await t.drainJobs({ timeoutMs: 60_000 });
  const r = await staff.post('/api/archive/aips', { fileId });
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  aip = await waitDone(r.body.id);
  expect(aip.status, aip.error).toBe('done');
  const zip = await staff.get(`/api/archive/aips/${aip.id}/download`);
  expect(zip.status).toBe(200);
  expect(zip.buffer.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  expect(sha(zip.buffer)).toBe(aip.sha256);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-test-'));
  fs.writeFileSync(path.join(dir, 'aip.zip'), zip.buffer);
  const unz = spawnSync('unzip', ['-q', 'aip.zip'], { cwd: dir, encoding: 'utf8' });
  expect(unz.status, unz.stderr).toBe(0);
  pkg = path.join(dir, aip.packageId);
}, 420_000);
afterAll(async () => {
  await t?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('AIP of a digitised file', () => {
  it('when unzipped, then it has the E-ARK CSIP layout with the PDF/A and both masters', () => {
    const files = spawnSync('find', ['.', '-type', 'f'], { cwd: pkg, encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
    expect(files).toEqual(expect.arrayContaining(['./METS.xml', './metadata/descriptive/EAD.xml', './metadata/descriptive/TT05.xml', './metadata/preservation/PREMIS.xml', './representations/rep1/METS.xml', './schemas/mets.xsd', './schemas/premis.xsd', './schemas/ead3.xsd', './schemas/xlink.xsd', './schemas/DILCISExtensionMETS.xsd']));
    expect(files.filter((f) => f.startsWith('./representations/rep1/data/') && f.endsWith('.pdf'))).toHaveLength(1);
    expect(files.filter((f) => f.includes('/data/masters/')).map((f) => path.extname(f)).sort()).toEqual(['.png', '.tif']);
  });

  it('when every XML is validated against the official schemas, then all pass', () => {
    for (const f of ['METS.xml', 'representations/rep1/METS.xml']) {
      const v = validate('mets-all', path.join(pkg, f));
      expect(v.status, `${f}: ${v.stdout}${v.stderr}`).toBe(0);
    }
    const p = validate('premis', path.join(pkg, 'metadata/preservation/PREMIS.xml'));
    expect(p.status, p.stdout + p.stderr).toBe(0);
    const e = validate('ead3', path.join(pkg, 'metadata/descriptive/EAD.xml'));
    expect(e.status, e.stdout + e.stderr).toBe(0);
    // The TT05 block has no official schema (our own namespace): well-formed, and not pretending to be EAD.
    const tt = spawnSync('xmllint', ['--noout', path.join(pkg, 'metadata/descriptive/TT05.xml')], { encoding: 'utf8' });
    expect(tt.status, tt.stderr).toBe(0);
    const ttText = fs.readFileSync(path.join(pkg, 'metadata/descriptive/TT05.xml'), 'utf8');
    expect(ttText).toContain('xmlns="urn:kho-luu-tru:ns:tt05-hoso:1"');
    expect(ttText).toContain('Biên bản giao nhận tài liệu phông Sở Nội vụ');
  });

  it('when every SHA-256 and SIZE in both METS files is recomputed, then each matches, links are relative and times +07:00', () => {
    let n = 0;
    for (const m of ['METS.xml', 'representations/rep1/METS.xml']) {
      const xml = fs.readFileSync(path.join(pkg, m), 'utf8');
      const base = path.dirname(path.join(pkg, m));
      for (const tag of xml.match(/<(?:file|mdRef)\b[^>]*>(?:\s*<FLocat[^>]*>)?/g) ?? []) {
        const href = /xlink:href="([^"]+)"/.exec(tag)![1]!;
        expect(href).not.toMatch(/^(\/|[a-z]+:)/);
        const body = fs.readFileSync(path.resolve(base, href));
        expect(/CHECKSUMTYPE="SHA-256"/.test(tag)).toBe(true);
        expect(/CHECKSUM="([0-9a-f]{64})"/.exec(tag)![1], `${m} → ${href}`).toBe(sha(body));
        expect(Number(/SIZE="(\d+)"/.exec(tag)![1])).toBe(body.length);
        expect(/CREATED="([^"]+)"/.exec(tag)![1]).toMatch(/\+07:00$/);
        n++;
      }
      expect(xml).toMatch(/CREATEDATE="[^"]+\+07:00"/);
    }
    // Root: EAD, TT05, PREMIS, 5 schemas, rep METS. Rep: PREMIS, PDF, 2 masters.
    expect(n).toBe(13);
    expect(sha(fs.readFileSync(path.join(pkg, 'schemas/mets.xsd')))).toBe(sha(fs.readFileSync(path.join(SCHEMAS_DIR, 'mets.xsd'))));
  });

  it('when PREMIS is read, then it has SHA-256 objects and capture, OCR (engine + model), master fixity, PDF/A creation and a passed self-check', () => {
    // Read without the namespace prefix (the writer may or may not use one; both are the same XML).
    const premis = fs.readFileSync(path.join(pkg, 'metadata/preservation/PREMIS.xml'), 'utf8').replace(/<(\/?)premis:/g, '<$1');
    expect(premis.match(/<messageDigestAlgorithm>SHA-256<\/messageDigestAlgorithm>/g)).toHaveLength(3);
    expect(premis.match(/<eventType>capture<\/eventType>/g)).toHaveLength(2);
    expect(premis).toMatch(/<eventType>derivation<\/eventType>/);
    expect(premis).toMatch(/tesseract\.js [\d.]+ vie 4\.0\.0_best_int/);
    expect(premis.match(/<eventType>fixity check<\/eventType>/g)).toHaveLength(2);
    expect(premis).toMatch(/<eventType>creation<\/eventType>/);
    const validation = /<event>(?:(?!<\/event>)[\s\S])*<eventType>validation<\/eventType>(?:(?!<\/event>)[\s\S])*<\/event>/.exec(premis)![0];
    expect(validation).toContain('<eventOutcome>pass</eventOutcome>');
    expect(validation).toContain('không phải veraPDF');
    expect(premis).toMatch(/<eventDateTime>[^<]+\+07:00<\/eventDateTime>/);
    expect(premis).toContain('<formatRegistryKey>fmt/476</formatRegistryKey>');
    expect(aip).toMatchObject({ pdfaChecked: 1, pdfaPassed: 1, lockMode: 'read-only-fs' });
  });

  it('when the packaged PDF/A is checked again, then it passes: pdfaid 2B, sRGB intent, fonts embedded, text = OCR', async () => {
    const data = path.join(pkg, 'representations/rep1/data');
    const pdf = fs.readFileSync(path.join(data, fs.readdirSync(data).find((f) => f.endsWith('.pdf'))!));
    const rows = await t.db.query<{ text: string }>(`SELECT ocr_text AS text FROM pages WHERE record_file_id = $1 ORDER BY seq`, [fileId]);
    const check = await selfCheckPdfa(pdf, rows.map((r) => r.text));
    expect(check.checks.filter((c) => !c.ok), JSON.stringify(check.checks)).toEqual([]);
    expect(check.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['xmp-pdfaid', 'output-intent', 'fonts-embedded', 'text-layer', 'qpdf-check']));
    // A wrong expected text makes the check fail: it compares, it does not just look for any text.
    const wrong = await selfCheckPdfa(pdf, rows.map((r) => `${r.text} Thái Bình`));
    expect(wrong.checks.find((c) => c.name === 'text-layer')!.ok).toBe(false);
    // A JavaScript open action added to the same file is caught.
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    const scripted = await selfCheckPdfa(Buffer.from(await doc.save()), rows.map((r) => r.text));
    expect(scripted.passed).toBe(false);
    expect(scripted.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['no-javascript']);
    const events = (await staff.get(`/api/archive/aips/${aip.id}/premis-events`)).body.items;
    expect(events.map((e: any) => `${e.type}:${e.outcome}`)).toEqual(['creation:pass', 'validation:pass']);
  });

  it('when a METS loses a required attribute or PREMIS its version, then validate.sh rejects it', () => {
    const mets = fs.readFileSync(path.join(pkg, 'METS.xml'), 'utf8');
    const broken = path.join(dir, 'broken-METS.xml');
    fs.writeFileSync(broken, mets.replace(/<FLocat LOCTYPE="URL"/, '<FLocat'));
    expect(validate('mets-all', broken).status).toBe(3);
    const premis = fs.readFileSync(path.join(pkg, 'metadata/preservation/PREMIS.xml'), 'utf8');
    const brokenP = path.join(dir, 'broken-PREMIS.xml');
    fs.writeFileSync(brokenP, premis.replace(' version="3.0"', ''));
    expect(validate('premis', brokenP).status).toBe(3);
    const brokenCsip = path.join(dir, 'broken-csip.xml');
    fs.writeFileSync(brokenCsip, mets.replace('csip:OAISPACKAGETYPE="AIP"', 'csip:OAISPACKAGETYPE="PACKAGE"'));
    expect(validate('mets-all', brokenCsip).status).toBe(3);
  });

  it('when stored on the filesystem store, then the ZIP is 0444 in a 0555 folder, an overwrite is refused, and fixity detects a change', async () => {
    const vault = t.services.archive.vault;
    const file = vault.pathOf(`${aip.packageId}/${aip.packageId}.zip`)!;
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o555);
    await expect(vault.write(aip.packageId, (async function* () { yield Buffer.from('x'); })())).rejects.toBeInstanceOf(AipExistsError);
    expect(sha(fs.readFileSync(file))).toBe(aip.sha256);
    let fx = await staff.post(`/api/archive/aips/${aip.id}/fixity`, {});
    expect(fx.body.items).toEqual([{ id: aip.id, status: 'ok' }]);
    // The test runs as root, which mode bits do not stop: flip one byte the way a disk fault would.
    fs.chmodSync(file, 0o644);
    const bytes = fs.readFileSync(file);
    bytes[100] ^= 0xff;
    fs.writeFileSync(file, bytes);
    fx = await staff.post(`/api/archive/aips/${aip.id}/fixity`, {});
    expect(fx.body.items).toEqual([{ id: aip.id, status: 'corrupt' }]);
    expect((await staff.get(`/api/archive/aips/${aip.id}`)).body.fixityStatus).toBe('corrupt');
  });

  it('when asked for a file without pages or as a researcher, then it is refused and nothing is queued', async () => {
    const empty = await archive(t, [{ notation: 'TRONG' }]);
    const r = await staff.post('/api/archive/aips', { fileId: empty.fileIds[0] });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('AIP_NOTHING_DIGITISED');
    const both = await staff.post('/api/archive/aips', { fileId, fondsId: 1 });
    expect(both.status).toBe(400);
    const reader = await t.as('researcher');
    expect((await reader.post('/api/archive/aips', { fileId })).status).toBe(403);
    const [n] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM aip_exports`);
    expect(n!.n).toBe(1);
  });
});
