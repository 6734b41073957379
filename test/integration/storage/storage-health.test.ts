import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { startS3Server, type S3TestServer } from '../../support/s3-server.js';

let s3: S3TestServer;
let t: TestApp;
beforeAll(async () => {
  s3 = await startS3Server({ bucket: 'kho-suc-khoe', createBucket: false });
  t = await startTestApp(s3.env);
});
afterAll(async () => {
  await t?.close();
  await s3?.close();
});

describe('object storage health with MinIO configured', () => {
  it('when the S3 endpoint answers, then health reports s3 ok and the bucket exists', async () => {
    const r = await t.anonymous().get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body.storage).toEqual({ status: 'ok', kind: 's3' });
    expect(s3.requestCount()).toBeGreaterThan(0);
  });

  it('when the S3 endpoint goes away, then health answers 503, with the Vietnamese detail for staff only', async () => {
    s3.setOffline(true);
    const r = await t.anonymous().get('/api/health');
    expect(r.status, JSON.stringify(r.body)).toBe(503);
    expect(r.body.status).toBe('degraded');
    // Anyone may probe health, but the endpoint and bucket names are not theirs to learn.
    expect(r.body.storage).toEqual({ status: 'unavailable', kind: 's3' });
    const staff = await (await t.as('archivist')).get('/api/health');
    expect(staff.status).toBe(503);
    expect(staff.body.storage.detail).toMatch(/^Không dùng được kho đối tượng \(127\.0\.0\.1:\d+, bucket kho-suc-khoe\)/);
  });

  it('when the S3 endpoint comes back, then health is ok again without a restart', async () => {
    s3.setOffline(false);
    const r = await t.anonymous().get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body.storage).toEqual({ status: 'ok', kind: 's3' });
  });
});
