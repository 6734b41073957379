/**
 * The one EAD3 1.1.1 writer. It knows EAD3, not our tables: callers map a fonds (finding aid with inventories and
 * files) or a single file (an AIP's descriptive metadata, an OAI-PMH record) onto `EadDescription`, and the writer
 * appends `<ead>` under any parent — a document of its own, OAI-PMH `<metadata>`, or METS `<xmlData>`.
 */
import { el, NS, newDocument, optEl, serialize, type XmlNode } from './xml.js';

export type EadLevel = 'fonds' | 'collection' | 'series' | 'file' | 'item' | 'otherlevel';

export interface EadExtent {
  quantity: number;
  /** e.g. "mét giá", "hồ sơ", "tờ". */
  unitType: string;
  kind: 'spaceoccupied' | 'materialtype';
  approximate?: boolean;
}

export interface EadUnit {
  level: EadLevel;
  /** Required with level 'otherlevel' (e.g. "mục lục"). */
  otherLevel?: string;
  unitId?: string | null;
  title?: string | null;
  /** Display text and ISO 8601 normal form ("1997/2011", "2003-05-01/2003-12-31"). */
  date?: { text: string; normal?: string | null } | null;
  extents?: EadExtent[];
  creator?: string | null;
  repository?: string | null;
  physicalLocation?: string | null;
  creatorHistory?: string | null;
  custodialHistory?: string | null;
  scopeContent?: string | null;
  accessRestrict?: string | null;
  arrangement?: string | null;
  note?: string | null;
  /** Digital surrogates, e.g. the IIIF manifest of a digitised file. */
  digitalObjects?: { href: string; title: string }[];
  children?: EadUnit[];
}

export interface EadMaintenanceEvent {
  type: 'created' | 'revised' | 'derived' | 'updated';
  at: Date;
  agent: string;
  agentType: 'human' | 'machine';
  description?: string;
}

export interface EadDescription {
  recordId: string;
  title: string;
  subtitle?: string | null;
  status: 'new' | 'revised' | 'derived';
  agencyName: string;
  countryCode?: string;
  events: EadMaintenanceEvent[];
  archdesc: EadUnit;
}

const paragraphs = (parent: XmlNode, name: string, text: string | null | undefined, head?: string) => {
  if (!text || !text.trim()) return;
  const block = el(parent, name);
  if (head) el(block, 'head', head);
  for (const p of text.split(/\n\s*\n|\r?\n/).map((s) => s.trim()).filter(Boolean)) el(block, 'p', p);
};

function writeDid(parent: XmlNode, u: EadUnit): void {
  const did = el(parent, 'did');
  optEl(did, 'unitid', u.unitId);
  // EAD3 needs at least one did child; a file whose title may not be shown still has its notation or date.
  optEl(did, 'unittitle', u.title);
  if (u.date?.text) el(did, 'unitdate', u.date.text, { normal: u.date.normal ?? undefined });
  if (u.creator) el(el(el(did, 'origination', null, { label: 'Cơ quan hình thành phông' }), 'corpname'), 'part', u.creator);
  if (u.repository) el(el(el(did, 'repository'), 'corpname'), 'part', u.repository);
  for (const x of u.extents ?? []) {
    const pd = el(did, 'physdescstructured', null, { physdescstructuredtype: x.kind, coverage: 'whole' });
    el(pd, 'quantity', x.quantity, { approximate: x.approximate ? 'true' : undefined });
    el(pd, 'unittype', x.unitType);
  }
  optEl(did, 'physloc', u.physicalLocation);
  const daos = u.digitalObjects ?? [];
  if (daos.length === 1) el(did, 'dao', null, { daotype: 'derived', href: daos[0]!.href, linktitle: daos[0]!.title, localtype: 'iiif-manifest' });
  else if (daos.length > 1) {
    const set = el(did, 'daoset');
    for (const d of daos) el(set, 'dao', null, { daotype: 'derived', href: d.href, linktitle: d.title, localtype: 'iiif-manifest' });
  }
  if (!did.node.hasChildNodes()) el(did, 'unitid', '—');
}

function writeDescriptive(parent: XmlNode, u: EadUnit): void {
  paragraphs(parent, 'bioghist', u.creatorHistory, 'Lịch sử cơ quan hình thành phông');
  paragraphs(parent, 'custodhist', u.custodialHistory, 'Lịch sử phông');
  paragraphs(parent, 'scopecontent', u.scopeContent);
  paragraphs(parent, 'arrangement', u.arrangement);
  paragraphs(parent, 'accessrestrict', u.accessRestrict, 'Chế độ sử dụng');
  paragraphs(parent, 'odd', u.note);
}

function levelAttrs(u: EadUnit) {
  return { level: u.level, otherlevel: u.level === 'otherlevel' ? u.otherLevel ?? 'otherlevel' : undefined };
}

function writeComponent(parent: XmlNode, u: EadUnit, depth: number): void {
  // Numbered components (c01…c12) make the hierarchy explicit for readers of the raw file.
  const c = el(parent, `c${String(Math.min(depth, 12)).padStart(2, '0')}`, null, levelAttrs(u));
  writeDid(c, u);
  writeDescriptive(c, u);
  for (const child of u.children ?? []) writeComponent(c, child, depth + 1);
}

/** Appends `<ead>` (EAD3 namespace) under `parent`. */
export function appendEad3(parent: XmlNode, d: EadDescription): XmlNode {
  const ead = parent.ele(NS.ead3, 'ead');
  const control = el(ead, 'control');
  el(control, 'recordid', d.recordId);
  const titles = el(el(control, 'filedesc'), 'titlestmt');
  el(titles, 'titleproper', d.title);
  optEl(titles, 'subtitle', d.subtitle);
  el(control, 'maintenancestatus', null, { value: d.status });
  el(el(control, 'maintenanceagency', null, { countrycode: d.countryCode ?? 'VN' }), 'agencyname', d.agencyName);
  const lang = el(control, 'languagedeclaration');
  el(lang, 'language', 'Tiếng Việt', { langcode: 'vie' });
  el(lang, 'script', 'Latin', { scriptcode: 'Latn' });
  const history = el(control, 'maintenancehistory');
  for (const e of d.events) {
    const ev = el(history, 'maintenanceevent');
    el(ev, 'eventtype', null, { value: e.type });
    el(ev, 'eventdatetime', e.at.toISOString(), { standarddatetime: e.at.toISOString() });
    el(ev, 'agenttype', null, { value: e.agentType });
    el(ev, 'agent', e.agent);
    optEl(ev, 'eventdescription', e.description);
  }
  const arch = el(ead, 'archdesc', null, levelAttrs(d.archdesc));
  writeDid(arch, d.archdesc);
  writeDescriptive(arch, d.archdesc);
  const children = d.archdesc.children ?? [];
  if (children.length) {
    const dsc = el(arch, 'dsc', null, { dsctype: 'combined' });
    for (const c of children) writeComponent(dsc, c, 1);
  }
  return ead;
}

export function ead3Xml(d: EadDescription): string {
  const doc = newDocument();
  appendEad3(doc, d);
  return serialize(doc);
}
