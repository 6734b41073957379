/** Reading OAI-PMH answers in tests: the few values a test asserts on, by pattern (the schema checks the rest). */
import type { HttpClient } from '../../support/http-client.js';

export interface OaiAnswer {
  status: number;
  type: string;
  xml: string;
  errors: string[];
  identifiers: string[];
  deleted: string[];
  token: { value: string; cursor: number | null; completeListSize: number | null } | null;
}

const all = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => m[1]!);
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function readOai(status: number, type: string, xml: string): OaiAnswer {
  const t = /<resumptionToken([^>]*?)(?:\/>|>([^<]*)<\/resumptionToken>)/.exec(xml);
  const attr = (name: string) => (t ? /(?:^|\s)NAME="(\d+)"/.source.replace('NAME', name) : null);
  const num = (name: string) => {
    const m = t && new RegExp(attr(name)!).exec(t[1]!);
    return m ? Number(m[1]) : null;
  };
  return {
    status, type, xml,
    errors: all(/<error code="([^"]+)"/g, xml),
    identifiers: all(/<identifier>([^<]+)<\/identifier>/g, xml).map(unescape),
    deleted: all(/<header status="deleted">\s*<identifier>([^<]+)<\/identifier>/g, xml),
    token: t ? { value: unescape(t[2] ?? ''), cursor: num('cursor'), completeListSize: num('completeListSize') } : null,
  };
}

/** Every answer a test got, so one test can validate them all against OAI-PMH.xsd at the end. */
export const seen: string[] = [];

export async function oai(client: HttpClient, query: string): Promise<OaiAnswer> {
  const r = await client.get(`/api/oai?${query}`);
  const xml = String(r.body);
  seen.push(xml);
  return readOai(r.status, r.headers.get('content-type') ?? '', xml);
}

export async function oaiPost(client: HttpClient, form: string): Promise<OaiAnswer> {
  const r = await client.request('POST', '/api/oai', undefined, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, raw: form });
  const xml = String(r.body);
  seen.push(xml);
  return readOai(r.status, r.headers.get('content-type') ?? '', xml);
}

/** Follows resumption tokens to the end; returns every page. */
export async function harvest(client: HttpClient, query: string): Promise<OaiAnswer[]> {
  const verb = /verb=(\w+)/.exec(query)![1];
  const pages = [await oai(client, query)];
  for (let i = 0; i < 10_000; i++) {
    const last = pages[pages.length - 1]!;
    if (!last.token?.value) break;
    pages.push(await oai(client, `verb=${verb}&resumptionToken=${encodeURIComponent(last.token.value)}`));
  }
  return pages;
}
