import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { inventoryRows, writeInventoryCsv } from '../../support/inventory-factory.js';
import { countRows, newHandover, seedWorld, type World } from './fixture.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp({ MAX_IMPORT_MB: '1', MAX_IMPORT_ROWS: '50' });
  w = await seedWorld(t);
});
afterAll(() => t?.close());

describe('upload limits', () => {
  it('when the file is larger than MAX_IMPORT_MB, then 413 FILE_TOO_LARGE and nothing is stored', async () => {
    const h = await newHandover(w);
    const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kho-big-')), 'lon.csv');
    fs.writeFileSync(big, 'Số TT,Tiêu đề hồ sơ\n' + `1,"${'a'.repeat(1_200_000)}"\n`);
    const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', big);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('FILE_TOO_LARGE');
    expect(await countRows(t, h.id)).toBe(0);
  });

  it('when the file has more rows than MAX_IMPORT_ROWS, then 413 TOO_MANY_ROWS and nothing is stored', async () => {
    const h = await newHandover(w);
    const file = writeInventoryCsv(path.join(w.dir, 'nhieu.csv'), inventoryRows(51));
    const r = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', file);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('TOO_MANY_ROWS');
    expect(await countRows(t, h.id)).toBe(0);
    const ok = await w.staff.upload(`/api/handovers/${h.id}/inventory`, 'file', writeInventoryCsv(path.join(w.dir, 'du.csv'), inventoryRows(50)));
    expect(ok.body.imported).toBe(50);
  });
});
