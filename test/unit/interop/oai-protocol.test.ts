/** OAI-PMH argument rules and the XML text cleaner, without I/O. */
import { describe, expect, it } from 'vitest';
import { OaiError, parseDatestamp, parseRequest, parseSet } from '../../../server/interop/oai-pmh/protocol.js';
import { decodeToken, encodeToken } from '../../../server/interop/oai-pmh/token.js';
import { clean } from '../../../server/interop/xml/xml.js';

const codes = (r: ReturnType<typeof parseRequest>) => (Array.isArray(r) ? r.map((e: OaiError) => e.code) : []);

describe('OAI-PMH arguments', () => {
  it('when arguments are repeated, illegal or missing, then badVerb/badArgument as §3.6 says', () => {
    expect(codes(parseRequest({}))).toEqual(['badVerb']);
    expect(codes(parseRequest({ verb: ['Identify', 'Identify'] }))).toEqual(['badVerb']);
    expect(codes(parseRequest({ verb: 'GetRecord', identifier: 'x' }))).toEqual(['badArgument']);
    expect(codes(parseRequest({ verb: 'ListSets', set: 'a' }))).toEqual(['badArgument']);
    expect(codes(parseRequest({ verb: 'ListRecords', metadataPrefix: 'oai_dc', resumptionToken: 'x' }))).toEqual(['badArgument']);
    expect(parseRequest({ verb: 'ListRecords', resumptionToken: 'x' })).toEqual({ verb: 'ListRecords', args: { resumptionToken: 'x' } });
  });

  it('when dates are given, then only real UTC days or seconds pass, a day-only until covering the whole day', () => {
    expect(parseDatestamp('2024-02-29', false)!.at.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseDatestamp('2024-02-29', true)!.at.toISOString()).toBe('2024-02-29T23:59:59.000Z');
    for (const bad of ['2023-02-29', '2024-13-01', '2024-01-01T24:00:00Z', '2024-01-01T10:00:00+07:00', '2024-1-1']) expect(parseDatestamp(bad, false)).toBeNull();
  });

  it('when a set spec is parsed, then known ones filter, unknown well-formed ones match nothing, malformed ones are refused', () => {
    expect(parseSet('fonds:12')).toEqual({ kind: 'file', fondsId: 12 });
    expect(parseSet('level:district')).toEqual({ level: 'district' });
    expect(parseSet('other:thing')).toEqual({ none: true });
    expect(parseSet('a b')).toBeNull();
  });

  it('when a token is altered, expired or used for another list, then it is refused', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const token = encodeToken({ v: 1, k: 'R', m: 'oai_dc', a: 5, c: 3, x: now.getTime() + 1000 });
    expect(decodeToken(token, 'R', now)).toMatchObject({ ok: true, token: { a: 5, c: 3 } });
    expect(decodeToken(token, 'I', now)).toEqual({ ok: false, reason: 'wrongVerb' });
    expect(decodeToken(token, 'R', new Date(now.getTime() + 2000))).toEqual({ ok: false, reason: 'expired' });
    expect(decodeToken(token.slice(0, -3), 'R', now).ok).toBe(false);
    expect(decodeToken(Buffer.from('{"v":1,"k":"R","a":-1,"c":0,"x":9e15}').toString('base64url'), 'R', now).ok).toBe(false);
  });
});

describe('XML text', () => {
  it('when text holds characters XML 1.0 cannot carry, then they are dropped and the rest is NFC', () => {
    expect(clean('a\u0001b\u000Bc\uFFFEd\uD800e\tf\n')).toBe('abcde\tf\n');
    expect(clean('Ho\u0300a 😀')).toBe('Hòa 😀');
  });
});
