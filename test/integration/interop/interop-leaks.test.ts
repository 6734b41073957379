/**
 * The interop channels mirror restricted-leaks.test.ts: a restricted file, a secret file, and a restricted and a
 * secret document inside an open file, each with a code word of its own. No interop answer (EAD3, EAC-CPF, every
 * OAI-PMH verb and format) carries a secret code word — for an anonymous caller or for staff, since these are
 * published documents — and a restricted file's title shows nowhere, though its notation may.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { document } from '../search/search-factory.js';
import { agency, file, fonds, handover } from './interop-factory.js';
import { harvest } from './oai-helpers.js';

let t: TestApp;
let fondsId: number;
let agencyId: number;
const WORDS = { restrictedFile: 'Sen Vàng', secretFile: 'Hoa Đào', restrictedDoc: 'Cúc Trắng', secretDoc: 'Lan Rừng' };

beforeAll(async () => {
  t = await startTestApp({ OAI_PAGE_SIZE: '2' });
  agencyId = await agency(t.db, { name: 'Bộ Chỉ huy Quân sự tỉnh' });
  fondsId = await fonds(t.db, agencyId, 'Phông Bộ Chỉ huy Quân sự tỉnh');
  const h = await handover(t.db, agencyId, fondsId, 'Nộp lưu năm 2021');
  await file(t.db, { agencyId, fondsId, handoverId: h, title: `Hồ sơ hội nghị ${WORDS.restrictedFile}`, accessLevel: 'restricted' });
  const secret = await file(t.db, { agencyId, fondsId, handoverId: h, title: `Hồ sơ hội nghị ${WORDS.secretFile}`, secrecy: 'tuyet_mat' });
  await t.db.query(`UPDATE record_files SET file_notation = 'HD-TUYET-MAT', notes = $2 WHERE id = $1`, [secret, WORDS.secretFile]);
  const open = await file(t.db, { agencyId, fondsId, handoverId: h, title: 'Hồ sơ tổng hợp năm 2004' });
  await document(t.db, open, { subject: `Tờ trình hội nghị ${WORDS.restrictedDoc}`, accessLevel: 'restricted' });
  await document(t.db, open, { subject: `Chỉ thị hội nghị ${WORDS.secretDoc}`, secrecy: 'mat' });
});
afterAll(() => t?.close());

async function everyAnswer(client: HttpClient): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  out['EAD3 fonds'] = (await client.get(`/api/fonds/${fondsId}/ead3.xml`)).buffer.toString('utf8');
  out['EAC-CPF agency'] = (await client.get(`/api/agencies/${agencyId}/eac-cpf.xml`)).buffer.toString('utf8');
  for (const q of ['verb=ListSets', 'verb=ListIdentifiers&metadataPrefix=oai_dc', 'verb=ListRecords&metadataPrefix=oai_dc',
    'verb=ListRecords&metadataPrefix=ead3', 'verb=ListRecords&metadataPrefix=eac-cpf']) {
    out[`OAI ${q}`] = (await harvest(client, q)).map((p) => p.xml).join('\n');
  }
  const [{ max }] = (await t.db.query<{ max: number }>(`SELECT max(id) AS max FROM record_files`)) as [{ max: number }];
  const gets: string[] = [];
  for (let id = 1; id <= max; id++) {
    for (const prefix of ['oai_dc', 'ead3']) gets.push(String((await client.get(`/api/oai?verb=GetRecord&metadataPrefix=${prefix}&identifier=oai:kho-luu-tru.local:file-${id}`)).body));
  }
  out['OAI GetRecord'] = gets.join('\n');
  return out;
}

describe('interop channels never leak protected units', () => {
  it.each(['anonymous', 'staff'] as const)('when %s reads every interop channel, then no secret or restricted wording appears', async (who) => {
    const client = who === 'anonymous' ? t.anonymous() : await t.as('archivist');
    const answers = await everyAnswer(client);
    expect(answers['EAD3 fonds']).toContain('Hồ sơ tổng hợp năm 2004');
    for (const [channel, text] of Object.entries(answers)) {
      for (const [unit, word] of Object.entries(WORDS)) expect(text.includes(word), `${unit} leaked on ${channel}`).toBe(false);
      expect(text.includes('HD-TUYET-MAT'), `secret notation leaked on ${channel}`).toBe(false);
    }
  });
});
