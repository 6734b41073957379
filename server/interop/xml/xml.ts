/**
 * The one place XML is written. Every interop document (EAD3, EAC-CPF, OAI-PMH) is built as a tree with xmlbuilder2,
 * which escapes markup; text and attribute values also pass through `clean`, because XML 1.0 cannot carry control
 * characters or lone surrogates at all (escaped or not) and a spreadsheet import can bring them in.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

export type XmlNode = XMLBuilder;

export const NS = {
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xlink: 'http://www.w3.org/1999/xlink',
  ead3: 'http://ead3.archivists.org/schema/',
  eac: 'https://archivists.org/ns/eac/v2',
  oai: 'http://www.openarchives.org/OAI/2.0/',
  oaiDc: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
  dc: 'http://purl.org/dc/elements/1.1/',
  oaiId: 'http://www.openarchives.org/OAI/2.0/oai-identifier',
} as const;

// Everything outside XML 1.0's Char production: C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates.
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text as XML can hold it: illegal characters dropped, NFC so equal Vietnamese words are equal bytes. */
export function clean(value: string | number): string {
  return String(value).replace(ILLEGAL, '').normalize('NFC');
}

export function newDocument(): XmlNode {
  return create({ version: '1.0', encoding: 'UTF-8' });
}

/** Appends `<name attrs>text</name>` to `parent` (same namespace as the parent unless `ns` is given) and returns it. */
export function el(parent: XmlNode, name: string, text?: string | number | null, attrs: Record<string, string | number | null | undefined> = {}, ns?: string): XmlNode {
  const node = ns ? parent.ele(ns, name) : parent.ele(name);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.att(k, clean(v));
  if (text !== null && text !== undefined && String(text) !== '') node.txt(clean(text));
  return node;
}

/** Appends only when there is text: optional descriptive elements are left out rather than written empty. */
export function optEl(parent: XmlNode, name: string, text: string | number | null | undefined, attrs: Record<string, string | number | null | undefined> = {}): XmlNode | null {
  if (text === null || text === undefined || clean(text).trim() === '') return null;
  return el(parent, name, text, attrs);
}

export function serialize(doc: XmlNode): string {
  return doc.end({ prettyPrint: true });
}
