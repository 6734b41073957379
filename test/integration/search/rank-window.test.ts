import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { HttpClient } from '../../support/http-client.js';
import { RANK_WINDOW } from '../../../server/search/search.service.js';
import { agency, recordFile } from './search-factory.js';

let t: TestApp;
let reader: HttpClient;
const best: number[] = [];

interface Hit { kind: string; pageId: number | null; rank: number }

/**
 * More matching pages than the rank window, the pages that say the word most often stored last: before the tier
 * index (0051_search_tiers.sql) ranking saw only the first RANK_WINDOW rows in table order and never reached them.
 */
beforeAll(async () => {
  t = await startTestApp();
  reader = await t.as('researcher');
  const a = await agency(t.db, 'Sở Tài chính', 'P09');
  const f = await recordFile(t.db, { ...a, title: 'Sổ theo dõi', endYear: 2012 });
  const [b] = await t.db.query<{ id: number }>('INSERT INTO digitization_batches (fonds_id, record_file_id) VALUES ($1, $2) RETURNING id', [a.fondsId, f]);
  const filler = RANK_WINDOW + 100;
  const [m] = await t.db.query<{ id: number }>(
    `INSERT INTO masters (batch_id, record_file_id, object_key, original_name, sha256, size_bytes, format, page_count)
     VALUES ($1, $2, 'masters/so-theo-doi', 'so.tif', repeat('b', 64), 1, 'tiff', $3) RETURNING id`, [b!.id, f, filler + 25]);
  // g ≤ filler: the word once; then 25 pages with it 9 times, and the very last with it 12 times.
  const rows = await t.db.query<{ id: number }>(
    `INSERT INTO pages (record_file_id, batch_id, master_id, master_page, seq, width, height, colour_mode, bit_depth, ocr_status, ocr_text)
     SELECT $1, $2, $3, g - 1, g, 100, 100, 'grey', 8, 'done',
       CASE WHEN g <= $4 THEN 'Trang ' || g || ' ghi dự toán ngân sách xã.'
            ELSE 'Trang ' || g || repeat(' ngân sách', CASE WHEN g = $4 + 25 THEN 12 ELSE 9 END) || '.' END
     FROM generate_series(1, $4 + 25) g ORDER BY g
     RETURNING id`,
    [f, b!.id, m!.id, filler]);
  best.push(...rows.slice(filler).map((r) => r.id));
}, 120_000);
afterAll(() => t?.close());

describe('search: ranking beyond the rank window', () => {
  it('when more pages match than the window, then the pages saying the word most often still rank first', async () => {
    const r = await reader.get(`/api/search?${new URLSearchParams({ q: 'ngan sach', pageSize: '20' })}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const hits = (r.body.hits as Hit[]).filter((h) => h.kind === 'page');
    expect(hits).toHaveLength(20);
    expect(hits[0]!.pageId).toBe(best[best.length - 1]);
    for (const h of hits) expect(best).toContain(h.pageId);
    expect(r.body.totalCapped).toBe(true);
  });

  it('when a page of results is asked beyond the frequent tier, then ranking falls back and still answers', async () => {
    const r = await reader.get(`/api/search?${new URLSearchParams({ q: 'ngân sách', page: '3', pageSize: '20' })}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body.hits as Hit[]).length).toBe(20);
  });
});
