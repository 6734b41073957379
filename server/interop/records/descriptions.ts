/**
 * Our records as EAD3 units and EAC-CPF agencies (pure mapping, no SQL). Used by the fonds finding aid, the agency
 * record, the OAI-PMH ead3/eac-cpf/oai_dc records and — for one file — an AIP's descriptive metadata.
 *
 * A restricted file (tiếp cận có điều kiện) is listed in a finding aid the way the restricted list (Danh mục tài liệu
 * hạn chế sử dụng) lists it: notation, dates, sheets and the access condition, so a reader knows to ask; its title and
 * scans are withheld. Secret files never reach these functions (the queries leave them out).
 */
import type { CpfAgency, CpfRelation } from '../xml/eac-cpf.js';
import type { EadDescription, EadUnit } from '../xml/ead3.js';
import type { AgencyRow, ExportFileRow, FondsRow, InventoryRow } from './interop.repository.js';

export interface InteropContext {
  /** Absolute origin + path prefix of the API, e.g. "https://kho.example.vn/api". */
  apiBase: string;
  centreName: string;
  now: Date;
}

export const LEVEL_LABEL = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' } as const;
export const STATUS_LABEL = { active: 'Đang hoạt động', merged: 'Đã sáp nhập', dissolved: 'Đã giải thể' } as const;
export const ACCESS_OPEN = 'Sử dụng rộng rãi (không hạn chế).';
export const ACCESS_RESTRICTED = 'Tài liệu hạn chế sử dụng (tiếp cận có điều kiện): tiêu đề và bản số hóa chỉ cung cấp theo phiếu yêu cầu được duyệt.';

const yearSpan = (from: number | null, to: number | null) =>
  from && to ? { text: from === to ? String(from) : `${from}–${to}`, normal: from === to ? String(from) : `${from}/${to}` } : null;

export const fileDate = (f: Pick<ExportFileRow, 'startDate' | 'endDate' | 'dateText'>) => ({
  text: f.dateText?.trim() || (f.startDate && f.startDate !== f.endDate ? `${f.startDate} – ${f.endDate}` : f.endDate),
  normal: f.startDate && f.startDate !== f.endDate ? `${f.startDate}/${f.endDate}` : f.endDate,
});

export const manifestUrl = (ctx: InteropContext, fileId: number) => `${ctx.apiBase}/iiif/3/file-${fileId}/manifest.json`;
export const fondsEadUrl = (ctx: InteropContext, fondsId: number) => `${ctx.apiBase}/fonds/${fondsId}/ead3.xml`;
export const agencyCpfUrl = (ctx: InteropContext, agencyId: number) => `${ctx.apiBase}/agencies/${agencyId}/eac-cpf.xml`;

export function fileUnit(f: ExportFileRow, ctx: InteropContext): EadUnit {
  const base: EadUnit = {
    level: 'file', unitId: f.fileCode ?? f.fileNotation, date: fileDate(f),
    extents: f.sheets ? [{ quantity: f.sheets, unitType: 'tờ', kind: 'materialtype' }] : [],
  };
  if (!f.isPublic) return { ...base, accessRestrict: ACCESS_RESTRICTED };
  return {
    ...base, title: f.title, accessRestrict: ACCESS_OPEN, physicalLocation: f.boxNo ? `Hộp số ${f.boxNo}` : null,
    scopeContent: `Thời hạn bảo quản: ${f.retention}.`,
    digitalObjects: f.digitised ? [{ href: manifestUrl(ctx, f.id), title: 'Bản số hóa (IIIF Presentation 3)' }] : [],
  };
}

const events = (createdAt: Date, updatedAt: Date, ctx: InteropContext) => [
  { type: 'created' as const, at: createdAt, agent: ctx.centreName, agentType: 'human' as const, description: 'Lập bản mô tả trong hệ thống.' },
  ...(updatedAt > createdAt ? [{ type: 'revised' as const, at: updatedAt, agent: ctx.centreName, agentType: 'human' as const }] : []),
  { type: 'derived' as const, at: ctx.now, agent: 'Kho Lưu trữ — xuất EAD3', agentType: 'machine' as const, description: 'Xuất tự động từ cơ sở dữ liệu.' },
];

/** The finding aid of one fonds: archdesc at fonds level, one component per inventory (mục lục), files under it. */
export function fondsFindingAid(fo: FondsRow, inventories: InventoryRow[], files: ExportFileRow[], ctx: InteropContext): EadDescription {
  const byHandover = new Map<number | null, ExportFileRow[]>();
  for (const f of files) byHandover.set(f.handoverId, [...(byHandover.get(f.handoverId) ?? []), f]);
  const children: EadUnit[] = inventories.filter((i) => byHandover.has(i.handoverId)).map((i) => ({
    level: 'otherlevel', otherLevel: 'mucluc', unitId: i.inventoryNo ? `Mục lục số ${i.inventoryNo}` : `Mục lục giao nộp ${i.handoverId}`,
    title: i.title, note: i.handoverDate ? `Giao nhận ngày ${i.handoverDate}.` : null,
    extents: [{ quantity: byHandover.get(i.handoverId)!.length, unitType: 'hồ sơ', kind: 'materialtype' }],
    children: byHandover.get(i.handoverId)!.map((f) => fileUnit(f, ctx)),
  }));
  const known = new Set(inventories.map((i) => i.handoverId));
  const loose = files.filter((f) => !known.has(f.handoverId as number));
  if (loose.length) children.push({ level: 'otherlevel', otherLevel: 'mucluc', unitId: 'Ngoài mục lục', title: 'Hồ sơ chưa thuộc mục lục giao nộp', children: loose.map((f) => fileUnit(f, ctx)) });
  const restricted = files.filter((f) => !f.isPublic).length;
  return {
    recordId: `VN-KLT-FONDS-${fo.code}`, title: `Mục lục hồ sơ phông ${fo.name}`, subtitle: `Mã phông ${fo.code}`,
    status: fo.updatedAt > fo.createdAt ? 'revised' : 'new', agencyName: ctx.centreName, events: events(fo.createdAt, fo.updatedAt, ctx),
    archdesc: {
      level: fo.kind === 'collection' ? 'collection' : 'fonds', unitId: fo.code, title: fo.name, date: yearSpan(fo.startYear, fo.endYear),
      extents: [
        ...(fo.metres ? [{ quantity: Math.round(fo.metres * 100) / 100, unitType: 'mét giá', kind: 'spaceoccupied' as const }] : []),
        { quantity: files.length, unitType: 'hồ sơ', kind: 'materialtype' },
      ],
      creator: fo.agencyName, repository: ctx.centreName, creatorHistory: fo.creatorHistory, custodialHistory: fo.fondsHistory,
      accessRestrict: restricted
        ? `Phần lớn tài liệu sử dụng rộng rãi; ${restricted} hồ sơ hạn chế sử dụng (tiếp cận có điều kiện) được nêu số, ký hiệu và thời gian, không nêu tiêu đề. Tài liệu mật không được công bố.`
        : `${ACCESS_OPEN} Tài liệu mật không được công bố.`,
      note: fo.notes, children,
    },
  };
}

/** One public file on its own (OAI-PMH ead3, an AIP's descriptive metadata). */
export function fileDescription(f: ExportFileRow, ctx: InteropContext): EadDescription {
  return {
    recordId: `VN-KLT-FILE-${f.id}`, title: f.title, subtitle: f.fileCode ?? f.fileNotation, status: 'derived', agencyName: ctx.centreName,
    events: [{ type: 'derived', at: ctx.now, agent: 'Kho Lưu trữ — xuất EAD3', agentType: 'machine', description: 'Xuất tự động từ cơ sở dữ liệu.' }],
    archdesc: { ...fileUnit(f, ctx), creator: f.agencyName, repository: ctx.centreName, note: f.fondsName ? `Thuộc phông ${f.fondsName} (${f.fondsCode}).` : null },
  };
}

export function agencyRecord(
  a: AgencyRow,
  predecessors: { id: number; name: string; statusDate: string | null; status: string }[],
  fonds: { id: number; code: string; name: string }[],
  ctx: InteropContext,
): CpfAgency {
  const relations: CpfRelation[] = [
    ...predecessors.map((p) => ({ kind: 'predecessor' as const, name: p.name, href: agencyCpfUrl(ctx, p.id), date: p.statusDate,
      note: p.status === 'merged' ? 'Sáp nhập vào cơ quan này.' : 'Chức năng, nhiệm vụ chuyển cho cơ quan này.' })),
    ...(a.successorId && a.successorName ? [{ kind: 'successor' as const, name: a.successorName, href: agencyCpfUrl(ctx, a.successorId), date: a.statusDate }] : []),
    ...(a.parentId && a.parentName ? [{ kind: 'parent' as const, name: a.parentName, href: agencyCpfUrl(ctx, a.parentId) }] : []),
    ...fonds.map((f) => ({ kind: 'fonds' as const, name: `${f.name} (mã phông ${f.code})`, href: fondsEadUrl(ctx, f.id) })),
  ];
  const ended = a.status !== 'active';
  return {
    recordId: `VN-KLT-AGENCY-${a.code}`, maintenanceAgency: ctx.centreName, maintenanceStatus: a.updatedAt > a.createdAt ? 'revised' : 'new',
    events: [
      { type: 'created', at: a.createdAt, agent: ctx.centreName, agentType: 'human' },
      ...(a.updatedAt > a.createdAt ? [{ type: 'updated' as const, at: a.updatedAt, agent: ctx.centreName, agentType: 'human' as const }] : []),
    ],
    name: a.name, code: a.code, levelLabel: LEVEL_LABEL[a.level], statusLabel: STATUS_LABEL[a.status], listingDecision: a.listingDecision,
    existence: {
      to: ended ? a.statusDate : null,
      note: ended
        ? `${STATUS_LABEL[a.status]}${a.statusDate ? ` từ ngày ${a.statusDate}` : ''}${a.successorName ? `; cơ quan kế thừa: ${a.successorName}` : ''}. Ngày thành lập chưa được ghi nhận.`
        : 'Đang hoạt động. Ngày thành lập chưa được ghi nhận.',
    },
    history: a.notes, relations,
  };
}
