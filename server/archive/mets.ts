/**
 * METS 1.12.1 writers for an AIP in the E-ARK CSIP layout (TT 05/2025 Annex I "AIP_hoso"): the package's root
 * METS.xml and the representation's METS.xml. Every mdRef and file carries SIZE, CREATED, CHECKSUM (SHA-256); every
 * link is relative; times are +07:00. Validated in the tests with validate.sh mets-all (METS + CSIP attributes).
 */
import { el, newDocument, serialize, type XmlNode } from '../interop/xml/xml.js';
import { vnIsoDateTime } from '../../ocr/export/pdfa.js';

const METS_NS = 'http://www.loc.gov/METS/';
const XLINK = 'http://www.w3.org/1999/xlink';
const CSIP = 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const PROFILE = 'https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml';

export interface PackagedFile {
  id: string;
  /** Relative to the METS document that lists it. */
  href: string;
  mimeType: string;
  size: number;
  sha256: string;
  created: Date;
  /** PREMIS object id, as ADMID link text. */
  label?: string;
}

export interface MetsHead {
  objId: string;
  label: string;
  created: Date;
  centreName: string;
  softwareName: string;
  softwareVersion: string;
}

function root(h: MetsHead): { doc: XmlNode; mets: XmlNode } {
  const doc = newDocument();
  const mets = doc.ele(METS_NS, 'mets');
  mets.att(XMLNS, 'xmlns:xlink', XLINK);
  mets.att(XMLNS, 'xmlns:csip', CSIP);
  mets.att('OBJID', h.objId).att('TYPE', 'Mixed').att('LABEL', h.label).att('PROFILE', PROFILE);
  mets.att(CSIP, 'csip:CONTENTINFORMATIONTYPE', 'MIXED');
  const hdr = el(mets, 'metsHdr', null, { CREATEDATE: vnIsoDateTime(h.created), RECORDSTATUS: 'NEW' });
  hdr.att(CSIP, 'csip:OAISPACKAGETYPE', 'AIP');
  el(el(hdr, 'agent', null, { ROLE: 'CREATOR', TYPE: 'ORGANIZATION' }), 'name', h.centreName);
  const sw = el(hdr, 'agent', null, { ROLE: 'CREATOR', TYPE: 'OTHER', OTHERTYPE: 'SOFTWARE' });
  el(sw, 'name', h.softwareName);
  el(sw, 'note', h.softwareVersion).att(CSIP, 'csip:NOTETYPE', 'SOFTWARE VERSION');
  return { doc, mets };
}

function fileAttrs(f: PackagedFile) {
  return { MIMETYPE: f.mimeType, SIZE: f.size, CREATED: vnIsoDateTime(f.created), CHECKSUM: f.sha256, CHECKSUMTYPE: 'SHA-256' };
}

function mdRef(parent: XmlNode, f: PackagedFile, mdType: string, other?: string) {
  const r = el(parent, 'mdRef', null, { LOCTYPE: 'URL', MDTYPE: mdType, OTHERMDTYPE: other, ...fileAttrs(f) });
  r.att(XLINK, 'xlink:type', 'simple').att(XLINK, 'xlink:href', f.href);
  return r;
}

function flocat(file: XmlNode, href: string) {
  el(file, 'FLocat', null, { LOCTYPE: 'URL' }).att(XLINK, 'xlink:type', 'simple').att(XLINK, 'xlink:href', href);
}

/** The package root: descriptive (EAD3, TT05 block), preservation (PREMIS) and the representation's METS. */
export function rootMets(h: MetsHead, md: { ead: PackagedFile; tt05: PackagedFile; premis: PackagedFile }, reps: PackagedFile[], schemas: PackagedFile[] = []): string {
  const { doc, mets } = root(h);
  mdRef(el(mets, 'dmdSec', null, { ID: 'dmd-ead3', CREATED: vnIsoDateTime(md.ead.created), STATUS: 'CURRENT' }), md.ead, 'EAD');
  mdRef(el(mets, 'dmdSec', null, { ID: 'dmd-tt05', CREATED: vnIsoDateTime(md.tt05.created), STATUS: 'CURRENT' }), md.tt05, 'OTHER', 'TT05-2025-HOSO');
  const amd = el(mets, 'amdSec', null, { ID: 'amd-1' });
  mdRef(el(amd, 'digiprovMD', null, { ID: 'digiprov-premis', STATUS: 'CURRENT' }), md.premis, 'PREMIS');
  const sec = el(mets, 'fileSec', null, { ID: 'filesec-1' });
  if (schemas.length) {
    const grp = el(sec, 'fileGrp', null, { ID: 'grp-schemas', USE: 'Schemas' });
    for (const f of schemas) flocat(el(grp, 'file', null, { ID: f.id, ...fileAttrs(f) }), f.href);
  }
  for (const [i, r] of reps.entries()) {
    const grp = el(sec, 'fileGrp', null, { ID: `grp-rep${i + 1}`, USE: `Representations/rep${i + 1}` });
    flocat(el(grp, 'file', null, { ID: r.id, ...fileAttrs(r) }), r.href);
  }
  const sm = el(mets, 'structMap', null, { ID: 'structmap-csip', TYPE: 'PHYSICAL', LABEL: 'CSIP' });
  const top = el(sm, 'div', null, { ID: 'div-root', LABEL: h.objId });
  el(top, 'div', null, { ID: 'div-metadata', LABEL: 'Metadata', DMDID: 'dmd-ead3 dmd-tt05', ADMID: 'digiprov-premis' });
  if (schemas.length) {
    const d = el(top, 'div', null, { ID: 'div-schemas', LABEL: 'Schemas' });
    for (const f of schemas) el(d, 'fptr', null, { FILEID: f.id });
  }
  for (const [i, r] of reps.entries()) {
    const d = el(top, 'div', null, { ID: `div-rep${i + 1}`, LABEL: `Representations/rep${i + 1}` });
    el(d, 'mptr', null, { LOCTYPE: 'URL' }).att(XLINK, 'xlink:type', 'simple').att(XLINK, 'xlink:href', r.href).att(XLINK, 'xlink:title', r.id);
  }
  return serialize(doc);
}

/** A division of the LOGICAL structMap: a file, or one of its documents, pointing at its PDF/A. */
export interface LogicalDiv { id: string; label: string; fileIds: string[]; children?: LogicalDiv[] }

function logicalDiv(parent: XmlNode, d: LogicalDiv, type: string) {
  const div = el(parent, 'div', null, { ID: d.id, TYPE: type, LABEL: d.label });
  for (const f of d.fileIds) el(div, 'fptr', null, { FILEID: f });
  for (const c of d.children ?? []) logicalDiv(div, c, 'document');
}

/**
 * The representation: its data files (PDF/A and masters) and the package's PREMIS, linked relatively; beside the
 * CSIP physical map, a LOGICAL map of files and their documents, each pointing at its own PDF/A.
 */
export function representationMets(h: MetsHead, premis: PackagedFile, files: PackagedFile[], logical: LogicalDiv[] = []): string {
  const { doc, mets } = root(h);
  const amd = el(mets, 'amdSec', null, { ID: 'amd-rep1' });
  mdRef(el(amd, 'digiprovMD', null, { ID: 'digiprov-rep1', STATUS: 'CURRENT' }), premis, 'PREMIS');
  const grp = el(el(mets, 'fileSec', null, { ID: 'filesec-rep1' }), 'fileGrp', null, { ID: 'grp-data', USE: 'Data' });
  for (const f of files) flocat(el(grp, 'file', null, { ID: f.id, ADMID: 'digiprov-rep1', ...fileAttrs(f) }), f.href);
  const sm = el(mets, 'structMap', null, { ID: 'structmap-rep1', TYPE: 'PHYSICAL', LABEL: 'CSIP' });
  const data = el(el(sm, 'div', null, { ID: 'div-rep1', LABEL: h.objId }), 'div', null, { ID: 'div-data', LABEL: 'Data' });
  for (const f of files) el(data, 'fptr', null, { FILEID: f.id });
  if (logical.length) {
    const lm = el(mets, 'structMap', null, { ID: 'structmap-logical', TYPE: 'LOGICAL', LABEL: 'Hồ sơ và văn bản' });
    const top = el(lm, 'div', null, { ID: 'div-logical', LABEL: h.objId });
    for (const d of logical) logicalDiv(top, d, 'file');
  }
  return serialize(doc);
}
