import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute } from '../../../server/http/route.js';
import { validateResponse } from '../../../server/http/response-validation.js';
import { NoContent } from '../../../server/contract/common.js';
import { AppError } from '../../../server/core/app-error.js';
import { Download } from '../../../server/core/download.js';

const Account = z.object({ id: z.number(), username: z.string(), createdAt: z.string() });

function route(response: z.ZodType | undefined, extra: { produces?: string } = {}) {
  return defineRoute({
    method: 'get', path: '/api/example/:id', tag: 'test', access: 'public', summary: 'test', response, ...extra,
    handler: () => undefined,
  });
}

function capture() {
  const lines: { level: number; msg: string; route?: string; findings?: { path: string }[] }[] = [];
  const log = pino({ level: 'warn' }, { write: (s: string) => lines.push(JSON.parse(s)) });
  return { log, lines };
}

function strictError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a RESPONSE_INVALID error');
}

describe('response validation at the edge', () => {
  it('when a result matches its schema, then it is sent as JSON would carry it (Date as ISO string)', () => {
    const { log } = capture();
    const at = new Date('2026-01-02T03:04:05.000Z');
    const out = validateResponse(route(Account), { id: 1, username: 'a', createdAt: at }, { mode: 'strict', log });
    expect(out).toEqual({ id: 1, username: 'a', createdAt: '2026-01-02T03:04:05.000Z' });
  });

  it('when a repository leaks an undeclared column in strict mode, then a 500 RESPONSE_INVALID names the route and the path', () => {
    const { log, lines } = capture();
    const err = strictError(() =>
      validateResponse(route(z.array(Account)), [{ id: 1, username: 'a', createdAt: 'x', password_hash: '$argon2id$…' }], { mode: 'strict', log }),
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(500);
    expect(err.code).toBe('RESPONSE_INVALID');
    expect(err.details).toMatchObject({ route: 'GET /api/example/:id' });
    const paths = (err.details as { findings: { path: string }[] }).findings.map((f) => f.path);
    expect(paths).toContain('0.password_hash');
    expect(lines.some((l) => l.route === 'GET /api/example/:id' && l.level === 50)).toBe(true);
  });

  it('when a field has the wrong type in strict mode, then the error names that field', () => {
    const { log } = capture();
    const err = strictError(() => validateResponse(route(Account), { id: '1', username: 'a', createdAt: 'x' }, { mode: 'strict', log }));
    expect((err.details as { findings: { path: string }[] }).findings.map((f) => f.path)).toEqual(['id']);
  });

  it('when an undeclared key appears in production (strip), then it is dropped, the user gets the answer and a warning is logged', () => {
    const { log, lines } = capture();
    const out = validateResponse(route(Account), { id: 1, username: 'a', createdAt: 'x', internalNote: 'n' }, { mode: 'strip', log });
    expect(out).toEqual({ id: 1, username: 'a', createdAt: 'x' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, route: 'GET /api/example/:id' });
    expect(lines[0]!.findings!.map((f) => f.path)).toEqual(['internalNote']);
  });

  it('when a mismatching answer carries a password hash in production, then the hash is removed even though parsing failed', () => {
    const { log } = capture();
    const out = validateResponse(route(Account), { id: 'not a number', user: { passwordHash: 'h', name: 'a' } }, { mode: 'strip', log });
    expect(out).toEqual({ id: 'not a number', user: { name: 'a' } });
  });

  it('when a schema itself declares a sensitive key, then the key is still never sent', () => {
    const { log } = capture();
    const careless = z.object({ id: z.number(), password: z.string() });
    expect(validateResponse(route(careless), { id: 1, password: 'p' }, { mode: 'strip', log })).toEqual({ id: 1 });
    expect(strictError(() => validateResponse(route(careless), { id: 1, password: 'p' }, { mode: 'strict', log })).code).toBe('RESPONSE_INVALID');
  });

  it('when a no-content route returns a body, or a JSON route returns nothing, then strict mode refuses both', () => {
    const { log } = capture();
    expect(strictError(() => validateResponse(route(NoContent), { ok: true }, { mode: 'strict', log })).code).toBe('RESPONSE_INVALID');
    expect(strictError(() => validateResponse(route(Account), undefined, { mode: 'strict', log })).code).toBe('RESPONSE_INVALID');
    expect(validateResponse(route(NoContent), undefined, { mode: 'strict', log })).toBeUndefined();
  });

  it('when a route answers a download, then only its declared content type is required, even beside a JSON schema', () => {
    const { log } = capture();
    const file = Download.attachment('a.xlsx', 'application/octet-stream', Buffer.from('x'));
    expect(validateResponse(route(Account, { produces: 'application/octet-stream, application/json' }), file, { mode: 'strict', log })).toBe(file);
    expect(strictError(() => validateResponse(route(Account), file, { mode: 'strict', log })).code).toBe('RESPONSE_INVALID');
  });

  it('when a route declares neither a schema nor a download type, then strict mode refuses its answer', () => {
    const { log } = capture();
    expect(strictError(() => validateResponse(route(undefined), { a: 1 }, { mode: 'strict', log })).code).toBe('RESPONSE_INVALID');
    expect(validateResponse(route(undefined, { produces: 'application/json' }), { a: 1 }, { mode: 'strict', log })).toEqual({ a: 1 });
  });
});
