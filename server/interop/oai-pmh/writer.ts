/** OAI-PMH 2.0 response documents: the envelope, record headers, oai_dc payloads and resumption tokens. */
import { el, NS, newDocument, serialize, type XmlNode } from '../xml/xml.js';
import type { OaiError, ParsedRequest } from './protocol.js';

/** UTC at second granularity, the only granularity this repository declares. */
export const utcSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface Envelope {
  doc: XmlNode;
  root: XmlNode;
}

/**
 * `request` echoes the arguments — except after badVerb/badArgument, when the spec wants only the base URL,
 * since the arguments were not understood.
 */
export function envelope(now: Date, baseUrl: string, req: ParsedRequest | null): Envelope {
  const doc = newDocument();
  const root = doc.ele(NS.oai, 'OAI-PMH')
    .att(NS.xsi, 'xsi:schemaLocation', 'http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd');
  el(root, 'responseDate', utcSeconds(now));
  el(root, 'request', baseUrl, req ? { verb: req.verb, ...echoable(req.args) } : {});
  return { doc, root };
}

// The schema types each echoed attribute; a value outside its type is left out rather than echoed invalid.
const ECHO: Record<string, RegExp> = {
  identifier: /^[^\s]+:[^\s]*$/,
  metadataPrefix: /^[A-Za-z0-9\-_.!~*'()]+$/,
  from: /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/,
  until: /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/,
  set: /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/,
  resumptionToken: /^[\s\S]*$/,
};

function echoable(args: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(args).filter(([k, v]) => ECHO[k]?.test(v)));
}

export function errorDocument(now: Date, baseUrl: string, req: ParsedRequest | null, errors: OaiError[]): string {
  // After badVerb/badArgument the arguments were not understood: the spec wants the base URL alone.
  const understood = errors.every((e) => e.code !== 'badVerb' && e.code !== 'badArgument');
  const { doc, root } = envelope(now, baseUrl, understood ? req : null);
  for (const e of errors) el(root, 'error', e.message, { code: e.code });
  return serialize(doc);
}

export interface HeaderInfo {
  identifier: string;
  datestamp: Date;
  deleted: boolean;
  sets: string[];
}

export function appendHeader(parent: XmlNode, h: HeaderInfo): void {
  const header = el(parent, 'header', null, { status: h.deleted ? 'deleted' : undefined });
  el(header, 'identifier', h.identifier);
  el(header, 'datestamp', utcSeconds(h.datestamp));
  for (const s of h.sets) el(header, 'setSpec', s);
}

export function appendToken(parent: XmlNode, t: { token: string | null; completeListSize: number; cursor: number; expires?: Date }): void {
  el(parent, 'resumptionToken', t.token, {
    completeListSize: t.completeListSize, cursor: t.cursor, expirationDate: t.token && t.expires ? utcSeconds(t.expires) : undefined,
  });
}

export type DcField = 'title' | 'creator' | 'subject' | 'description' | 'publisher' | 'contributor' | 'date' | 'type' | 'format'
  | 'identifier' | 'source' | 'language' | 'relation' | 'coverage' | 'rights';

/** Appends `<oai_dc:dc>` with the given elements in order; empty values are skipped. */
export function appendOaiDc(parent: XmlNode, fields: [DcField, string | null | undefined][]): void {
  const dc = parent.ele(NS.oaiDc, 'oai_dc:dc')
    .att('xmlns:dc', NS.dc)
    .att(NS.xsi, 'xsi:schemaLocation', 'http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd');
  for (const [name, value] of fields) {
    if (value === null || value === undefined || !value.trim()) continue;
    el(dc, `dc:${name}`, value, {}, NS.dc);
  }
}

export { serialize };
