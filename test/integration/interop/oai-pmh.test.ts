/**
 * The OAI-PMH 2.0 provider through the real app, without login, with pages of 3 so every list needs resumption
 * tokens: each verb, each protocol error, from/until, sets, deleted records, and every answer validated against
 * OAI-PMH.xsd (with the oai_dc, ead3 and eac-cpf payload schemas) at the end.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { agency, file, fonds, handover } from './interop-factory.js';
import { harvest, oai, oaiPost, seen } from './oai-helpers.js';
import { SCHEMAS_DIR, validateDocuments, validateFiles } from './xml-schemas.js';

let t: TestApp;
let anon: HttpClient;
const id = (kind: 'file' | 'agency', n: number) => `oai:kho-luu-tru.local:${kind}-${n}`;
const ids: { a: number; b: number; c: number; fa: number; fc: number; open: number[]; restricted: number; secret: number; unreceived: number } = {} as never;

beforeAll(async () => {
  t = await startTestApp({ OAI_PAGE_SIZE: '3' });
  anon = t.anonymous();
  ids.a = await agency(t.db, { name: 'Sở Tài chính' });
  ids.b = await agency(t.db, { name: 'Phòng Tài chính - Kế hoạch huyện Kim Động', level: 'district', status: 'merged', successorId: ids.a, statusDate: '2025-07-01' });
  ids.c = await agency(t.db, { name: 'Sở Y tế' });
  ids.fa = await fonds(t.db, ids.a, 'Phông Sở Tài chính');
  ids.fc = await fonds(t.db, ids.c, 'Phông Sở Y tế');
  const h = await handover(t.db, ids.a, ids.fa, 'Nộp lưu tài liệu phông Sở Tài chính giai đoạn 1997–2011');
  ids.open = [];
  for (let i = 1; i <= 5; i++) ids.open.push(await file(t.db, { agencyId: ids.a, fondsId: ids.fa, handoverId: h, title: `Hồ sơ ngân sách năm ${2000 + i}` }));
  for (let i = 1; i <= 2; i++) ids.open.push(await file(t.db, { agencyId: ids.c, fondsId: ids.fc, title: `Hồ sơ y tế cơ sở năm ${2000 + i}` }));
  ids.restricted = await file(t.db, { agencyId: ids.a, fondsId: ids.fa, handoverId: h, title: 'Hồ sơ Sen Vàng', accessLevel: 'restricted' });
  ids.secret = await file(t.db, { agencyId: ids.a, fondsId: ids.fa, handoverId: h, title: 'Hồ sơ Hoa Đào', secrecy: 'tuyet_mat' });
  ids.unreceived = await file(t.db, { agencyId: ids.a, fondsId: ids.fa, title: 'Hồ sơ còn ở lưu trữ cơ quan', received: false });
});
afterAll(() => t?.close());

describe('OAI-PMH verbs', () => {
  it('when Identify is asked without login, then it names the base URL, second granularity and persistent deletions', async () => {
    const r = await oai(anon, 'verb=Identify');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/xml/);
    expect(r.xml).toContain(`<baseURL>${t.baseUrl}/api/oai</baseURL>`);
    expect(r.xml).toContain('<deletedRecord>persistent</deletedRecord>');
    expect(r.xml).toContain('<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>');
    expect(r.xml).toMatch(/<earliestDatestamp>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/earliestDatestamp>/);
    expect((await oaiPost(anon, 'verb=Identify')).xml).toContain('<protocolVersion>2.0</protocolVersion>');
  });

  it('when formats are listed, then oai_dc, ead3 and eac-cpf are offered, and per item only what it can be', async () => {
    expect((await oai(anon, 'verb=ListMetadataFormats')).xml.match(/<metadataPrefix>/g)).toHaveLength(3);
    const forFile = await oai(anon, `verb=ListMetadataFormats&identifier=${id('file', ids.open[0]!)}`);
    expect(forFile.xml).toContain('<metadataPrefix>ead3</metadataPrefix>');
    expect(forFile.xml).not.toContain('eac-cpf</metadataPrefix>');
    const forAgency = await oai(anon, `verb=ListMetadataFormats&identifier=${id('agency', ids.a)}`);
    expect(forAgency.xml).toContain('<metadataPrefix>eac-cpf</metadataPrefix>');
    for (const hidden of [ids.restricted, ids.secret, ids.unreceived, 999999]) {
      expect((await oai(anon, `verb=ListMetadataFormats&identifier=${id('file', hidden)}`)).errors).toEqual(['idDoesNotExist']);
    }
  });

  it('when sets are listed page by page, then fonds, agencies and levels are all there with cursor and list size', async () => {
    const pages = await harvest(anon, 'verb=ListSets');
    expect(pages.length).toBeGreaterThan(2);
    const specs = pages.flatMap((p) => [...p.xml.matchAll(/<setSpec>([^<]+)<\/setSpec>/g)].map((m) => m[1]));
    expect(specs).toEqual(expect.arrayContaining([`fonds:${ids.fa}`, `agency:${ids.b}`, 'level:district', 'type:file', 'type:agency']));
    expect(new Set(specs).size).toBe(specs.length);
    expect(pages.map((p) => p.token?.cursor)).toEqual(pages.map((_, i) => i * 3));
    expect(pages.at(-1)!.token).toMatchObject({ value: '', completeListSize: specs.length });
  });

  it('when identifiers are harvested across pages, then every public file and agency comes once and nothing else', async () => {
    const pages = await harvest(anon, 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    const got = pages.flatMap((p) => p.identifiers);
    const expected = [...[ids.a, ids.b, ids.c].map((n) => id('agency', n)), ...ids.open.map((n) => id('file', n))];
    expect(got.sort()).toEqual(expected.sort());
    expect(pages.map((p) => p.token?.cursor)).toEqual([0, 3, 6, 9]);
    expect(pages.every((p) => p.token?.completeListSize === 10)).toBe(true);
    expect(pages.at(-1)!.token!.value).toBe('');
    const text = pages.map((p) => p.xml).join('');
    for (const hidden of [ids.restricted, ids.secret, ids.unreceived]) expect(text).not.toContain(id('file', hidden));
  });

  it('when records are harvested as ead3 and eac-cpf, then files carry EAD3 and agencies EAC-CPF with their lineage', async () => {
    const ead = (await harvest(anon, 'verb=ListRecords&metadataPrefix=ead3')).map((p) => p.xml).join('\n');
    expect(ead.match(/<ead xmlns="http:\/\/ead3.archivists.org\/schema\/">/g)).toHaveLength(7);
    expect(ead).toContain('Hồ sơ ngân sách năm 2001');
    const cpf = (await harvest(anon, 'verb=ListRecords&metadataPrefix=eac-cpf')).map((p) => p.xml).join('\n');
    expect(cpf.match(/<eac xmlns="https:\/\/archivists.org\/ns\/eac\/v2">/g)).toHaveLength(3);
    expect(cpf).toMatch(/temporal-earlier[\s\S]*Phòng Tài chính - Kế hoạch huyện Kim Động/);
    const b = await oai(anon, `verb=GetRecord&identifier=${id('agency', ids.b)}&metadataPrefix=eac-cpf`);
    expect(b.xml).toContain('localType="temporal-later"');
    expect(b.xml).toContain('<toDate standardDate="2025-07-01">2025-07-01</toDate>');
  });

  it('when a set is chosen, then only its members come back', async () => {
    const count = async (q: string) => (await harvest(anon, q)).flatMap((p) => p.identifiers).length;
    expect(await count(`verb=ListIdentifiers&metadataPrefix=oai_dc&set=fonds:${ids.fc}`)).toBe(2);
    expect(await count(`verb=ListIdentifiers&metadataPrefix=oai_dc&set=agency:${ids.a}`)).toBe(6);
    expect(await count('verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:file')).toBe(7);
    expect(await count('verb=ListIdentifiers&metadataPrefix=oai_dc&set=level:district')).toBe(1);
    expect((await oai(anon, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=fonds:999999')).errors).toEqual(['noRecordsMatch']);
    expect((await oai(anon, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=a%20b')).errors).toEqual(['badArgument']);
  });

  it('when from/until are given, then datestamps are compared at second granularity, day bounds covering whole days', async () => {
    const [x, y] = ids.open as [number, number];
    await t.db.query(`UPDATE record_files SET changed_at = '2020-01-01T00:00:00.400Z' WHERE id = $1`, [x]);
    await t.db.query(`UPDATE record_files SET changed_at = '2020-01-01T23:59:59Z' WHERE id = $1`, [y]);
    const q = (args: string) => oai(anon, `verb=ListIdentifiers&metadataPrefix=ead3&${args}`);
    expect((await q('from=2020-01-01&until=2020-01-01')).identifiers.sort()).toEqual([id('file', x), id('file', y)].sort());
    expect((await q('from=2020-01-01T00:00:00Z&until=2020-01-01T00:00:00Z')).identifiers).toEqual([id('file', x)]);
    expect((await q('from=2020-01-01T00:00:01Z&until=2020-01-02T00:00:00Z')).identifiers).toEqual([id('file', y)]);
    expect((await q('until=2019-12-31')).errors).toEqual(['noRecordsMatch']);
    expect((await q('from=2020-01-02')).identifiers).not.toContain(id('file', x));
    expect((await oai(anon, `verb=GetRecord&identifier=${id('file', x)}&metadataPrefix=oai_dc`)).xml).toContain('<datestamp>2020-01-01T00:00:00Z</datestamp>');
  });
});

describe('OAI-PMH errors', () => {
  const cases: [string, string][] = [
    ['', 'badVerb'],
    ['verb=Frobnicate', 'badVerb'],
    ['verb=Identify&verb=Identify', 'badVerb'],
    ['verb=Identify&extra=1', 'badArgument'],
    ['verb=ListRecords', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=ead3', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2020-02-30', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2020-01-01T00:00:00Z', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2021-01-01&until=2020-01-01', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01T00:00:00', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2099-01-01', 'noRecordsMatch'],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&resumptionToken=abc', 'badArgument'],
    ['verb=ListIdentifiers&resumptionToken=not-a-token', 'badResumptionToken'],
    ['verb=ListSets&resumptionToken=%7B%7D', 'badResumptionToken'],
    ['verb=ListSets&set=x', 'badArgument'],
    ['verb=GetRecord&metadataPrefix=oai_dc', 'badArgument'],
    ['verb=GetRecord&identifier=oai:kho-luu-tru.local:file-1', 'badArgument'],
    ['verb=GetRecord&identifier=oai:elsewhere.org:file-1&metadataPrefix=oai_dc', 'idDoesNotExist'],
    ['verb=GetRecord&identifier=oai:kho-luu-tru.local:file-99999999999&metadataPrefix=oai_dc', 'idDoesNotExist'],
    ['verb=ListMetadataFormats&identifier=nonsense', 'idDoesNotExist'],
  ];
  it.each(cases)('when asked "%s", then the answer is the protocol error %s with HTTP 200', async (q, code) => {
    const r = await oai(anon, q);
    expect(r.status).toBe(200);
    expect(r.errors).toEqual([code]);
    if (code === 'badVerb' || code === 'badArgument') expect(r.xml).toMatch(/<request>[^<]+<\/request>/);
  });

  it('when an agency is asked as ead3 or a file as eac-cpf, then cannotDisseminateFormat', async () => {
    expect((await oai(anon, `verb=GetRecord&identifier=${id('agency', ids.a)}&metadataPrefix=ead3`)).errors).toEqual(['cannotDisseminateFormat']);
    expect((await oai(anon, `verb=GetRecord&identifier=${id('file', ids.open[0]!)}&metadataPrefix=eac-cpf`)).errors).toEqual(['cannotDisseminateFormat']);
  });

  it('when a token is used for another verb or after it expired, then badResumptionToken', async () => {
    const first = await oai(anon, 'verb=ListIdentifiers&metadataPrefix=oai_dc');
    const token = encodeURIComponent(first.token!.value);
    expect((await oai(anon, `verb=ListRecords&resumptionToken=${token}`)).errors).toEqual(['badResumptionToken']);
    expect((await oai(anon, `verb=ListIdentifiers&resumptionToken=${token}`)).errors).toEqual([]);
    const was = t.now.value;
    t.now.value = new Date(was.getTime() + 25 * 3600 * 1000);
    try {
      expect((await oai(anon, `verb=ListIdentifiers&resumptionToken=${token}`)).errors).toEqual(['badResumptionToken']);
    } finally {
      t.now.value = was;
    }
  });
});

describe('OAI-PMH deleted records', () => {
  it('when a public file becomes restricted, secret or is removed, then it is listed as deleted, without its metadata', async () => {
    const [x, y] = ids.open.slice(2) as [number, number];
    await t.db.query(`UPDATE record_files SET access_level = 'restricted' WHERE id = $1`, [x]);
    const list = (await harvest(anon, 'verb=ListRecords&metadataPrefix=oai_dc')).map((p) => p.xml).join('');
    expect((await harvest(anon, 'verb=ListIdentifiers&metadataPrefix=oai_dc')).flatMap((p) => p.deleted)).toEqual([id('file', x)]);
    expect(list).not.toContain('Hồ sơ ngân sách năm 2003');
    const got = await oai(anon, `verb=GetRecord&identifier=${id('file', x)}&metadataPrefix=ead3`);
    expect(got.deleted).toEqual([id('file', x)]);
    expect(got.xml).not.toContain('<metadata>');
    await t.db.query(`UPDATE record_files SET secrecy = 'mat' WHERE id = $1`, [y]);
    await t.db.query(`DELETE FROM record_files WHERE id = $1`, [ids.open[6]]);
    const deleted = (await harvest(anon, 'verb=ListIdentifiers&metadataPrefix=ead3')).flatMap((p) => p.deleted);
    expect(deleted.sort()).toEqual([id('file', x), id('file', y), id('file', ids.open[6]!)].sort());
    // Reopened: a record again, not a tombstone.
    await t.db.query(`UPDATE record_files SET access_level = 'unrestricted' WHERE id = $1`, [x]);
    expect((await oai(anon, `verb=GetRecord&identifier=${id('file', x)}&metadataPrefix=oai_dc`)).xml).toContain('Hồ sơ ngân sách năm 2003');
    // Never public, never a tombstone: a restricted file that is deleted leaves no trace.
    await t.db.query(`DELETE FROM record_files WHERE id = $1`, [ids.restricted]);
    expect((await oai(anon, `verb=GetRecord&identifier=${id('file', ids.restricted)}&metadataPrefix=oai_dc`)).errors).toEqual(['idDoesNotExist']);
  });
});

describe('OAI-PMH schema validity', () => {
  it('when every answer of this file is checked, then all validate against OAI-PMH.xsd and its payload schemas', () => {
    expect(seen.length).toBeGreaterThan(60);
    const v = validateDocuments('oai-pmh', seen);
    expect(v.ok, v.output).toBe(true);
  });

  it('when the official invalid examples or a broken answer are checked, then the same validator rejects them', () => {
    for (const f of ['invalid-oai-pmh-getrecord.xml', 'invalid-oai-pmh-identify.xml']) {
      expect(validateFiles('oai-pmh', [path.join(SCHEMAS_DIR, 'examples', f)]).status).toBe(3);
    }
    const broken = seen[0]!.replace(/<responseDate>[^<]*<\/responseDate>/, '');
    expect(validateDocuments('oai-pmh', [broken]).ok).toBe(false);
  });
});
