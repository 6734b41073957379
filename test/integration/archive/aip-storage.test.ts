/**
 * AIPs on the S3 store (the in-process s3rver from test/support, which has NO Object Lock API): the package is stored
 * and recorded as NOT locked. Also: a per-fonds AIP validates; an export left behind by a restart is resumed by the
 * resume sweep; a damaged master aborts its package with nothing stored; a PDF/A that fails its self-check (an empty
 * ICC profile) is refused and the failure is recorded as a PREMIS validation event.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { startS3Server, type S3TestServer } from '../../support/s3-server.js';
import { archive, batch, pagePng, uploadScans } from '../digitization/digitization-fixtures.js';
import { SCHEMAS_DIR } from '../interop/xml-schemas.js';
import { insertExport } from '../../../server/archive/aip.repository.js';

let s3: S3TestServer;
let t: TestApp;
let staff: HttpClient;
let fondsId: number;
let fileIds: number[];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-s3-'));
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const validate = (schema: string, file: string) => spawnSync(path.join(SCHEMAS_DIR, 'validate.sh'), [schema, file], { encoding: 'utf8' });

async function exportAndWait(body: Record<string, number>) {
  const r = await staff.post('/api/archive/aips', body);
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  await t.drainJobs({ timeoutMs: 240_000 });
  return (await staff.get(`/api/archive/aips/${r.body.id}`)).body;
}

beforeAll(async () => {
  s3 = await startS3Server();
  t = await startTestApp({ ...s3.env }, undefined, { jobs: true });
  staff = await t.as('archivist');
  const a = await archive(t, [{ notation: '01-UB', title: 'Quyết định thành lập' }, { notation: '02-UB', title: 'Báo cáo công tác lưu trữ', accessLevel: 'restricted' }]);
  fondsId = a.fondsId;
  fileIds = a.fileIds;
  for (const [i, id] of fileIds.entries()) {
    const b = await batch(staff, id);
    expect((await uploadScans(staff, b, [{ name: `trang-${i}.png`, data: await pagePng([i ? 'BÁO CÁO CÔNG TÁC' : 'QUYẾT ĐỊNH THÀNH LẬP', 'Hưng Yên năm 2010']) }])).status).toBe(201);
  }
  await t.drainJobs({ timeoutMs: 240_000 });
}, 360_000);
afterAll(async () => {
  await t?.close();
  await s3?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('AIPs on S3 without Object Lock, per fonds, resumed, refused', () => {
  it('when an AIP is stored on the S3 test server, then it is recorded as NOT locked and downloads byte for byte', async () => {
    const aip = await exportAndWait({ fileId: fileIds[0]! });
    expect(aip.status, aip.error).toBe('done');
    expect(aip.lockMode).toBe('none');
    expect(aip.lockDetail).toMatch(/^KHÔNG khóa/);
    expect(aip.lockedUntil).toBeNull();
    const zip = await staff.get(`/api/archive/aips/${aip.id}/download`);
    expect(sha(zip.buffer)).toBe(aip.sha256);
    const keys: string[] = [];
    for await (const o of t.blobs.list('aip/')) keys.push(o.key);
    expect(keys).toEqual([`aip/${aip.packageId}.zip`]);
    expect((await staff.post(`/api/archive/aips/${aip.id}/fixity`, {})).body.items).toEqual([{ id: aip.id, status: 'ok' }]);
  });

  it('when a fonds is packaged, then both files are in it and every XML validates', async () => {
    const aip = await exportAndWait({ fondsId });
    expect(aip.status, aip.error).toBe('done');
    expect(aip.pdfaPassed).toBe(2);
    const zip = (await staff.get(`/api/archive/aips/${aip.id}/download`)).buffer;
    const dir = path.join(tmp, 'fonds');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a.zip'), zip);
    expect(spawnSync('unzip', ['-q', 'a.zip'], { cwd: dir }).status).toBe(0);
    const pkg = path.join(dir, aip.packageId);
    expect(fs.readdirSync(path.join(pkg, 'representations/rep1/data')).filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
    for (const [schema, f] of [['mets-all', 'METS.xml'], ['mets-all', 'representations/rep1/METS.xml'], ['premis', 'metadata/preservation/PREMIS.xml'], ['ead3', 'metadata/descriptive/EAD.xml']] as const) {
      const v = validate(schema, path.join(pkg, f));
      expect(v.status, `${f}: ${v.stdout}${v.stderr}`).toBe(0);
    }
    expect(fs.readFileSync(path.join(pkg, 'metadata/descriptive/EAD.xml'), 'utf8')).toMatch(/<archdesc level="fonds"/);
  });

  it('when an export was left queued by a restart (its job lost), then the resume sweep builds it', async () => {
    const row = await insertExport(t.db, { scope: 'file', fileId: fileIds[1]!, fondsId: null, packageId: 'AIP_hoso-VN-KLT-F-resume-test', userId: null, at: t.now.value });
    await t.jobs.send('archive.aip-resume', {});
    await t.drainJobs({ timeoutMs: 240_000 });
    const after = (await staff.get(`/api/archive/aips/${row.id}`)).body;
    expect(after.status, after.error).toBe('done');
    expect(after.attempts).toBe(1);
  });

  it('when a master no longer matches its upload SHA-256, then the AIP fails and nothing is stored', async () => {
    const [m] = await t.db.query<{ key: string }>(`SELECT object_key AS key FROM masters WHERE record_file_id = $1`, [fileIds[0]]);
    const good = Buffer.concat(await (await t.blobs.get(m!.key)).toArray());
    await t.blobs.put(m!.key, await pagePng(['BẢN BỊ THAY']));
    const before: string[] = [];
    for await (const o of t.blobs.list('aip/')) before.push(o.key);
    const aip = await exportAndWait({ fileId: fileIds[0]! });
    expect(aip.status).toBe('failed');
    expect(aip.error).toMatch(/^AIP_MASTER_NOT_INTACT/);
    const after: string[] = [];
    for await (const o of t.blobs.list('aip/')) after.push(o.key);
    expect(after).toEqual(before);
    await t.blobs.put(m!.key, good);
  });

  it('when the ICC profile is empty, then the PDF/A fails its self-check, is not served, and the failure is a PREMIS event', async () => {
    const empty = path.join(tmp, 'empty.icc');
    fs.writeFileSync(empty, Buffer.alloc(0));
    const config = t.config as { ARCHIVE_ICC_PROFILE: string };
    const saved = config.ARCHIVE_ICC_PROFILE;
    config.ARCHIVE_ICC_PROFILE = empty;
    try {
      const r = await staff.get(`/api/archive/files/${fileIds[0]}/pdfa`);
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('PDFA_SELF_CHECK_FAILED');
      expect(r.body.error.message).toContain('output-intent');
    } finally {
      config.ARCHIVE_ICC_PROFILE = saved;
    }
    const [ev] = await t.db.query<{ outcome: string }>(`SELECT outcome FROM premis_events WHERE record_file_id = $1 AND event_type = 'validation' AND aip_export_id IS NULL ORDER BY id DESC LIMIT 1`, [fileIds[0]]);
    expect(ev!.outcome).toBe('fail');
    const ok = await staff.get(`/api/archive/files/${fileIds[0]}/pdfa`);
    expect(ok.status).toBe(200);
    expect(ok.buffer.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(ok.buffer.includes('<pdfaid:part>2</pdfaid:part>')).toBe(true);
  });

  it('when a document of the file has pages, then its own PDF/A-2b holds only them; a document without pages is refused', async () => {
    const d1 = await staff.post(`/api/digitization/files/${fileIds[1]}/documents`, { docOrdinal: 1, subject: 'Báo cáo công tác lưu trữ năm 2010' });
    expect(d1.status, JSON.stringify(d1.body)).toBe(201);
    const d2 = await staff.post(`/api/digitization/files/${fileIds[1]}/documents`, { docOrdinal: 2, subject: 'Phụ lục' });
    await t.db.query(`UPDATE pages SET document_id = $1 WHERE record_file_id = $2`, [d1.body.id, fileIds[1]]);
    const r = await staff.get(`/api/archive/documents/${d1.body.id}/pdfa`);
    expect(r.status).toBe(200);
    const file = path.join(tmp, 'doc.pdf');
    fs.writeFileSync(file, r.buffer);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Title:\s+02-UB — văn bản 1: Báo cáo công tác lưu trữ năm 2010/);
    expect(info).toMatch(/Pages:\s+1/);
    expect(spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout).toMatch(/BÁO CÁO/);
    const none = await staff.get(`/api/archive/documents/${d2.body.id}/pdfa`);
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('AIP_NOTHING_DIGITISED');
  });
});
