/**
 * EAC-CPF 2.0 (namespace https://archivists.org/ns/eac/v2, the version validate.sh calls `eac-cpf`) for a corporate
 * body: a source agency with its names, code, existence dates, level, listing decision, the agencies it absorbed
 * or passed its duties to (the 2025 mergers, the end of the district level) and the fonds it created.
 */
import { el, NS, newDocument, optEl, serialize, type XmlNode } from './xml.js';

export interface CpfRelation {
  kind: 'predecessor' | 'successor' | 'parent' | 'fonds';
  name: string;
  /** Where the target's own record lives (its EAC-CPF or EAD3 URL). */
  href?: string;
  /** ISO date the relation started (e.g. the merger date). */
  date?: string | null;
  note?: string | null;
}

export interface CpfAgency {
  recordId: string;
  maintenanceAgency: string;
  maintenanceStatus: 'new' | 'revised';
  events: { type: 'created' | 'updated'; at: Date; agent: string; agentType: 'human' | 'machine'; description?: string }[];
  name: string;
  code: string;
  /** Existence: from unknown here; `to` is the date it merged or was dissolved. */
  existence: { from?: string | null; to?: string | null; note: string };
  levelLabel: string;
  statusLabel: string;
  listingDecision?: string | null;
  history?: string | null;
  relations: CpfRelation[];
}

const RELATION_TYPE: Record<CpfRelation['kind'], { target: 'corporateBody' | 'resource'; type: string }> = {
  predecessor: { target: 'corporateBody', type: 'Cơ quan tiền thân (temporal-earlier)' },
  successor: { target: 'corporateBody', type: 'Cơ quan kế thừa (temporal-later)' },
  parent: { target: 'corporateBody', type: 'Cơ quan cấp trên (hierarchical-parent)' },
  fonds: { target: 'resource', type: 'Phông lưu trữ do cơ quan hình thành (creatorOf)' },
};

// EAC-CPF 2.0 dropped 1.x's fixed cpfRelationType values; they are kept as the relationType's localType so a
// harvester that knows them can still tell a predecessor from a successor without reading Vietnamese.
const LOCAL_TYPE: Record<CpfRelation['kind'], string> = {
  predecessor: 'temporal-earlier', successor: 'temporal-later', parent: 'hierarchical-parent', fonds: 'creatorOf',
};

function isoDate(parent: XmlNode, name: string, iso: string | null | undefined): void {
  if (iso) el(parent, name, iso, { standardDate: iso });
}

export function appendEacCpf(parent: XmlNode, a: CpfAgency): XmlNode {
  const eac = parent.ele(NS.eac, 'eac');
  const control = el(eac, 'control', null, { maintenanceStatus: a.maintenanceStatus });
  el(control, 'recordId', a.recordId);
  el(el(control, 'maintenanceAgency'), 'agencyName', a.maintenanceAgency);
  const history = el(control, 'maintenanceHistory');
  for (const e of a.events) {
    const ev = el(history, 'maintenanceEvent', null, { maintenanceEventType: e.type });
    el(ev, 'agent', e.agent, { agentType: e.agentType });
    el(ev, 'eventDateTime', e.at.toISOString(), { standardDateTime: e.at.toISOString().replace(/\.\d{3}Z$/, 'Z') });
    optEl(ev, 'eventDescription', e.description);
  }
  el(control, 'languageDeclaration', null, { languageCode: 'vie', scriptCode: 'Latn' });

  const cpf = el(eac, 'cpfDescription');
  const identity = el(cpf, 'identity');
  el(identity, 'entityType', null, { value: 'corporateBody' });
  el(el(identity, 'nameEntry', null, { languageOfElement: 'vie', scriptOfElement: 'Latn' }), 'part', a.name);
  el(identity, 'identityId', a.code, { localType: 'Mã cơ quan thuộc nguồn nộp lưu' });

  const desc = el(cpf, 'description');
  const legal = el(el(desc, 'legalStatuses'), 'legalStatus');
  el(legal, 'term', a.statusLabel);
  const local = el(el(desc, 'localDescriptions'), 'localDescription', null, { localType: 'Cấp' });
  el(local, 'term', a.levelLabel);
  if (a.listingDecision) el(el(el(desc, 'mandates'), 'mandate'), 'term', a.listingDecision);
  const exist = el(desc, 'existDates');
  if (a.existence.to || a.existence.from) {
    const range = el(exist, 'dateRange');
    if (a.existence.from) isoDate(range, 'fromDate', a.existence.from);
    isoDate(range, 'toDate', a.existence.to);
  } else {
    el(exist, 'date', 'không rõ', { status: 'unknown' });
  }
  el(el(exist, 'descriptiveNote'), 'p', a.existence.note);
  if (a.history) el(el(desc, 'biogHist'), 'p', a.history);

  if (a.relations.length) {
    const rels = el(cpf, 'relations');
    for (const r of a.relations) {
      const t = RELATION_TYPE[r.kind];
      const rel = el(rels, 'relation');
      el(el(rel, 'targetEntity', null, { targetType: t.target }), 'part', r.name);
      if (r.date) el(rel, 'date', r.date, { standardDate: r.date });
      el(rel, 'relationType', t.type, { localType: LOCAL_TYPE[r.kind] });
      if (r.href || r.note) {
        const p = el(el(rel, 'descriptiveNote'), 'p', r.note);
        // The target's own record: 2.0 links from a reference, not from an attribute of the relation.
        if (r.href) el(p, 'reference', r.name, { href: r.href });
      }
    }
  }
  return eac;
}

export function eacCpfXml(a: CpfAgency): string {
  const doc = newDocument();
  appendEacCpf(doc, a);
  return serialize(doc);
}
