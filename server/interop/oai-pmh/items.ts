/**
 * What one OAI-PMH item says in each format: a public file as oai_dc or EAD3 (the shared writer), a source agency as
 * oai_dc or EAC-CPF. Items come in batches (one page of a list), so the metadata is fetched for the page at once.
 */
import type { Queryable } from '../../db/db.js';
import { appendEacCpf } from '../xml/eac-cpf.js';
import { appendEad3 } from '../xml/ead3.js';
import { ACCESS_OPEN, agencyCpfUrl, agencyRecord, fileDate, fileDescription, fondsEadUrl, LEVEL_LABEL, manifestUrl, STATUS_LABEL, type InteropContext } from '../records/descriptions.js';
import { fondsOf, findAgencies, predecessorsOf, publicFiles, type AgencyRow, type ExportFileRow } from '../records/interop.repository.js';
import type { ItemKind, ItemRow } from './oai.repository.js';
import type { MetadataPrefix } from './protocol.js';
import { appendHeader, appendOaiDc } from './writer.js';
import type { XmlNode } from '../xml/xml.js';

export const FORMATS_OF: Record<ItemKind, MetadataPrefix[]> = { file: ['oai_dc', 'ead3'], agency: ['oai_dc', 'eac-cpf'] };
export const KINDS_OF: Record<MetadataPrefix, ItemKind[]> = { oai_dc: ['agency', 'file'], ead3: ['file'], 'eac-cpf': ['agency'] };

export const identifierOf = (repositoryId: string, kind: ItemKind, id: number) => `oai:${repositoryId}:${kind}-${id}`;

export function parseIdentifier(repositoryId: string, identifier: string): { kind: ItemKind; id: number } | null {
  const prefix = `oai:${repositoryId}:`;
  if (!identifier.startsWith(prefix)) return null;
  const m = /^(file|agency)-([1-9]\d{0,9})$/.exec(identifier.slice(prefix.length));
  if (!m || Number(m[2]) > 2_147_483_647) return null;
  return { kind: m[1] as ItemKind, id: Number(m[2]) };
}

export function setsOf(item: Pick<ItemRow, 'kind' | 'id' | 'fondsId' | 'agencyId' | 'level'>): string[] {
  return [
    `type:${item.kind}`,
    ...(item.fondsId ? [`fonds:${item.fondsId}`] : []),
    `agency:${item.agencyId}`,
    `level:${item.level}`,
  ];
}

interface AgencyBundle { row: AgencyRow; predecessors: { id: number; name: string; statusDate: string | null; status: string }[]; fonds: { id: number; code: string; name: string }[] }

export interface PageMetadata {
  files: Map<number, ExportFileRow>;
  agencies: Map<number, AgencyBundle>;
}

export async function loadMetadata(db: Queryable, items: ItemRow[], year: number): Promise<PageMetadata> {
  const fileIds = items.filter((i) => i.kind === 'file' && !i.deleted).map((i) => i.id);
  const agencyIds = items.filter((i) => i.kind === 'agency').map((i) => i.id);
  const [files, agencies, preds, fonds] = await Promise.all([
    fileIds.length ? publicFiles(db, fileIds, year) : [],
    agencyIds.length ? findAgencies(db, agencyIds) : [],
    agencyIds.length ? predecessorsOf(db, agencyIds) : [],
    agencyIds.length ? fondsOf(db, agencyIds) : [],
  ]);
  const out: PageMetadata = { files: new Map(files.map((f) => [f.id, f])), agencies: new Map() };
  for (const a of agencies) {
    out.agencies.set(a.id, { row: a, predecessors: preds.filter((p) => p.successorId === a.id), fonds: fonds.filter((f) => f.agencyId === a.id) });
  }
  return out;
}

function fileDc(parent: XmlNode, f: ExportFileRow, ctx: InteropContext): void {
  appendOaiDc(parent, [
    ['title', f.title],
    ['creator', f.agencyName],
    ['publisher', ctx.centreName],
    ['date', fileDate(f).normal],
    ['type', 'Hồ sơ lưu trữ'],
    ['type', 'Text'],
    ['format', f.sheets ? `${f.sheets} tờ` : null],
    ['identifier', f.fileCode ?? f.fileNotation],
    ['identifier', f.digitised ? manifestUrl(ctx, f.id) : null],
    ['relation', f.fondsName ? `Phông ${f.fondsName} (mã phông ${f.fondsCode})` : null],
    ['relation', f.fondsId ? fondsEadUrl(ctx, f.fondsId) : null],
    ['language', 'vie'],
    ['rights', ACCESS_OPEN],
  ]);
}

function agencyDc(parent: XmlNode, b: AgencyBundle, ctx: InteropContext): void {
  const a = b.row;
  appendOaiDc(parent, [
    ['title', a.name],
    ['identifier', a.code],
    ['identifier', agencyCpfUrl(ctx, a.id)],
    ['type', 'Cơ quan, tổ chức thuộc nguồn nộp lưu'],
    ['description', `${LEVEL_LABEL[a.level]} — ${STATUS_LABEL[a.status]}`],
    ['date', a.statusDate],
    ['source', a.listingDecision],
    ['relation', a.successorName ? `Cơ quan kế thừa: ${a.successorName}` : null],
    ...b.predecessors.map((p) => ['relation', `Cơ quan tiền thân: ${p.name}`] as ['relation', string]),
    ['publisher', ctx.centreName],
    ['language', 'vie'],
  ]);
}

/**
 * Appends `<record>` (or, for ListIdentifiers, just the header). Returns false when the item's metadata vanished
 * between the listing query and the metadata query (it then counts as not listed on this page).
 */
export function appendItem(parent: XmlNode, item: ItemRow, prefix: MetadataPrefix, meta: PageMetadata, ctx: InteropContext & { repositoryId: string }, headersOnly: boolean): boolean {
  const header = { identifier: identifierOf(ctx.repositoryId, item.kind, item.id), datestamp: item.stamp, deleted: item.deleted, sets: setsOf(item) };
  const file = item.kind === 'file' && !item.deleted ? meta.files.get(item.id) : undefined;
  const agency = item.kind === 'agency' ? meta.agencies.get(item.id) : undefined;
  if (!item.deleted && !file && !agency) return false;
  if (headersOnly) {
    appendHeader(parent, header);
    return true;
  }
  const record = parent.ele('record');
  appendHeader(record, header);
  if (item.deleted) return true;
  const metadata = record.ele('metadata');
  if (file) {
    if (prefix === 'ead3') appendEad3(metadata, fileDescription(file, ctx));
    else fileDc(metadata, file, ctx);
  } else if (agency) {
    if (prefix === 'eac-cpf') appendEacCpf(metadata, agencyRecord(agency.row, agency.predecessors, agency.fonds, ctx));
    else agencyDc(metadata, agency, ctx);
  }
  return true;
}
