/**
 * The demo data (loaded through POST /api/setup/demo, as an admin would) exported every way issue #13 names:
 * the EAD3 of every fonds, the EAC-CPF of every agency and every OAI-PMH answer of full harvests validate against
 * the official schemas; Debian's HTTP::OAI harvester (libhttp-oai-perl) then harvests the running app across
 * resumption tokens and gets exactly the public files. One demo file is made secret first: it never appears.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { harvest, oai, seen } from './oai-helpers.js';
import { validateDocuments } from './xml-schemas.js';

const PAGE = 400;
let t: TestApp;
let anon: HttpClient;
let publicFiles: number;
let secretId: number;
const SECRET_TITLE = 'Hồ sơ mật danh Bạch Hạc';

beforeAll(async () => {
  t = await startTestApp({ OAI_PAGE_SIZE: String(PAGE) });
  anon = t.anonymous();
  const admin = await t.as('admin');
  expect((await admin.post('/api/setup/demo')).status).toBe(202);
  let state: any;
  for (let i = 0; i < 1100; i++) {
    state = (await admin.get('/api/setup/demo')).body;
    if (state.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(state.state, state.error).toBe('done');
  const [secret] = await t.db.query<{ id: number }>(
    `UPDATE record_files SET secrecy = 'tuyet_mat', title = $1
      WHERE id = (SELECT min(id) FROM record_files WHERE received_at IS NOT NULL AND access_level = 'unrestricted') RETURNING id`, [SECRET_TITLE]);
  secretId = secret!.id;
  const [row] = await t.db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM record_files f WHERE oai_is_public(f.access_level, f.secrecy, f.declassified_year, f.received_at, 2026)`);
  publicFiles = row!.n;
}, 600_000);
afterAll(() => t?.close());

/** Runs the packaged harvester (oai_pmh, HTTP::OAI::Harvester) and returns what it printed. */
function runHarvester(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn('oai_pmh', [...args, `${t.baseUrl}/api/oai`], { env: { ...process.env, PERL_UNICODE: 'SDA' } });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out }));
  });
}

describe('interop exports of the demo data', () => {
  it('when every fonds is exported as EAD3, then every finding aid validates, with digitised files linked to their manifest', async () => {
    const fonds = await t.db.query<{ id: number }>(`SELECT id FROM fonds ORDER BY id`);
    expect(fonds.length).toBeGreaterThan(300);
    const docs: string[] = [];
    for (const f of fonds) {
      const r = await anon.get(`/api/fonds/${f.id}/ead3.xml`);
      expect(r.status).toBe(200);
      docs.push(r.buffer.toString('utf8'));
    }
    const all = docs.join('\n');
    expect(all).toMatch(/<dao daotype="derived" href="[^"]+\/api\/iiif\/3\/file-\d+\/manifest.json"/);
    expect(all).toContain('tiếp cận có điều kiện');
    expect(all).not.toContain(SECRET_TITLE);
    const v = validateDocuments('ead3', docs);
    expect(v.ok, v.output).toBe(true);
  }, 300_000);

  it('when every agency is exported as EAC-CPF, then every record validates and merged agencies name a successor', async () => {
    const agencies = await t.db.query<{ id: number; status: string }>(`SELECT id, status FROM source_agencies ORDER BY id`);
    const docs: string[] = [];
    for (const a of agencies) {
      const r = await anon.get(`/api/agencies/${a.id}/eac-cpf.xml`);
      expect(r.status).toBe(200);
      docs.push(r.buffer.toString('utf8'));
    }
    expect(docs.filter((d) => d.includes('localType="temporal-later"')).length).toBeGreaterThan(100);
    expect(docs.some((d) => d.includes('localType="temporal-earlier"'))).toBe(true);
    const v = validateDocuments('eac-cpf', docs);
    expect(v.ok, v.output).toBe(true);
  }, 300_000);

  it('when everything is harvested in every format, then every OAI-PMH answer validates and the files are the public ones', async () => {
    seen.length = 0;
    await oai(anon, 'verb=Identify');
    await oai(anon, 'verb=ListMetadataFormats');
    const sets = await harvest(anon, 'verb=ListSets');
    expect(sets.length).toBeGreaterThan(1);
    const listed = await harvest(anon, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:file');
    // The file made secret above was public before: it stays listed, as a deleted record.
    const deleted = listed.flatMap((p) => p.deleted);
    expect(deleted).toEqual([`oai:kho-luu-tru.local:file-${secretId}`]);
    const ids = listed.flatMap((p) => p.identifiers).filter((i) => !deleted.includes(i));
    expect(ids).toHaveLength(publicFiles);
    for (const prefix of ['oai_dc', 'ead3', 'eac-cpf']) {
      const pages = await harvest(anon, `verb=ListRecords&metadataPrefix=${prefix}`);
      expect(pages.map((p) => p.xml).join('')).not.toContain(SECRET_TITLE);
    }
    await oai(anon, `verb=GetRecord&identifier=${encodeURIComponent(ids[0]!)}&metadataPrefix=ead3`);
    expect(seen.length).toBeGreaterThan(50);
    const v = validateDocuments('oai-pmh', seen);
    expect(v.ok, v.output).toBe(true);
  }, 300_000);

  it('when the Debian HTTP::OAI harvester harvests the running app, then it follows the tokens and gets exactly the public files', async () => {
    expect(publicFiles).toBeGreaterThan(2 * PAGE);
    const files = await runHarvester(['--metadataPrefix', 'oai_dc', '--set', 'type:file']);
    expect(files.code, files.out.slice(-2000)).toBe(0);
    // It prints each record as "identifier: …", "datestamp: …", "status: [deleted]", setSpecs, then the metadata.
    const records = [...files.out.matchAll(/identifier: (oai:\S+)\s+datestamp: \S+\s+status: ?(\w*)/g)].map((m) => ({ id: m[1], status: m[2] }));
    const live = records.filter((r) => r.status !== 'deleted').map((r) => r.id);
    expect(new Set(live).size).toBe(live.length);
    expect(live).toHaveLength(publicFiles);
    expect(records.filter((r) => r.status === 'deleted').map((r) => r.id)).toEqual([`oai:kho-luu-tru.local:file-${secretId}`]);
    expect(files.out).not.toContain(SECRET_TITLE);
    const agencies = await runHarvester(['--metadataPrefix', 'eac-cpf']);
    expect(agencies.code).toBe(0);
    const [row] = await t.db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM source_agencies`);
    expect([...agencies.out.matchAll(/identifier: oai:[^:\s]+:agency-\d+\s/g)]).toHaveLength(row!.n);
  }, 300_000);
});
