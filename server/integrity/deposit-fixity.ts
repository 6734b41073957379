/**
 * Fixity of deposited PDF/A files (deposit_files): they are preservation masters like scans, so the periodic check
 * re-hashes them too. Each check is a PREMIS 'fixity check' event on the file (the AIP carries them as the PDF's
 * history) and an audit event; there is no status column, so the report reads each file's latest check. Storage
 * being down is not a verdict: BlobUnavailableError propagates and the job retries later.
 */
import crypto from 'node:crypto';
import type { Deps } from '../deps.js';
import { recordEvent } from '../audit/audit.repository.js';
import { system } from '../core/actor.js';
import { insertPremisEvent } from '../archive/aip.repository.js';
import { hashObject } from './hash-object.js';
import type { FixityResult, FixitySummary } from './fixity.js';

type FixityDeps = Pick<Deps, 'db' | 'blobs' | 'log' | 'clock'>;

interface DepositFileRow { id: number; recordFileId: number; path: string; key: string; sha256: string; size: number; packageId: number }

const AGENT = 'Kho Lưu trữ kiểm tra toàn vẹn định kỳ (node:crypto SHA-256)';


async function checkDepositFile(deps: FixityDeps, f: DepositFileRow): Promise<FixityResult> {
  const got = await hashObject(deps, f.key);
  const result: FixityResult = !got ? 'missing' : got.sha256 === f.sha256 && got.size === Number(f.size) ? 'ok' : 'corrupt';
  const detail = result === 'ok' ? 'Băm lại SHA-256 tệp PDF/A nộp lưu trong kho: khớp mã ghi khi nộp'
    : result === 'missing' ? 'Tệp PDF/A nộp lưu không còn trong kho'
      : `Tệp PDF/A nộp lưu trong kho có SHA-256 ${got!.sha256} (${got!.size} byte), khác mã ghi khi nộp`;
  await deps.db.transaction(async (tx) => {
    await insertPremisEvent(tx, {
      uuid: crypto.randomUUID(), type: 'fixity check', at: deps.clock(), fileId: f.recordFileId, aipId: null, objectName: f.path, sha256: f.sha256,
      outcome: result === 'ok' ? 'pass' : 'fail', detail, agent: AGENT, data: { packageId: f.packageId, depositFileId: f.id, result, ...(got ? { actualSha256: got.sha256, actualSize: got.size } : {}) },
    });
    await recordEvent(tx, system('fixity check'), {
      entityType: 'deposit_file', entityId: f.id, action: 'fixity.checked',
      data: { result, key: f.key, expectedSha256: f.sha256, expectedSize: Number(f.size), ...(got ? { actualSha256: got.sha256, actualSize: got.size } : {}) },
    });
  });
  if (result !== 'ok') deps.log.error({ depositFileId: f.id, key: f.key, result }, 'kiểm tra toàn vẹn: tệp PDF/A nộp lưu hỏng hoặc mất');
  return result;
}

/** Re-hashes every deposited PDF, least recently checked first. */
export async function runDepositFixity(deps: FixityDeps): Promise<FixitySummary> {
  const summary: FixitySummary = { checked: 0, ok: 0, corrupt: 0, missing: 0 };
  const rows = await deps.db.query<DepositFileRow>(
    `SELECT d.id, d.record_file_id AS "recordFileId", d.path, d.object_key AS key, d.sha256, d.size_bytes::double precision AS size, d.package_id AS "packageId",
            (SELECT max(e.at) FROM premis_events e WHERE e.record_file_id = d.record_file_id AND e.object_name = d.path AND e.event_type = 'fixity check') AS last
       FROM deposit_files d ORDER BY last NULLS FIRST, d.id`);
  for (const f of rows) summary[await checkDepositFile(deps, f)]++, summary.checked++;
  deps.log.info(summary, 'kiểm tra toàn vẹn tệp nộp lưu xong');
  return summary;
}

export interface DepositFixityProblem {
  depositFileId: number;
  packageId: number;
  recordFileId: number;
  path: string;
  objectKey: string;
  detail: string;
  checkedAt: string;
}

/** Deposited PDFs whose latest fixity check failed. */
export async function depositFixityProblems(deps: Pick<Deps, 'db'>): Promise<DepositFixityProblem[]> {
  const rows = await deps.db.query<Omit<DepositFixityProblem, 'checkedAt'> & { checkedAt: Date | string; outcome: string }>(
    `SELECT * FROM (
       SELECT DISTINCT ON (d.id) d.id AS "depositFileId", d.package_id AS "packageId", d.record_file_id AS "recordFileId", d.path,
              d.object_key AS "objectKey", e.detail, e.at AS "checkedAt", e.outcome
         FROM deposit_files d JOIN premis_events e ON e.record_file_id = d.record_file_id AND e.object_name = d.path AND e.event_type = 'fixity check'
        ORDER BY d.id, e.at DESC, e.id DESC) latest
      WHERE outcome = 'fail' ORDER BY "depositFileId" LIMIT 1000`);
  return rows.map(({ outcome: _o, ...r }) => ({ ...r, checkedAt: new Date(r.checkedAt).toISOString() }));
}
