/**
 * Issue 9: "pages digitised" counts the pages that exist: a page deleted afterwards is taken off the year it was
 * counted in, and a replaced page (a new image for the same page) still counts once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../support/http-client.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { archive, batch, pagePng, uploadScans } from '../digitization/digitization-fixtures.js';

let t: TestApp;
let staff: HttpClient;
let pageIds: number[];
const YEAR = 2026;

beforeAll(async () => {
  t = await startTestApp({}, new Date(`${YEAR}-03-10T09:00:00+07:00`));
  staff = await t.as('archivist');
  const { fileIds: [fileId] } = await archive(t, [{ notation: 'SH-01', title: 'Hồ sơ số hóa' }]);
  const r = await uploadScans(staff, await batch(staff, fileId), [
    { name: 'trang-1.png', data: await pagePng(['Trang một']) },
    { name: 'trang-2.png', data: await pagePng(['Trang hai']) },
    { name: 'trang-3.png', data: await pagePng(['Trang ba']) },
  ]);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  pageIds = r.body.files.map((f: { pageIds: number[] }) => f.pageIds[0]);
});
afterAll(() => t?.close());

const digitised = async () => {
  const r = await staff.get(`/api/reports/yearly?year=${YEAR}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return [r.body.pagesDigitised, r.body.holdings.pagesDigitised];
};

describe('pages digitised after page edits', () => {
  it('when 3 pages are uploaded, 1 deleted and 1 replaced, then the year counts 2 pages', async () => {
    expect(await digitised()).toEqual([3, 3]);
    expect((await staff.delete(`/api/digitization/pages/${pageIds[0]}`)).status).toBe(204);
    const rep = await staff.upload(`/api/digitization/pages/${pageIds[1]}/replace`, 'file', { name: 'trang-2-moi.png', data: await pagePng(['Trang hai quét lại']) });
    expect(rep.status, JSON.stringify(rep.body)).toBe(200);
    expect(await digitised()).toEqual([2, 2]);
  });

  it('when a replaced page is then deleted, then it is taken off once, from the year it was first counted', async () => {
    const rep = await staff.upload(`/api/digitization/pages/${pageIds[2]}/replace`, 'file', { name: 'trang-3-moi.png', data: await pagePng(['Trang ba quét lại']) });
    expect(rep.status, JSON.stringify(rep.body)).toBe(200);
    expect((await staff.delete(`/api/digitization/pages/${pageIds[2]}`)).status).toBe(204);
    expect(await digitised()).toEqual([1, 1]);
    const series = await staff.get(`/api/reports/yearly-series?from=${YEAR - 1}&to=${YEAR}`);
    expect(series.body.years.map((y: { pagesDigitised: number }) => y.pagesDigitised)).toEqual([0, 1]);
  });
});
