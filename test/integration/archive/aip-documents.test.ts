/**
 * One PDF/A-2b per document inside the AIP: a digitised file of three real pages (sharp, tesseract.js) split into two
 * documents is packaged; the package holds the file's PDF/A and one per document, each listed in the representation's
 * fileSec with its SHA-256, placed in a LOGICAL structMap (file → documents), described as a PREMIS object derived
 * from its masters, created and self-checked (PREMIS events). Every XML is validated with the official schemas.
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

let t: TestApp;
let staff: HttpClient;
let fileId: number;
let docs: { id: number; ordinal: number }[];
let aip: any;
let dir: string;
let pkg: string;
const validate = (schema: string, file: string) => spawnSync(path.join(SCHEMAS_DIR, 'validate.sh'), [schema, file], { encoding: 'utf8' });
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const dataDir = () => path.join(pkg, 'representations/rep1/data');

beforeAll(async () => {
  t = await startTestApp({ ARCHIVE_SCHEMAS_DIR: SCHEMAS_DIR }, undefined, { jobs: true });
  staff = await t.as('archivist');
  const a = await archive(t, [{ notation: '07/HS-2012', title: 'Hồ sơ quyết định và tờ trình năm 2012' }]);
  fileId = a.fileIds[0]!;
  const b = await batch(staff, fileId);
  const up = await uploadScans(staff, b, [
    { name: 'trang-1.png', data: await pagePng(['QUYẾT ĐỊNH SỐ 15', 'Ủy ban nhân dân tỉnh']) },
    { name: 'trang-2.png', data: await pagePng(['Điều 1 thành lập', 'Hội đồng xác định giá trị']) },
    { name: 'trang-3.png', data: await pagePng(['TỜ TRÌNH SỐ 8', 'Sở Nội vụ tỉnh']) },
  ]);
  expect(up.status).toBe(201);
  await t.drainJobs({ timeoutMs: 240_000 });
  docs = [];
  for (const [ordinal, subject] of [[1, 'Quyết định thành lập Hội đồng'], [2, 'Tờ trình của Sở Nội vụ']] as const) {
    const d = await staff.post(`/api/digitization/files/${fileId}/documents`, { docOrdinal: ordinal, subject });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    docs.push({ id: d.body.id, ordinal });
  }
  await t.db.query(`UPDATE pages SET document_id = $1 WHERE record_file_id = $2 AND seq IN (1, 2)`, [docs[0]!.id, fileId]);
  await t.db.query(`UPDATE pages SET document_id = $1 WHERE record_file_id = $2 AND seq = 3`, [docs[1]!.id, fileId]);
  const r = await staff.post('/api/archive/aips', { fileId });
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  await t.drainJobs({ timeoutMs: 240_000 });
  aip = (await staff.get(`/api/archive/aips/${r.body.id}`)).body;
  expect(aip.status, aip.error).toBe('done');
  const zip = await staff.get(`/api/archive/aips/${aip.id}/download`);
  expect(sha(zip.buffer)).toBe(aip.sha256);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-docs-'));
  fs.writeFileSync(path.join(dir, 'aip.zip'), zip.buffer);
  expect(spawnSync('unzip', ['-q', 'aip.zip'], { cwd: dir }).status).toBe(0);
  pkg = path.join(dir, aip.packageId);
}, 420_000);
afterAll(async () => {
  await t?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('per-document PDF/A-2b inside the AIP', () => {
  it('when unzipped, then the data folder has the file PDF/A and one PDF/A per document, each self-checked', () => {
    const pdfs = fs.readdirSync(dataDir()).filter((f) => f.endsWith('.pdf')).sort();
    expect(pdfs).toHaveLength(3);
    expect(pdfs.filter((f) => /-van-ban-[12]\.pdf$/.test(f))).toHaveLength(2);
    expect(aip).toMatchObject({ pdfaChecked: 3, pdfaPassed: 3 });
  });

  it('when each document PDF/A is checked again, then it holds exactly its pages and its text layer equals their OCR', async () => {
    const rows = await t.db.query<{ seq: number; text: string }>(`SELECT seq, ocr_text AS text FROM pages WHERE record_file_id = $1 ORDER BY seq`, [fileId]);
    const pdfs = fs.readdirSync(dataDir());
    for (const [ordinal, seqs] of [[1, [1, 2]], [2, [3]]] as const) {
      const name = pdfs.find((f) => f.endsWith(`-van-ban-${ordinal}.pdf`))!;
      const pdf = fs.readFileSync(path.join(dataDir(), name));
      const texts = rows.filter((r) => (seqs as readonly number[]).includes(r.seq)).map((r) => r.text);
      const check = await selfCheckPdfa(pdf, texts);
      expect(check.checks.filter((c) => !c.ok), `${name}: ${JSON.stringify(check.checks)}`).toEqual([]);
      // The same file against the other document's pages fails: the check compares.
      const other = rows.filter((r) => !(seqs as readonly number[]).includes(r.seq)).map((r) => r.text);
      expect((await selfCheckPdfa(pdf, other)).passed).toBe(false);
      const info = spawnSync('pdfinfo', [path.join(dataDir(), name)], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(new RegExp(`Title:\\s+07/HS-2012 — văn bản ${ordinal}: `));
      expect(info).toMatch(new RegExp(`Pages:\\s+${seqs.length}\\n`));
    }
  });

  it('when the METS and PREMIS are validated with the official schemas, then all pass', () => {
    for (const f of ['METS.xml', 'representations/rep1/METS.xml']) {
      const v = validate('mets-all', path.join(pkg, f));
      expect(v.status, `${f}: ${v.stdout}${v.stderr}`).toBe(0);
    }
    const p = validate('premis', path.join(pkg, 'metadata/preservation/PREMIS.xml'));
    expect(p.status, p.stdout + p.stderr).toBe(0);
    const e = validate('ead3', path.join(pkg, 'metadata/descriptive/EAD.xml'));
    expect(e.status, e.stdout + e.stderr).toBe(0);
  });

  it('when the representation METS is read, then each document PDF/A is in the fileSec with its SHA-256 and in a LOGICAL structMap under the file', () => {
    const mets = fs.readFileSync(path.join(pkg, 'representations/rep1/METS.xml'), 'utf8');
    for (const d of docs) {
      const file = new RegExp(`<file ID="obj-pdfa-doc-${d.id}"[^>]*>\\s*<FLocat[^>]*xlink:href="(data/[^"]+)"`).exec(mets);
      expect(file, `fileSec entry of document ${d.id}`).not.toBeNull();
      const tag = new RegExp(`<file ID="obj-pdfa-doc-${d.id}"[^>]*>`).exec(mets)![0];
      expect(/CHECKSUM="([0-9a-f]{64})"/.exec(tag)![1]).toBe(sha(fs.readFileSync(path.join(pkg, 'representations/rep1', file![1]!))));
    }
    const logical = /<structMap ID="structmap-logical" TYPE="LOGICAL"[\s\S]*?<\/structMap>/.exec(mets)![0];
    const fileDiv = new RegExp(`<div ID="div-file-${fileId}" TYPE="file"[^>]*>\\s*<fptr FILEID="obj-pdfa-${fileId}"/>`).exec(logical);
    expect(fileDiv, logical).not.toBeNull();
    for (const d of docs) expect(logical).toMatch(new RegExp(`<div ID="div-doc-${d.id}" TYPE="document" LABEL="Văn bản ${d.ordinal}: [^"]+">\\s*<fptr FILEID="obj-pdfa-doc-${d.id}"/>`));
    // The CSIP physical map is still there, listing every data file.
    expect(mets).toMatch(/<structMap ID="structmap-rep1" TYPE="PHYSICAL" LABEL="CSIP">/);
  });

  it('when PREMIS is read, then each document PDF/A is an object derived from its masters, with a creation and a passed validation event', async () => {
    const premis = fs.readFileSync(path.join(pkg, 'metadata/preservation/PREMIS.xml'), 'utf8').replace(/<(\/?)premis:/g, '<$1');
    const masters = await t.db.query<{ id: number; seq: number }>(`SELECT m.id, p.seq FROM pages p JOIN masters m ON m.id = p.master_id WHERE p.record_file_id = $1 ORDER BY p.seq`, [fileId]);
    for (const [i, d] of docs.entries()) {
      const obj = new RegExp(`<object[^>]*>\\s*<objectIdentifier>\\s*<objectIdentifierType>local</objectIdentifierType>\\s*<objectIdentifierValue>obj-pdfa-doc-${d.id}</objectIdentifierValue>[\\s\\S]*?</object>`).exec(premis);
      expect(obj, `PREMIS object of document ${d.id}`).not.toBeNull();
      const sources = [...obj![0].matchAll(/<relatedObjectIdentifierValue>([^<]+)</g)].map((m) => m[1]).sort();
      const want = masters.filter((m) => (i === 0 ? m.seq <= 2 : m.seq === 3)).map((m) => `obj-master-${m.id}`).sort();
      expect(sources).toEqual(want);
      expect(obj![0]).toContain('<formatRegistryKey>fmt/476</formatRegistryKey>');
    }
    const events = (await staff.get(`/api/archive/aips/${aip.id}/premis-events`)).body.items as { type: string; outcome: string; objectName: string }[];
    for (const d of docs) {
      const mine = events.filter((e) => e.objectName.endsWith(`-van-ban-${d.ordinal}.pdf`)).map((e) => `${e.type}:${e.outcome}`);
      expect(mine).toEqual(['creation:pass', 'validation:pass']);
    }
    expect(premis.match(/<eventType>validation<\/eventType>/g)).toHaveLength(3);
  });
});
