/**
 * Loads the Hưng Yên-like demo dataset through the service's own HTTP API, exactly as staff would:
 * the agency list is imported as XLSX, inventories are uploaded, handovers walk through appraisal and
 * receipt. So the demo exercises the real validation, events and placement — and needs no back door.
 */
import ExcelJS from 'exceljs';
import type { ApiClient } from './api-client.js';
import { demoAgencies, fondsCodeFor, LISTING_DECISION, type DemoAgency } from './hung-yen-agencies.js';
import { demoRows, inventoryCsv, inventoryXlsx, rng } from './demo-inventory.js';
import { loadBacklogDemo } from './backlog-demo.js';
import { loadDemoScans } from './demo-scans.js';

export const DEMO_PASSWORD = 'luutru-demo-2021';

const LEVEL_WORD = { province: 'tỉnh', district: 'huyện', commune: 'xã' } as const;
const STATUS_WORD = { active: 'đang hoạt động', merged: 'sáp nhập', dissolved: 'giải thể' } as const;

async function agencyListXlsx(list: DemoAgency[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh mục nguồn nộp lưu');
  ws.addRow(['Mã cơ quan', 'Tên cơ quan', 'Cấp', 'Cơ quan cấp trên', 'Trạng thái', 'Cơ quan kế thừa', 'Quyết định', 'Mã phông']);
  for (const a of list) {
    const decision = a.code === 'T101' ? 'Quyết định số 1205/QĐ-UBND ngày 30/6/2025 của UBND tỉnh' : LISTING_DECISION;
    ws.addRow([a.code, a.name, LEVEL_WORD[a.level], a.parentCode ?? '', STATUS_WORD[a.status], a.successorCode ?? '', decision, fondsCodeFor(a.code)]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Ids {
  agency: Map<string, { id: number; name: string }>;
  fonds: Map<string, number>;
}

async function lookupIds(api: ApiClient): Promise<Ids> {
  const agency = new Map<string, { id: number; name: string }>();
  for (let offset = 0; ; offset += 500) {
    const page = await api.get<{ items: { id: number; code: string; name: string }[]; total: number }>(`/api/agencies?limit=500&offset=${offset}`);
    for (const a of page.items) agency.set(a.code, { id: a.id, name: a.name });
    if (offset + 500 >= page.total) break;
  }
  const fonds = new Map<string, number>();
  // Paged like the agencies: one fonds per agency is more than one page of the default 50.
  for (let offset = 0; ; offset += 500) {
    const page = await api.get<{ items: { id: number; code: string }[]; total: number }>(`/api/fonds?limit=500&offset=${offset}`);
    for (const f of page.items) fonds.set(f.code, f.id);
    if (offset + 500 >= page.total) break;
  }
  return { agency, fonds };
}

async function buildStacks(api: ApiClient) {
  const repo = await api.post<{ id: number }>('/api/stacks/repositories', { code: 'A', name: 'Kho lưu trữ chuyên dụng', address: 'Đường Nguyễn Văn Linh, thành phố Hưng Yên' });
  for (const [i, code] of ['101', '102', '201', '202'].entries()) {
    const room = await api.post<{ id: number }>('/api/stacks/rooms', { repositoryId: repo.id, code, name: `Phòng kho ${code}`, areaM2: 180 + i * 10 });
    for (let u = 1; u <= 20; u++) {
      await api.post('/api/stacks/shelf-units', { roomId: room.id, code: `G${String(u).padStart(2, '0')}`, shelves: 6, capacityM: 1.1 });
    }
  }
}

interface HandoverPlanItem {
  agencyCode: string;
  title: string;
  files: number;
  boxes: number;
  fromYear: number;
  toYear: number;
  handoverDate: string;
  measuredMetres: number;
  planId?: number;
  stopAt?: 'submitted' | 'appraised';
  discrepancies?: { kind: 'missing' | 'extra' | 'damaged'; rowNo?: number; fileNotation?: string; description: string }[];
}

async function runHandover(api: ApiClient, ids: Ids, h: HandoverPlanItem, seed: number) {
  const agency = ids.agency.get(h.agencyCode)!;
  const created = await api.post<{ id: number }>('/api/handovers', {
    agencyId: agency.id,
    fondsId: ids.fonds.get(fondsCodeFor(h.agencyCode)),
    ...(h.planId ? { planId: h.planId } : {}),
    title: h.title,
    inventoryNo: 1,
    declaredBoxes: h.boxes,
    deliveringName: 'Nguyễn Thị Hoa',
    deliveringPosition: 'Văn thư - Lưu trữ cơ quan',
    receivingName: 'Trần Văn Minh',
    receivingPosition: 'Phó Giám đốc Trung tâm',
    place: 'Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên',
  });
  const rows = demoRows({ files: h.files, boxes: h.boxes, fromYear: h.fromYear, toYear: h.toYear, agencyName: agency.name, seed });
  const asCsv = seed % 2 === 0;
  await api.upload(`/api/handovers/${created.id}/inventory`, asCsv ? 'muc-luc.csv' : 'muc-luc.xlsx', asCsv ? inventoryCsv(rows) : await inventoryXlsx(rows));
  await api.post(`/api/handovers/${created.id}/submit`);
  if (h.stopAt === 'submitted') return created.id;
  await api.post(`/api/handovers/${created.id}/appraise`, {
    summary: 'Hồ sơ đã được chỉnh lý hoàn chỉnh; đề nghị bổ sung chú thích cho một số hồ sơ.',
    comments: [{ rowNo: 3, comment: 'Tiêu đề chưa phản ánh đủ nội dung, đề nghị ghi rõ trích yếu.' }],
  });
  if (h.stopAt === 'appraised') return created.id;
  await api.post(`/api/handovers/${created.id}/approve`, { approvalDecision: `Quyết định số ${100 + (seed % 300)}/QĐ-SNV của Sở Nội vụ` });
  await api.post(`/api/handovers/${created.id}/receive`, {
    handoverDate: h.handoverDate,
    measuredMetres: h.measuredMetres,
    physicalCondition: 'Tài liệu cơ bản ở tình trạng tốt; một số hồ sơ giấy giòn, ố vàng.',
    attachments: 'Mục lục hồ sơ, tài liệu nộp lưu (02 bản)',
    deliveringName: 'Nguyễn Thị Hoa',
    deliveringPosition: 'Văn thư - Lưu trữ cơ quan',
    receivingName: 'Trần Văn Minh',
    receivingPosition: 'Phó Giám đốc Trung tâm',
    discrepancies: h.discrepancies ?? [],
  });
  return created.id;
}

export interface DemoSummary {
  agencies: number;
  handovers: number;
  plans: number;
}

export async function loadDemoData(api: ApiClient, log: (msg: string) => void = () => {}): Promise<DemoSummary> {
  const list = demoAgencies();
  log(`Nhập danh mục ${list.length} cơ quan thuộc nguồn nộp lưu…`);
  await api.upload('/api/agencies/import', 'danh-muc-nguon-nop-luu.xlsx', await agencyListXlsx(list));
  const ids = await lookupIds(api);

  log('Tạo sơ đồ kho (4 phòng kho, 80 giá, 480 khoang)…');
  await buildStacks(api);

  // Holdings received before the 2021 plan: ≈ 255 m from 26 agencies; with 2021 and the 2022–2024 receipts the
  // stacks hold ≈ 335 m from 32 agencies, as the centre reported.
  const plannedCodes = ['T004', 'T003', 'T017', 'T007', 'T016', 'T014', 'T022', 'T025', 'T033'];
  const rand = rng(2017);
  const provinceActive = list.filter((a) => a.level === 'province' && !plannedCodes.includes(a.code));
  const historic = provinceActive.slice(0, 26);
  let handovers = 0;
  for (const [i, a] of historic.entries()) {
    const boxes = 80 + Math.floor(rand() * 37);
    const year = 2015 + Math.floor(i / 5);
    log(`Giao nhận lịch sử ${i + 1}/${historic.length}: ${a.name} (${year})`);
    await runHandover(api, ids, {
      agencyCode: a.code, title: `Nộp lưu tài liệu phông ${a.name} giai đoạn ${year - 15}–${year - 10}`,
      files: Math.round(boxes * (3 + rand())), boxes, fromYear: year - 15, toYear: year - 10,
      handoverDate: `${year}-${String(6 + (i % 6)).padStart(2, '0')}-15`, measuredMetres: Math.round(boxes * (0.95 + rand() * 0.1)) / 10,
    }, 100 + i);
    handovers++;
  }

  log('Kế hoạch thu năm 2021 (QĐ 667/QĐ-UBND ngày 03/3/2021)…');
  const plan = await api.post<{ id: number }>('/api/plans', {
    year: 2021, decisionNo: '667/QĐ-UBND', decisionDate: '2021-03-03', recordsToYear: 2011,
    handoverPlanNo: '45/KH-SNV', handoverPlanDate: '2021-03-25',
    notes: 'Thu hồ sơ, tài liệu có thời hạn bảo quản vĩnh viễn hình thành đến năm 2011.',
    agencies: plannedCodes.map((code, i) => ({ agencyId: ids.agency.get(code)!.id, scheduledMonth: 5 + Math.floor(i / 1.3) })),
  });
  await runHandover(api, ids, {
    agencyCode: 'T004', planId: plan.id, title: 'Nộp lưu tài liệu phông Sở Tài chính giai đoạn 1997–2011',
    files: 1100, boxes: 340, fromYear: 1997, toYear: 2011, handoverDate: '2021-06-18', measuredMetres: 33.6,
  }, 2021);
  await runHandover(api, ids, {
    agencyCode: 'T003', planId: plan.id, title: 'Nộp lưu tài liệu phông Sở Nội vụ giai đoạn 2000–2011',
    files: 824, boxes: 260, fromYear: 2000, toYear: 2011, handoverDate: '2021-09-24', measuredMetres: 26.4,
    discrepancies: [
      { kind: 'missing', rowNo: 57, description: 'Không có hồ sơ trong hộp khi giao nhận' },
      { kind: 'missing', rowNo: 318, description: 'Không có hồ sơ trong hộp khi giao nhận' },
      { kind: 'extra', fileNotation: 'BS-01', description: 'Hồ sơ bổ sung ngoài mục lục: Tập văn bản về tổ chức bộ máy năm 2009' },
      { kind: 'damaged', rowNo: 12, description: 'Giấy giòn, rách mép' },
      { kind: 'damaged', rowNo: 410, description: 'Bị ẩm mốc nhẹ' },
    ],
  }, 2022);
  await runHandover(api, ids, {
    agencyCode: 'T017', planId: plan.id, title: 'Nộp lưu tài liệu phông Sở Y tế giai đoạn 2001–2011',
    files: 420, boxes: 130, fromYear: 2001, toYear: 2011, handoverDate: '2021-11-20', measuredMetres: 13, stopAt: 'appraised',
  }, 2023);
  handovers += 3;

  // Later, smaller receipts (2022–2024): they give the capacity forecast a measured intake rate.
  for (const [i, a] of provinceActive.slice(26, 30).entries()) {
    const year = 2022 + Math.min(i, 2);
    const boxes = 50 + i * 7;
    await runHandover(api, ids, {
      agencyCode: a.code, title: `Nộp lưu tài liệu phông ${a.name} giai đoạn ${year - 16}–${year - 10}`,
      files: boxes * 3, boxes, fromYear: year - 16, toYear: year - 10,
      handoverDate: `${year}-10-${String(10 + i).padStart(2, '0')}`, measuredMetres: Math.round(boxes * 0.98) / 10,
    }, 3000 + i);
    handovers++;
  }

  log('Sổ theo dõi hồ sơ tại lưu trữ cơ quan (để tính hạn nộp lưu)…');
  const registerAgencies = [...list.filter((a) => a.status === 'active' && a.level === 'province').slice(0, 30), ...list.filter((a) => a.level === 'district').slice(0, 40)];
  for (const [i, a] of registerAgencies.entries()) {
    const endYear = 2006 + (i % 12); // due (2011 law) 2016…2027: overdue, due this year, next year, later
    // The demo agency account (Sở Nội vụ) gets a register spanning every deadline state.
    const span = a.code === 'T003' ? { files: 24, fromYear: 2012, toYear: 2019 } : { files: 8 + (i % 9) * 3, fromYear: endYear - 1, toYear: endYear };
    const rows = demoRows({ ...span, boxes: 3, agencyName: a.name, seed: 5000 + i });
    await api.upload(`/api/agencies/${ids.agency.get(a.code)!.id}/files/import`, 'so-theo-doi.csv', inventoryCsv(rows));
  }

  await loadBacklogDemo(api, log);
  await loadDemoScans(api, ids.agency.get('T003')!.id, log);

  log('Tài khoản mẫu…');
  const users = [
    { username: 'luutru', displayName: 'Lê Thị Lan (Phòng Thu thập)', role: 'archivist' },
    { username: 'coquan.sonoivu', displayName: 'Văn thư Sở Nội vụ', role: 'agency', agencyId: ids.agency.get('T003')!.id },
    { username: 'docgia', displayName: 'Phạm Văn Đức (độc giả)', role: 'researcher' },
  ];
  for (const u of users) await api.post('/api/users', { ...u, password: DEMO_PASSWORD });

  return { agencies: list.length, handovers, plans: 1 };
}
