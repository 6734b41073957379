import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { count, registration, registeredReader } from './rr-core-fixtures.js';

let t: TestApp;
let staff: HttpClient;
let png: Buffer;

const letterObjects = async () => {
  let n = 0;
  for await (const _ of t.blobs.list('letters/')) n++;
  return n;
};

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('archivist');
  png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ffffff' } }).png().toBuffer();
});
afterAll(() => t?.close());

describe('online registration', () => {
  it('when a person registers online, then a researcher account and a pending reader exist and they can sign in to see it', async () => {
    const { client, readerId } = await registeredReader(t, 1);
    const me = await client.get('/api/reading-room/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: readerId, status: 'pending', registeredVia: 'online', cardNo: null, fullName: 'Nguyễn Văn Độc Giả 1', hasLetter: false });
    expect((await t.db.query<{ role: string }>(`SELECT role FROM users WHERE username = 'docgia1'`))[0]!.role).toBe('researcher');
  });

  it('when the same identity document or username registers again, then it is refused with a code and nothing is added', async () => {
    const before = [await count(t, 'readers'), await count(t, 'users')];
    const sameDoc = await t.anonymous().post('/api/reading-room/register', registration(1, { username: 'khac1' }));
    expect(sameDoc.status).toBe(409);
    expect(sameDoc.body.error.code).toBe('READER_EXISTS');
    const sameUser = await t.anonymous().post('/api/reading-room/register', registration(2, { username: 'docgia1' }));
    expect(sameUser.body.error.code).toBe('USERNAME_TAKEN');
    expect([await count(t, 'readers'), await count(t, 'users')]).toEqual(before);
  });

  it('when the body is bad, then it is a 400 in Vietnamese', async () => {
    const r = await t.anonymous().post('/api/reading-room/register', registration(3, { idDocumentNo: '12 34', password: 'ngan' }));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(r.body.error.details)).toMatch(/Mật khẩu tối thiểu 10 ký tự/);
  });
});

describe('letter of introduction', () => {
  let reader: { client: HttpClient; readerId: number };
  beforeAll(async () => { reader = await registeredReader(t, 10); });

  it('when a reader uploads something that is not PDF, JPEG or PNG (whatever its name), then it is refused and no object is left', async () => {
    const before = await letterObjects();
    const gif = await reader.client.upload('/api/reading-room/me/letter', 'letter', { name: 'giay.png', data: Buffer.from('GIF89a\x01\x00\x01\x00') });
    expect(gif.status).toBe(400);
    expect(gif.body.error).toMatchObject({ code: 'LETTER_TYPE' });
    expect(gif.body.error.message).toMatch(/PDF, JPEG hoặc PNG.*GIF/);
    const html = await reader.client.upload('/api/reading-room/me/letter', 'letter', { name: 'giay.pdf', data: Buffer.from('<html><body>x</body></html>') });
    expect(html.body.error.code).toBe('LETTER_TYPE');
    expect(await letterObjects()).toBe(before);
    expect((await reader.client.get('/api/reading-room/me')).body.hasLetter).toBe(false);
  });

  it('when the letter is too large, then it is refused', async () => {
    const t2 = await startTestApp({ READING_LETTER_MAX_MB: '1' });
    try {
      const r2 = await registeredReader(t2, 11);
      const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
      const r = await r2.client.upload('/api/reading-room/me/letter', 'letter', { name: 'giay.pdf', data: big });
      expect(r.status).toBe(413);
      expect(r.body.error.message).toMatch(/1 MB/);
      expect((await r2.client.get('/api/reading-room/me')).body.hasLetter).toBe(false);
    } finally {
      await t2.close();
    }
  });

  it('when a PNG letter is uploaded, then staff can download it byte for byte and the reader cannot download any letter', async () => {
    const up = await reader.client.upload('/api/reading-room/me/letter', 'letter', { name: 'giấy giới thiệu.png', data: png });
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body).toMatchObject({ hasLetter: true, letterContentType: 'image/png', letterName: 'giấy giới thiệu.png', letterBytes: png.length });
    expect(up.body).not.toHaveProperty('letterKey');
    const dl = await staff.get(`/api/reading-room/readers/${reader.readerId}/letter`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('image/png');
    expect(Buffer.compare(dl.buffer, png)).toBe(0);
    expect((await reader.client.get(`/api/reading-room/readers/${reader.readerId}/letter`)).status).toBe(403);
    expect((await reader.client.get(`/api/reading-room/readers/${reader.readerId}`)).status).toBe(403);
    expect((await reader.client.get('/api/reading-room/readers')).status).toBe(403);
  });

  it('when the letter is replaced, then the old object is deleted and only one remains for the reader', async () => {
    const before = await letterObjects();
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
    const up = await reader.client.upload('/api/reading-room/me/letter', 'letter', { name: 'giay.pdf', data: pdf });
    expect(up.body.letterContentType).toBe('application/pdf');
    expect(await letterObjects()).toBe(before);
  });
});

describe('verification, card and register', () => {
  let a: number;
  let b: number;
  beforeAll(async () => {
    a = (await registeredReader(t, 20)).readerId;
    b = (await registeredReader(t, 21)).readerId;
  });

  it('when staff verify a reader, then a card is numbered in the year register with the validity setting', async () => {
    const r = await staff.post(`/api/reading-room/readers/${a}/verify`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'verified', cardValidFrom: '2026-11-22', cardValidUntil: '2027-11-21' });
    expect(r.body.cardNo).toMatch(/^\d{4}\/2026$/);
    expect(r.body.verifiedByName).toMatch(/^Người dùng archivist/);
    const next = await staff.post(`/api/reading-room/readers/${b}/verify`, { validUntil: '2026-12-31' });
    expect(Number(next.body.cardNo.slice(0, 4))).toBe(Number(r.body.cardNo.slice(0, 4)) + 1);
    expect(next.body.cardValidUntil).toBe('2026-12-31');
  });

  it('when a reader is verified twice or rejected after verification, then it is refused and the card is unchanged', async () => {
    const before = (await staff.get(`/api/reading-room/readers/${a}`)).body;
    expect((await staff.post(`/api/reading-room/readers/${a}/verify`, {})).body.error.code).toBe('READER_NOT_PENDING');
    expect((await staff.post(`/api/reading-room/readers/${a}/reject`, { reason: 'Sai' })).body.error.code).toBe('READER_NOT_PENDING');
    expect((await staff.get(`/api/reading-room/readers/${a}`)).body).toEqual(before);
  });

  it('when a card would end before it starts, then nothing is issued', async () => {
    const c = (await registeredReader(t, 23)).readerId;
    const r = await staff.post(`/api/reading-room/readers/${c}/verify`, { validUntil: '2026-11-01' });
    expect(r.body.error.code).toBe('CARD_VALIDITY_INVALID');
    expect((await staff.get(`/api/reading-room/readers/${c}`)).body).toMatchObject({ status: 'pending', cardNo: null });
    expect((await staff.get('/api/reading-room/readers?q=%25')).body.total).toBe(0);
  });

  it('when staff reject a registration, then a reason is required and kept', async () => {
    const c = (await registeredReader(t, 22)).readerId;
    const none = await staff.post(`/api/reading-room/readers/${c}/reject`, { reason: '  ' });
    expect(none.status).toBe(400);
    const r = await staff.post(`/api/reading-room/readers/${c}/reject`, { reason: 'Giấy tờ tùy thân không rõ' });
    expect(r.body).toMatchObject({ status: 'rejected', statusReason: 'Giấy tờ tùy thân không rõ', cardNo: null });
  });

  it('when staff register a reader at the counter, then it is pending with registeredVia counter and no account', async () => {
    const r = await staff.post('/api/reading-room/readers', { ...registration(30), username: undefined, password: undefined });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ registeredVia: 'counter', userId: null, status: 'pending' });
    const up = await staff.upload(`/api/reading-room/readers/${r.body.id}/letter`, 'letter', { name: 'g.png', data: png });
    expect(up.body.hasLetter).toBe(true);
  });

  it('when the register is listed and exported, then it has every reader with card numbers, searchable without accents', async () => {
    const list = await staff.get('/api/reading-room/readers?q=nguyen van doc gia 20');
    expect(list.body.items.map((r: { id: number }) => r.id)).toEqual([a]);
    const x = await staff.get('/api/reading-room/readers.xlsx');
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values = ws.getSheetValues().flat().map(String);
    expect(values).toContain('Nguyễn Văn Độc Giả 20');
    expect(values.some((v) => /^\d{4}\/2026$/.test(v))).toBe(true);
    expect(values).toContain('Từ chối');
  });

  it('when a researcher asks for another reader or the register, then they get nothing of it', async () => {
    const other = await registeredReader(t, 40);
    const me = (await other.client.get('/api/reading-room/me')).body;
    expect(me.id).toBe(other.readerId);
    expect((await other.client.get(`/api/reading-room/readers/${a}`)).status).toBe(403);
    expect((await other.client.get('/api/reading-room/readers.xlsx')).status).toBe(403);
    expect((await other.client.post(`/api/reading-room/readers/${other.readerId}/verify`, {})).status).toBe(403);
  });
});
