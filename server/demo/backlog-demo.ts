/**
 * Backlog and scheduling demo data, loaded through the public API like the rest of the demo: Văn Giang's 302 m of
 * unprocessed 1999–2015 records, the UBHC 1952–1968 fonds needing restoration, other agencies' backlogs so the
 * province's 2023 target scale (1,635 m) is visible, a centre of 22 staff, a year's plan, recorded progress,
 * a re-plan and two what-ifs.
 */
import ExcelJS from 'exceljs';
import { addDays, mondayOf, yearOf } from '../core/time/index.js';
import type { ApiClient } from './api-client.js';

type Row = [agencyCode: string, label: string, measured: number | null, estimated: number | null, from: number, to: number, condition: string, priority: number];

const DISTRICT_UBND = [['TPHY', 146], ['TXMH', 128], ['VLA', 112], ['YMY', 135], ['KCH', 160], ['ATH', 98], ['KDO', 104], ['PCU', 87], ['TLU', 93]] as const;

const BACKLOG: Row[] = [
  // Văn Giang: 302 m of 1999–2015 records (seed), split over the district's agencies.
  ['H-VGI-01', 'Tài liệu Văn phòng HĐND và UBND huyện Văn Giang 1999–2015', 118, null, 1999, 2015, '05', 5],
  ['H-VGI-02', 'Tài liệu Phòng Nội vụ huyện Văn Giang 1999–2015', null, 36, 1999, 2015, '01', 2],
  ['H-VGI-03', 'Tài liệu Phòng Tài chính - Kế hoạch huyện Văn Giang 1999–2015', 52, null, 1999, 2015, '02', 2],
  ['H-VGI-05', 'Tài liệu Phòng Tài nguyên và Môi trường huyện Văn Giang 2001–2015', null, 61, 2001, 2015, '03', 3],
  ['H-VGI-08', 'Tài liệu Phòng Giáo dục và Đào tạo huyện Văn Giang 2003–2015', null, 35, 2003, 2015, '01', 1],
  ...DISTRICT_UBND.map(([code, m], i): Row => [`H-${code}-01`, `Tài liệu tích đống Văn phòng HĐND và UBND (${code}) 1997–2014`, null, m, 1997, 2014, i % 3 === 0 ? '05' : '01', 1]),
  ['T002', 'Tài liệu Văn phòng UBND tỉnh 1990–2010 chưa chỉnh lý', 120, null, 1990, 2010, '05', 4],
  ['T008', 'Tài liệu Sở Nông nghiệp và Phát triển nông thôn 1997–2012', null, 84, 1997, 2012, '02', 2],
  ['T011', 'Tài liệu Sở Tài nguyên và Môi trường 2003–2014', null, 70, 2003, 2014, '01', 2],
];

const STAFF: [string, number, ('processing' | 'restoration' | 'digitization')[], number][] = [
  ['Nguyễn Văn Thành', 3, ['processing'], 1], ['Trần Thị Hương', 3, ['processing', 'digitization'], 1],
  ['Lê Văn Hải', 2, ['processing'], 1], ['Phạm Thị Thu', 2, ['processing'], 1], ['Hoàng Minh Đức', 2, ['processing', 'digitization'], 1],
  ['Vũ Thị Ngọc Anh', 2, ['processing'], 1], ['Đỗ Văn Long', 2, ['processing'], 1], ['Bùi Thị Hằng', 2, ['processing'], 0.5],
  ['Đặng Quốc Tuấn', 2, ['processing'], 1], ['Ngô Thị Lan', 2, ['processing'], 1], ['Dương Văn Nam', 2, ['processing'], 1],
  ['Lý Thị Hoa', 1, ['processing'], 1], ['Trịnh Văn Khoa', 1, ['processing'], 1], ['Mai Thị Yến', 1, ['processing'], 0.5],
  ['Phan Văn Hùng', 1, ['processing', 'digitization'], 1], ['Tạ Thị Nhung', 1, ['processing'], 1],
  ['Nguyễn Thị Bích', 2, ['restoration'], 1], ['Lương Văn Tâm', 2, ['restoration', 'processing'], 1],
  ['Hà Thị Thanh', 1, ['restoration'], 1], ['Cao Thị Liên', 1, ['restoration'], 1],
  ['Kiều Văn Sơn', 1, ['digitization'], 1], ['Đinh Thị Mơ', 1, ['digitization'], 1],
];

const RESTORATION: [string, 'file' | 'document', number, string, 'light' | 'medium' | 'heavy', number, number][] = [
  ['Hồ sơ 01: Nghị quyết, quyết định của UBHC tỉnh năm 1952–1953', 'file', 420, 'mould', 'heavy', 1952, 1953],
  ['Hồ sơ 07: Báo cáo cải cách ruộng đất 1955–1956', 'file', 560, 'decay', 'heavy', 1955, 1956],
  ['Hồ sơ 12: Tập công văn về thủy lợi, đê điều 1958', 'file', 380, 'torn', 'medium', 1958, 1958],
  ['Hồ sơ 19: Kế hoạch kinh tế 5 năm 1961–1965', 'file', 640, 'yellowed', 'medium', 1961, 1965],
  ['Hồ sơ 23: Báo cáo tổng kết công tác chiến đấu, sản xuất 1965–1968', 'file', 720, 'caked', 'heavy', 1965, 1968],
  ['Bản đồ hành chính tỉnh Hưng Yên 1966', 'document', 6, 'torn', 'heavy', 1966, 1966],
  ['Hồ sơ 27: Quyết định về tổ chức bộ máy 1967–1968', 'file', 374, 'insects', 'light', 1967, 1968],
];

async function backlogXlsx(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tài liệu tồn đọng');
  ws.addRow(['Mã cơ quan', 'Khối tài liệu', 'Số mét đo được', 'Số mét ước tính', 'Năm bắt đầu', 'Năm kết thúc', 'Tình trạng vật lý', 'Ưu tiên']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}


export async function loadBacklogDemo(api: ApiClient, log: (msg: string) => void = () => {}) {
  log('Tồn đọng: Văn Giang 302 m, phông UBHC 1952–1968, các cơ quan khác (≈ 1.635 m)…');
  // The UBHC (Ủy ban Hành chính, 1952–1968) fonds is closed; the centre keeps it under the successor office (T002),
  // so the 2017 source list keeps its 82 + 1 province-level agencies.
  const ubhc = (await api.get<{ items: { id: number; code: string }[] }>('/api/agencies?q=T002')).items.find((a) => a.code === 'T002')!;
  const fonds = await api.post<{ id: number }>('/api/fonds', {
    code: 'P.UBHC', name: 'Phông Ủy ban Hành chính tỉnh Hưng Yên 1952–1968', agencyId: ubhc.id, status: 'closed', startYear: 1952, endYear: 1968,
  });
  await api.upload('/api/scheduling/backlog/import', 'tai-lieu-ton-dong.xlsx', await backlogXlsx(BACKLOG));
  const ubhcItem = await api.post<{ id: number }>('/api/scheduling/backlog', {
    agencyId: ubhc.id, fondsId: fonds.id, label: 'Phông UBHC tỉnh 1952–1968 (chỉnh lý hoàn thiện)', measuredMetres: 14.5, startYear: 1952, endYear: 1968,
    conditionCode: '04', complexityCoef: 1.3, priority: 9, notes: 'Tài liệu giấy pơ-luya, nhiều tờ bết dính; tu bổ trước khi số hóa.',
  });
  const restoration: number[] = [];
  for (const [reference, unitKind, pages, damageType, damageLevel, startYear, endYear] of RESTORATION) {
    restoration.push((await api.post<{ id: number }>('/api/scheduling/restoration', {
      agencyId: ubhc.id, fondsId: fonds.id, reference, unitKind, pages, damageType, damageLevel, startYear, endYear, priority: 8,
    })).id);
  }

  log('Cán bộ chỉnh lý, tu bổ, số hóa (22 người), nghỉ phép và ngày nghỉ riêng…');
  const staffIds: number[] = [];
  for (const [name, grade, skills, fte] of STAFF) staffIds.push((await api.post<{ id: number }>('/api/scheduling/staff', { name, grade, skills, fte })).id);
  const { today } = await api.get<{ today: string }>(`/api/scheduling/calendar?year=2026`);
  const year = yearOf(today);
  await api.post(`/api/scheduling/staff/${staffIds[3]}/leave`, { startDate: `${year + 1}-03-01`, endDate: `${year + 1}-08-31`, reason: 'Nghỉ thai sản' });
  await api.post(`/api/scheduling/staff/${staffIds[6]}/leave`, { startDate: `${year + 1}-07-05`, endDate: `${year + 1}-07-16`, reason: 'Nghỉ phép năm' });
  await api.post(`/api/scheduling/staff/${staffIds[17]}/leave`, { startDate: `${year + 1}-04-19`, endDate: `${year + 1}-04-30`, reason: 'Tập huấn nghiệp vụ tu bổ' });
  await api.post('/api/scheduling/calendar/closures', { date: `${year}-12-31`, reason: 'Tổng kết công tác năm' });
  await api.post('/api/scheduling/calendar/closures', { date: `${year + 1}-07-15`, reason: 'Khử trùng kho lưu trữ' });
  await api.post('/api/scheduling/calendar/closures', { date: `${year + 1}-07-16`, reason: 'Khử trùng kho lưu trữ' });

  log('Kế hoạch chỉnh lý, tu bổ trong năm, tiến độ đã làm, lập lại và giả định…');
  const list = await api.get<{ items: { id: number; agencyCode: string }[] }>('/api/scheduling/backlog');
  // A year's work for the centre's own staff: the UBHC fonds, its restoration and one Văn Giang office (36 m).
  const vanGiangOffice = list.items.find((b) => b.agencyCode === 'H-VGI-02')!.id;
  const start = addDays(mondayOf(today), -7 * 10);
  const plan = await api.post<{ id: number }>('/api/scheduling/plans', {
    label: `Kế hoạch chỉnh lý, tu bổ ${year}–${year + 1}`, start, horizonWeeks: 60, targetDate: `${year + 1}-12-31`,
    itemIds: [`B${ubhcItem.id}`, `B${vanGiangOffice}`, ...restoration.map((r) => `R${r}`)],
  });
  // Ten weeks of recorded work: the UBHC fonds goes through the first steps, Văn Giang starts, restorers do ~150 pages a week.
  const steps: [string, number][] = [['p01', 14.5], ['p02', 14.5], ['p03', 14.5], ['p04', 7]];
  for (let w = 0; w < 10; w++) {
    const day = addDays(start, 7 * w + 2);
    if (day > today) break;
    const [step, metres] = steps[Math.min(w, steps.length - 1)];
    await api.post('/api/scheduling/progress', { backlogItemId: ubhcItem.id, stepId: step, workDate: day, metres: w < 3 ? metres : 1.2, files: 40, staffId: staffIds[0] });
    if (w >= 2) await api.post('/api/scheduling/progress', { backlogItemId: vanGiangOffice, stepId: w < 4 ? 'p01' : 'p03', workDate: day, metres: w < 4 ? 18 : 3, staffId: staffIds[2] });
    await api.post('/api/scheduling/progress', { restorationItemId: restoration[w < 5 ? 0 : 2], stepId: w < 5 ? 'r3' : 'r2', workDate: day, pages: w < 5 ? 45 : 70, staffId: staffIds[16] });
  }
  const replan = await api.post<{ id: number }>(`/api/scheduling/plans/${plan.id}/replan`, { label: `Lập lại kế hoạch ${year}–${year + 1} theo tiến độ thực tế` });
  await api.post(`/api/scheduling/plans/${replan.id}/what-if`, {
    label: 'Giả định: 2 cán bộ chuyển công tác', removeStaffIds: [`S${staffIds[2]}`, `S${staffIds[4]}`],
  });
  await api.post(`/api/scheduling/plans/${replan.id}/what-if`, {
    label: 'Giả định: thuê thêm 3 cán bộ hợp đồng, hạn 30/9', targetDate: `${year + 1}-09-30`,
    addStaff: [1, 2, 3].map((i) => ({ name: `Cán bộ hợp đồng ${i}`, grade: 2, skills: ['processing'], fte: 1 })),
  });
  return { backlogItems: list.items.length, staff: staffIds.length, plans: 4 };
}
