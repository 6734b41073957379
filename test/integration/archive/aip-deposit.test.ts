/**
 * A file that came in as a digital deposit, end to end with real components: a real PDF/A-2b package deposited,
 * appraised, approved, received (pdftoppm pages, text layer), then its AIP. The package carries the deposited
 * PDF/A byte for byte as the file's preservation master (no PDF rebuilt from the renders, no PNG masters), with the
 * deposit's PREMIS events; every XML validated against the official schemas. Then one byte of the stored PDF is
 * flipped: the periodic fixity check reports it and records a failed PREMIS fixity event.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { seedWorld, type World } from '../handover/fixture.js';
import { SCHEMAS_DIR } from '../interop/xml-schemas.js';
import { sha256, validSip } from '../../support/sip-factory.js';

let t: TestApp;
let w: World;
let deposit: any;
let file: { recordFileId: number; sha256: string; objectKey: string; path: string };
let dir: string;
let pkg: string;

const validate = (schema: string, f: string) => spawnSync(path.join(SCHEMAS_DIR, 'validate.sh'), [schema, f], { encoding: 'utf8' });
const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)).map((x) => `${e.name}/${x}`) : [e.name]));

beforeAll(async () => {
  t = await startTestApp({ ARCHIVE_SCHEMAS_DIR: SCHEMAS_DIR }, undefined, { jobs: true });
  w = await seedWorld(t);
  const agency = await t.as('agency', { agencyId: w.agencyId });
  const r = await agency.upload('/api/deposits', 'file', { name: 'goi-aip.zip', data: (await validSip(1, 'AIP')).zip }, { fondsId: String(w.fondsId) });
  expect(r.status, JSON.stringify(r.body).slice(0, 600)).toBe(201);
  deposit = r.body;
  const id = deposit.handoverId;
  expect((await w.staff.post(`/api/handovers/${id}/appraise`, { summary: 'Đủ hồ sơ.' })).status).toBe(200);
  expect((await w.staff.post(`/api/handovers/${id}/approve`, { approvalDecision: 'Quyết định số 7/QĐ-TTLT' })).status).toBe(200);
  const rec = await w.staff.post(`/api/handovers/${id}/receive`, {
    handoverDate: '2026-11-22', physicalCondition: 'Tệp nguyên vẹn', deliveringName: 'Nguyễn Văn An', deliveringPosition: 'Văn thư',
    receivingName: 'Trần Thị Bình', receivingPosition: 'Lưu trữ viên',
  });
  expect(rec.status, JSON.stringify(rec.body)).toBe(200);
  await t.drainJobs({ timeoutMs: 240_000 });
  [file] = await t.db.query<typeof file>(
    `SELECT record_file_id AS "recordFileId", sha256, object_key AS "objectKey", path FROM deposit_files WHERE package_id = $1`, [deposit.id]);
  const a = await w.staff.post('/api/archive/aips', { fileId: file.recordFileId });
  expect(a.status, JSON.stringify(a.body)).toBe(202);
  await t.drainJobs({ timeoutMs: 240_000 });
  const aip = (await w.staff.get(`/api/archive/aips/${a.body.id}`)).body;
  expect(aip.status, aip.error).toBe('done');
  const zip = await w.staff.get(`/api/archive/aips/${aip.id}/download`);
  expect(zip.status).toBe(200);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-deposit-'));
  fs.writeFileSync(path.join(dir, 'aip.zip'), zip.buffer);
  const unz = spawnSync('unzip', ['-q', 'aip.zip'], { cwd: dir, encoding: 'utf8' });
  expect(unz.status, unz.stderr).toBe(0);
  pkg = path.join(dir, aip.packageId);
}, 600_000);

afterAll(async () => {
  await t?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  if (w?.dir) fs.rmSync(w.dir, { recursive: true, force: true });
});

describe('AIP of a deposited file', () => {
  it('when unzipped, then its only data file is the deposited PDF/A, byte for byte, and no PNG master', () => {
    const data = walk(path.join(pkg, 'representations/rep1/data'));
    expect(data).toHaveLength(1);
    expect(data[0]).toMatch(/\.pdf$/);
    const pdf = fs.readFileSync(path.join(pkg, 'representations/rep1/data', data[0]!));
    expect(sha256(pdf)).toBe(file.sha256);
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
  });

  it('then METS lists it in fileSec with its SHA-256 and points to it from the structMap', () => {
    const mets = fs.readFileSync(path.join(pkg, 'representations/rep1/METS.xml'), 'utf8');
    const fileEl = mets.match(/<(?:mets:)?file [^>]*ID="(obj-deposit-\d+)"[^>]*>/);
    expect(fileEl, mets.slice(0, 3000)).toBeTruthy();
    expect(fileEl![0]).toContain(`CHECKSUM="${file.sha256}"`);
    expect(mets).toMatch(new RegExp(`<(?:mets:)?fptr [^>]*FILEID="${fileEl![1]}"`));
    expect(mets).not.toContain('obj-master-');
    expect(mets).not.toContain('image/png');
  });

  it('then PREMIS has the object with the deposit fixity, validation and ingestion events', () => {
    const premis = fs.readFileSync(path.join(pkg, 'metadata/preservation/PREMIS.xml'), 'utf8');
    expect(premis).toContain(file.sha256);
    // The writer may or may not prefix the PREMIS namespace.
    const events = [...premis.matchAll(/<(?:premis:)?event>([\s\S]*?)<\/(?:premis:)?event>/g)].map((m) => m[1]!).filter((e) => /obj-deposit-\d+/.test(e));
    const types = events.map((e) => e.match(/<(?:premis:)?eventType>([^<]+)</)![1]);
    expect(types).toEqual(['fixity check', 'validation', 'fixity check', 'ingestion']);
    expect(events.every((e) => /<(?:premis:)?eventOutcome>pass</.test(e))).toBe(true);
    const object = premis.match(/<(?:premis:)?object [^>]*>(?:(?!<\/(?:premis:)?object>)[\s\S])*obj-deposit-(?:(?!<\/(?:premis:)?object>)[\s\S])*<\/(?:premis:)?object>/)![0];
    expect(object).toContain(file.sha256);
    expect(object).toMatch(/fmt\/476/);
  });
});

describe('when one byte of the deposited PDF is flipped in the store', () => {
  it('then the fixity check reports it and records a failed PREMIS fixity event', async () => {
    const before = await w.staff.get('/api/integrity/fixity');
    expect(before.body.depositProblems).toEqual([]);
    const bytes = await buffer(await t.blobs.get(file.objectKey));
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    await t.blobs.put(file.objectKey, bytes, { size: bytes.length, contentType: 'application/pdf' });
    expect((await w.staff.post('/api/integrity/fixity', {})).status).toBe(202);
    await t.drainJobs({ timeoutMs: 120_000 });
    const report = await w.staff.get('/api/integrity/fixity');
    expect(report.status).toBe(200);
    expect(report.body.depositProblems.map((p: any) => [p.recordFileId, p.path, p.objectKey])).toEqual([[file.recordFileId, file.path, file.objectKey]]);
    expect(report.body.depositProblems[0].detail).toContain('khác mã ghi khi nộp');
    const ev = (await w.staff.get(`/api/deposits/${deposit.id}/premis-events`)).body.items as any[];
    expect(ev.map((e) => `${e.type}:${e.outcome}`)).toEqual(['fixity check:pass', 'validation:pass', 'fixity check:pass', 'ingestion:pass', 'fixity check:fail']);
  }, 180_000);
});
