/**
 * Backend outages → HTTP 503 SERVICE_UNAVAILABLE with a Vietnamese message naming what is down, never a 500:
 * object storage (BlobUnavailableError from either store) and the database (refused/dropped connections,
 * server shutting down, pool wait timeout).
 */
import { ERRORS, type AppError } from '../../core/errors.js';
import { BlobUnavailableError } from '../../../storage/blob-store.js';

const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections; class 08 = connection exception.
const PG_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const PG_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
];

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NET_CODES.has(code) || PG_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && PG_MESSAGES.some((m) => message.includes(m))) return true;
    // node-postgres reports a refused connection to a multi-address host as an AggregateError of ECONNREFUSED.
    if (e instanceof AggregateError && e.errors.some((x) => isDatabaseUnavailable(x))) return true;
  }
  return false;
}

export function toUnavailable(err: unknown): AppError | null {
  if (err instanceof BlobUnavailableError)
    return ERRORS.storageUnavailable(err);
  if (isDatabaseUnavailable(err))
    return ERRORS.databaseUnavailable(err);

  return null;
}
