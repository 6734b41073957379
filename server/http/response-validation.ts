/**
 * Every JSON answer passes through its route's response schema before it is sent. The schema sees what the client
 * will see (the result after a JSON round trip: Dates as ISO strings, undefined keys gone).
 *
 * - `strict` (tests): a mismatch or an undeclared key is a 500 `RESPONSE_INVALID` naming the route and the paths, so
 *   any drift between a repository and the contract fails the test that produced it.
 * - `strip` (production): undeclared keys are dropped and a mismatch is logged as a warning; the user still gets the
 *   answer. Sensitive keys (SENSITIVE_KEY) are removed in every case, declared or not (except in a document that
 *   describes schemas, whose keys are field names).
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import { ERRORS } from '../core/errors.js';
import { Download } from '../core/download.js';
import { isSchemaDocument, NoContent, SENSITIVE_KEY } from '../contract/common.js';
import type { AnyRoute } from './route.js';

export type ResponseValidationMode = 'strict' | 'strip';

interface Finding {
  path: string;
  message: string;
}

const fmt = (path: PropertyKey[]) => (path.length ? path.map(String).join('.') : '(root)');

/** Keys present in the sent value that the schema dropped, i.e. not part of the contract. */
function undeclaredKeys(sent: unknown, kept: unknown, path: string[], out: Finding[]): void {
  if (Array.isArray(sent) && Array.isArray(kept)) {
    sent.forEach((v, i) => undeclaredKeys(v, kept[i], [...path, String(i)], out));
  } else if (sent && typeof sent === 'object' && kept && typeof kept === 'object') {
    for (const [k, v] of Object.entries(sent)) {
      if (!(k in kept)) out.push({ path: fmt([...path, k]), message: 'khóa không có trong hợp đồng (undeclared key)' });
      else undeclaredKeys(v, (kept as Record<string, unknown>)[k], [...path, k], out);
    }
  }
}

function removeSensitive(value: unknown, path: string[], out: Finding[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => removeSensitive(v, [...path, String(i)], out));
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (SENSITIVE_KEY.test(k) && k !== 'csrfToken') out.push({ path: fmt([...path, k]), message: 'khóa nhạy cảm bị loại (sensitive key)' });
      else copy[k] = removeSensitive(v, [...path, k], out);
    }
    return copy;
  }
  return value;
}

/**
 * Returns what to send for `result` (undefined = 204). Throws only in strict mode. A download is only checked for
 * its route's `produces`; a route may answer both (an export as a file or as JSON, by format).
 */
export function validateResponse(
  route: AnyRoute,
  result: unknown,
  opts: { mode: ResponseValidationMode; log: Logger; reqId?: unknown },
): unknown {
  const where = `${route.method.toUpperCase()} ${route.path}`;
  const findings: Finding[] = [];
  let out: unknown = result;
  if (result instanceof Download) {
    if (!route.produces) findings.push({ path: '(route)', message: 'route answered a download but declares no `produces`' });
  } else if (!route.response) {
    if (!route.produces) findings.push({ path: '(route)', message: 'route has no response schema' });
  } else if (route.response === NoContent) {
    if (result !== undefined) findings.push({ path: '(root)', message: 'route declares no content but answered with a body' });
  } else if (result === undefined) {
    findings.push({ path: '(root)', message: 'route declares a body but answered with none' });
  } else {
    const sent: unknown = JSON.parse(JSON.stringify(result));
    const r = (route.response as z.ZodType).safeParse(sent);
    if (r.success) {
      undeclaredKeys(sent, r.data, [], findings);
      out = r.data;
    } else {
      for (const i of r.error.issues) findings.push({ path: fmt(i.path), message: i.message });
      out = sent;
    }
  }
  if (!(result instanceof Download) && !(route.response && isSchemaDocument(route.response))) out = removeSensitive(out, [], findings);
  if (findings.length) {
    const shown = findings.slice(0, 20);
    if (opts.mode === 'strict') {
      opts.log.error({ route: where, reqId: opts.reqId, findings: shown }, `response of ${where} does not match its contract`);
      throw ERRORS.responseInvalid(where, shown);
    }
    opts.log.warn({ route: where, reqId: opts.reqId, findings: shown }, `response of ${where} does not match its contract`);
  }
  return out;
}
