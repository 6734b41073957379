/**
 * EAD3 finding aids per fonds and EAC-CPF records per agency, downloaded without login through the real app and
 * validated against the official schemas; the validator itself is shown to reject the official invalid examples.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { agency, file, fonds, handover } from './interop-factory.js';
import { SCHEMAS_DIR, validateDocuments, validateFiles } from './xml-schemas.js';

let t: TestApp;
let anon: HttpClient;
const ids: Record<'a' | 'b' | 'fa' | 'open' | 'restricted' | 'secret' | 'declassified', number> = {} as never;

beforeAll(async () => {
  t = await startTestApp();
  anon = t.anonymous();
  ids.a = await agency(t.db, { name: 'Sở Nông nghiệp và Môi trường' });
  ids.b = await agency(t.db, { name: 'Sở Tài nguyên và Môi trường', status: 'merged', successorId: ids.a, statusDate: '2025-03-01' });
  // A control character and markup in a name, as a careless spreadsheet brings them: stripped and escaped.
  ids.fa = await fonds(t.db, ids.a, 'Phông Sở Nông nghiệp <& Môi trường>\u0001');
  const h = await handover(t.db, ids.a, ids.fa, 'Nộp lưu tài liệu giai đoạn 1997–2011');
  ids.open = await file(t.db, { agencyId: ids.a, fondsId: ids.fa, handoverId: h, title: 'Hồ sơ quy hoạch đê điều năm 2003' });
  ids.restricted = await file(t.db, { agencyId: ids.a, fondsId: ids.fa, handoverId: h, title: 'Hồ sơ Sen Vàng', accessLevel: 'restricted' });
  ids.secret = await file(t.db, { agencyId: ids.a, fondsId: ids.fa, handoverId: h, title: 'Hồ sơ Hoa Đào', secrecy: 'toi_mat' });
  ids.declassified = await file(t.db, { agencyId: ids.a, fondsId: ids.fa, handoverId: h, title: 'Hồ sơ giải mật năm 2020', secrecy: 'mat', declassifiedYear: 2020 });
  await t.db.query(`UPDATE record_files SET file_notation = 'MAT-HOA-DAO' WHERE id = $1`, [ids.secret]);
});
afterAll(() => t?.close());

const seen: { schema: 'ead3' | 'eac-cpf'; xml: string }[] = [];
async function download(url: string, schema: 'ead3' | 'eac-cpf', client = anon) {
  const r = await client.get(url);
  expect(r.status, String(r.body)).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^application\/xml/);
  expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
  const xml = r.buffer.toString('utf8');
  seen.push({ schema, xml });
  return xml;
}

describe('EAD3 finding aid per fonds', () => {
  it('when anyone downloads a fonds, then it has control, the fonds-level archdesc and the inventory with its files', async () => {
    const xml = await download(`/api/fonds/${ids.fa}/ead3.xml`, 'ead3');
    expect(xml).toContain('<archdesc level="fonds">');
    expect(xml).toContain('<agencyname>Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên</agencyname>');
    expect(xml).toContain('<unitdate normal="1997/2011">1997–2011</unitdate>');
    expect(xml).toMatch(/<physdescstructured physdescstructuredtype="spaceoccupied" coverage="whole">\s*<quantity>2.5<\/quantity>\s*<unittype>mét giá<\/unittype>/);
    expect(xml).toContain('<c01 level="otherlevel" otherlevel="mucluc">');
    expect(xml).toContain('<unittitle>Hồ sơ quy hoạch đê điều năm 2003</unittitle>');
    expect(xml).toContain('<unitdate normal="2003-01-05/2003-12-20">');
    expect(xml).toContain('Hồ sơ giải mật năm 2020');
    expect(xml).toContain('Phông Sở Nông nghiệp &lt;&amp; Môi trường&gt;');
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
  });

  it('when a fonds holds restricted and secret files, then restricted ones show notation and access only, secret ones nothing', async () => {
    for (const client of [anon, await t.as('archivist')]) {
      const xml = await download(`/api/fonds/${ids.fa}/ead3.xml`, 'ead3', client);
      expect(xml).not.toContain('Sen Vàng');
      expect(xml).toContain('tiếp cận có điều kiện');
      expect(xml).not.toContain('Hoa Đào');
      expect(xml).not.toContain('MAT-HOA-DAO');
      expect(xml.match(/<c02 level="file">/g)).toHaveLength(3);
    }
  });

  it('when the fonds does not exist or the id is not a number, then a 404 or 400 with a Vietnamese message', async () => {
    const missing = await anon.get('/api/fonds/999999/ead3.xml');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy phông.' });
    expect((await anon.get('/api/fonds/abc/ead3.xml')).status).toBe(400);
  });
});

describe('EAC-CPF per source agency', () => {
  it('when the merged-into agency is downloaded, then it names its predecessor, listing decision, level and fonds', async () => {
    const xml = await download(`/api/agencies/${ids.a}/eac-cpf.xml`, 'eac-cpf');
    expect(xml).toContain('<entityType value="corporateBody"/>');
    expect(xml).toContain('<part>Sở Nông nghiệp và Môi trường</part>');
    expect(xml).toMatch(/<relationType localType="temporal-earlier">[^<]*<\/relationType>/);
    expect(xml).toContain('<part>Sở Tài nguyên và Môi trường</part>');
    expect(xml).toContain('Quyết định số 3219/QĐ-UBND');
    expect(xml).toContain('<term>Cấp tỉnh</term>');
    expect(xml).toContain(`/api/fonds/${ids.fa}/ead3.xml`);
  });

  it('when the merged agency is downloaded, then its existence ends on the merger date and it points to its successor', async () => {
    const xml = await download(`/api/agencies/${ids.b}/eac-cpf.xml`, 'eac-cpf');
    expect(xml).toContain('<toDate standardDate="2025-03-01">2025-03-01</toDate>');
    expect(xml).toMatch(/<relationType localType="temporal-later">/);
    expect(xml).toContain(`/api/agencies/${ids.a}/eac-cpf.xml`);
    expect(xml).toContain('<term>Đã sáp nhập</term>');
    expect((await anon.get('/api/agencies/999999/eac-cpf.xml')).status).toBe(404);
  });
});

describe('schema validity', () => {
  it('when every downloaded document is checked, then each validates against ead3.xsd or eac.xsd', () => {
    for (const schema of ['ead3', 'eac-cpf'] as const) {
      const docs = seen.filter((s) => s.schema === schema).map((s) => s.xml);
      expect(docs.length).toBeGreaterThan(1);
      const v = validateDocuments(schema, docs);
      expect(v.ok, v.output).toBe(true);
    }
  });

  it('when the official invalid examples or a broken export are checked, then the same validator rejects them', () => {
    expect(validateFiles('ead3', [path.join(SCHEMAS_DIR, 'examples/invalid-ead3.xml')]).status).toBe(3);
    expect(validateFiles('eac-cpf', [path.join(SCHEMAS_DIR, 'examples/invalid-eac-cpf.xml')]).status).toBe(3);
    const ead = seen.find((s) => s.schema === 'ead3')!.xml.replace(/<recordid>[^<]*<\/recordid>/, '');
    expect(validateDocuments('ead3', [ead]).ok).toBe(false);
    const cpf = seen.find((s) => s.schema === 'eac-cpf')!.xml.replace('<entityType value="corporateBody"/>', '');
    expect(validateDocuments('eac-cpf', [cpf]).ok).toBe(false);
  });
});
