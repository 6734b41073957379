/**
 * PREMIS 3.0 writer (metadata/preservation/PREMIS.xml of an AIP): file objects with SHA-256, size and format, the
 * events that made and checked them, and the agents. Element order follows premis-v3-0.xsd (the tests validate
 * every package against it). Pure: callers map their rows onto these shapes.
 */
import { el, newDocument, serialize, type XmlNode } from '../interop/xml/xml.js';
import { vnIsoDateTime } from '../../ocr/export/pdfa.js';

export const PREMIS_NS = 'http://www.loc.gov/premis/v3';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface PremisObject {
  /** Local identifier, also the METS file ID (e.g. "obj-pdf-12"). */
  id: string;
  /** Path inside the package. */
  name: string;
  sha256: string;
  size: number;
  formatName: string;
  formatVersion?: string;
  /** PRONOM PUID, e.g. fmt/476 (PDF/A-2b). */
  puid?: string;
  /** Objects this one was derived from (PREMIS relationship derivation / has source). */
  sources?: string[];
}

export interface PremisEvent {
  id: string;
  type: string;
  at: Date;
  detail: string;
  outcome?: 'pass' | 'fail';
  outcomeNote?: string;
  agents: { id: string; role: string }[];
  objects: { id: string; role: 'source' | 'outcome' }[];
}

export interface PremisAgent {
  id: string;
  name: string;
  type: 'software' | 'organization' | 'person';
  version?: string;
  note?: string;
}

const idPair = (parent: XmlNode, wrapper: string, prefix: string, type: string, value: string) => {
  const w = el(parent, wrapper);
  el(w, `${prefix}Type`, type);
  el(w, `${prefix}Value`, value);
  return w;
};

function writeObject(root: XmlNode, o: PremisObject) {
  const obj = el(root, 'object', null, {});
  obj.att(XSI, 'xsi:type', 'premis:file');
  idPair(obj, 'objectIdentifier', 'objectIdentifier', 'local', o.id);
  const ch = el(obj, 'objectCharacteristics');
  el(ch, 'compositionLevel', 0);
  const fx = el(ch, 'fixity');
  el(fx, 'messageDigestAlgorithm', 'SHA-256');
  el(fx, 'messageDigest', o.sha256);
  el(ch, 'size', o.size);
  const fmt = el(ch, 'format');
  const des = el(fmt, 'formatDesignation');
  el(des, 'formatName', o.formatName);
  if (o.formatVersion) el(des, 'formatVersion', o.formatVersion);
  if (o.puid) {
    const reg = el(fmt, 'formatRegistry');
    el(reg, 'formatRegistryName', 'PRONOM');
    el(reg, 'formatRegistryKey', o.puid);
  }
  el(obj, 'originalName', o.name);
  if (o.sources?.length) {
    const rel = el(obj, 'relationship');
    el(rel, 'relationshipType', 'derivation');
    el(rel, 'relationshipSubType', 'has source');
    for (const s of o.sources) idPair(rel, 'relatedObjectIdentifier', 'relatedObjectIdentifier', 'local', s);
  }
}

function writeEvent(root: XmlNode, e: PremisEvent) {
  const ev = el(root, 'event');
  idPair(ev, 'eventIdentifier', 'eventIdentifier', 'UUID', e.id);
  el(ev, 'eventType', e.type);
  el(ev, 'eventDateTime', vnIsoDateTime(e.at));
  el(el(ev, 'eventDetailInformation'), 'eventDetail', e.detail);
  if (e.outcome) {
    const out = el(ev, 'eventOutcomeInformation');
    el(out, 'eventOutcome', e.outcome);
    if (e.outcomeNote) el(el(out, 'eventOutcomeDetail'), 'eventOutcomeDetailNote', e.outcomeNote);
  }
  for (const a of e.agents) {
    const l = idPair(ev, 'linkingAgentIdentifier', 'linkingAgentIdentifier', 'local', a.id);
    el(l, 'linkingAgentRole', a.role);
  }
  for (const o of e.objects) {
    const l = idPair(ev, 'linkingObjectIdentifier', 'linkingObjectIdentifier', 'local', o.id);
    el(l, 'linkingObjectRole', o.role);
  }
}

function writeAgent(root: XmlNode, a: PremisAgent) {
  const ag = el(root, 'agent');
  idPair(ag, 'agentIdentifier', 'agentIdentifier', 'local', a.id);
  el(ag, 'agentName', a.name);
  el(ag, 'agentType', a.type);
  if (a.version) el(ag, 'agentVersion', a.version);
  if (a.note) el(ag, 'agentNote', a.note);
}

export function premisXml(objects: PremisObject[], events: PremisEvent[], agents: PremisAgent[]): string {
  const doc = newDocument();
  // Default namespace on the root so every child is PREMIS; the premis prefix is bound too, for xsi:type="premis:file".
  const root = doc.ele(PREMIS_NS, 'premis').att('version', '3.0');
  root.att('http://www.w3.org/2000/xmlns/', 'xmlns:premis', PREMIS_NS);
  root.att('http://www.w3.org/2000/xmlns/', 'xmlns:xsi', XSI);
  for (const o of objects) writeObject(root, o);
  for (const e of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) writeEvent(root, e);
  for (const a of agents) writeAgent(root, a);
  return serialize(doc);
}
