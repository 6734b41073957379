/**
 * A Hưng Yên-like source-agency list (QĐ 3219/QĐ-UBND, 18/12/2017): 82 province-level and 230
 * district-level agencies (10 district-level units × 23 agencies). Names follow the real structure of
 * Vietnamese provincial and district administrations; the list itself is synthetic demo data.
 * The 2025 reorganisation is modelled: several departments merged, district level dissolved.
 */
export interface DemoAgency {
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  parentCode?: string;
  status: 'active' | 'merged' | 'dissolved';
  successorCode?: string;
  statusDate?: string;
}

export const LISTING_DECISION = 'Quyết định số 3219/QĐ-UBND ngày 18/12/2017 của UBND tỉnh';

const PROVINCE_NAMES = [
  'Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh', 'Sở Nội vụ', 'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư', 'Sở Tư pháp', 'Sở Công Thương', 'Sở Nông nghiệp và Phát triển nông thôn', 'Sở Giao thông vận tải',
  'Sở Xây dựng', 'Sở Tài nguyên và Môi trường', 'Sở Thông tin và Truyền thông', 'Sở Lao động - Thương binh và Xã hội',
  'Sở Văn hóa, Thể thao và Du lịch', 'Sở Khoa học và Công nghệ', 'Sở Giáo dục và Đào tạo', 'Sở Y tế', 'Thanh tra tỉnh',
  'Ban Quản lý các khu công nghiệp tỉnh', 'Đài Phát thanh và Truyền hình tỉnh', 'Trường Chính trị Nguyễn Văn Linh',
  'Tòa án nhân dân tỉnh', 'Viện Kiểm sát nhân dân tỉnh', 'Cục Thuế tỉnh', 'Kho bạc Nhà nước tỉnh', 'Cục Thống kê tỉnh',
  'Bảo hiểm xã hội tỉnh', 'Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh', 'Cục Thi hành án dân sự tỉnh', 'Cục Quản lý thị trường tỉnh',
  'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Liên đoàn Lao động tỉnh', 'Hội Nông dân tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh',
  'Tỉnh Đoàn', 'Hội Cựu chiến binh tỉnh', 'Liên minh Hợp tác xã tỉnh', 'Hội Chữ thập đỏ tỉnh', 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh',
  'Hội Văn học Nghệ thuật tỉnh', 'Ban Thi đua - Khen thưởng (Sở Nội vụ)', 'Ban Tôn giáo (Sở Nội vụ)', 'Chi cục Văn thư - Lưu trữ (Sở Nội vụ)',
  'Chi cục Kiểm lâm', 'Chi cục Thủy lợi', 'Chi cục Chăn nuôi và Thú y', 'Chi cục Trồng trọt và Bảo vệ thực vật',
  'Chi cục Phát triển nông thôn', 'Chi cục Tiêu chuẩn Đo lường Chất lượng', 'Chi cục Dân số - Kế hoạch hóa gia đình',
  'Chi cục An toàn vệ sinh thực phẩm', 'Chi cục Bảo vệ môi trường', 'Chi cục Quản lý đất đai', 'Chi cục Giám định xây dựng',
  'Quỹ Đầu tư phát triển tỉnh', 'Quỹ Bảo vệ môi trường tỉnh', 'Ban Quản lý dự án đầu tư xây dựng công trình dân dụng và công nghiệp',
  'Ban Quản lý dự án đầu tư xây dựng công trình giao thông', 'Ban Quản lý dự án đầu tư xây dựng công trình nông nghiệp và phát triển nông thôn',
  'Bệnh viện Đa khoa tỉnh', 'Bệnh viện Sản - Nhi tỉnh', 'Bệnh viện Y dược cổ truyền tỉnh', 'Trung tâm Kiểm soát bệnh tật tỉnh',
  'Trường Đại học Sư phạm Kỹ thuật Hưng Yên', 'Trường Cao đẳng Y tế Hưng Yên', 'Trường Cao đẳng Cộng đồng Hưng Yên',
  'Trường Cao đẳng Nghề Hưng Yên', 'Báo Hưng Yên', 'Bảo tàng tỉnh', 'Thư viện tỉnh', 'Trung tâm Văn hóa tỉnh',
  'Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp', 'Trung tâm Phát triển quỹ đất tỉnh', 'Trung tâm Công nghệ thông tin và Truyền thông',
  'Trung tâm Dịch vụ việc làm tỉnh', 'Trung tâm Khuyến nông tỉnh', 'Công ty TNHH MTV Khai thác công trình thủy lợi tỉnh',
  'Công ty Cổ phần Nước sạch Hưng Yên', 'Đoàn Luật sư tỉnh', 'Hội Luật gia tỉnh', 'Hội Nhà báo tỉnh', 'Sở Ngoại vụ',
];

/** 2025 reorganisation of provincial departments: merged into the successor named. */
const PROVINCE_MERGERS: Record<string, string> = {
  'Sở Kế hoạch và Đầu tư': 'Sở Tài chính',
  'Sở Thông tin và Truyền thông': 'Sở Khoa học và Công nghệ',
  'Sở Lao động - Thương binh và Xã hội': 'Sở Nội vụ',
  'Sở Giao thông vận tải': 'Sở Xây dựng',
  'Sở Tài nguyên và Môi trường': 'Sở Nông nghiệp và Môi trường',
  'Sở Nông nghiệp và Phát triển nông thôn': 'Sở Nông nghiệp và Môi trường',
  'Sở Ngoại vụ': 'Văn phòng Ủy ban nhân dân tỉnh',
};

export const DISTRICTS = [
  { code: 'TPHY', name: 'thành phố Hưng Yên', kind: 'Thành phố' },
  { code: 'TXMH', name: 'thị xã Mỹ Hào', kind: 'Thị xã' },
  { code: 'VLA', name: 'huyện Văn Lâm', kind: 'Huyện' },
  { code: 'VGI', name: 'huyện Văn Giang', kind: 'Huyện' },
  { code: 'YMY', name: 'huyện Yên Mỹ', kind: 'Huyện' },
  { code: 'KCH', name: 'huyện Khoái Châu', kind: 'Huyện' },
  { code: 'ATH', name: 'huyện Ân Thi', kind: 'Huyện' },
  { code: 'KDO', name: 'huyện Kim Động', kind: 'Huyện' },
  { code: 'PCU', name: 'huyện Phù Cừ', kind: 'Huyện' },
  { code: 'TLU', name: 'huyện Tiên Lữ', kind: 'Huyện' },
];

const DISTRICT_AGENCIES = [
  'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân', 'Phòng Nội vụ', 'Phòng Tài chính - Kế hoạch', 'Phòng Tư pháp',
  'Phòng Tài nguyên và Môi trường', 'Phòng Lao động - Thương binh và Xã hội', 'Phòng Văn hóa và Thông tin',
  'Phòng Giáo dục và Đào tạo', 'Phòng Y tế', 'Thanh tra', 'Phòng Kinh tế và Hạ tầng', 'Phòng Nông nghiệp và Phát triển nông thôn',
  'Tòa án nhân dân', 'Viện Kiểm sát nhân dân', 'Chi cục Thuế', 'Kho bạc Nhà nước', 'Chi cục Thống kê', 'Bảo hiểm xã hội',
  'Chi cục Thi hành án dân sự', 'Trung tâm Y tế', 'Ban Quản lý dự án đầu tư xây dựng', 'Trung tâm Văn hóa - Thông tin - Thể thao',
  'Ủy ban Mặt trận Tổ quốc Việt Nam',
];

const REORG_DATE = '2025-07-01';

export function demoAgencies(): DemoAgency[] {
  const out: DemoAgency[] = [];
  const provinceCode = (i: number) => `T${String(i + 1).padStart(3, '0')}`;
  PROVINCE_NAMES.forEach((name, i) => out.push({ code: provinceCode(i), name, level: 'province', status: 'active' }));
  // The merged-into department that did not exist before 2025.
  out.push({ code: 'T101', name: 'Sở Nông nghiệp và Môi trường', level: 'province', status: 'active' });
  const byName = new Map(out.map((a) => [a.name, a.code]));
  for (const a of out) {
    const successor = PROVINCE_MERGERS[a.name];
    if (successor) Object.assign(a, { status: 'merged', successorCode: byName.get(successor), statusDate: REORG_DATE });
  }
  for (const d of DISTRICTS) {
    // After 2025 the district level is gone; its records pass to the new commune-level government.
    const communeCode = `X-${d.code}`;
    out.push({ code: communeCode, name: `Ủy ban nhân dân ${d.kind === 'Huyện' ? 'xã' : 'phường'} ${d.name.replace(/^(huyện|thị xã|thành phố) /, '')}`, level: 'commune', status: 'active' });
    DISTRICT_AGENCIES.forEach((name, j) => {
      const code = `H-${d.code}-${String(j + 1).padStart(2, '0')}`;
      out.push({
        code,
        name: `${name} ${d.name}`,
        level: 'district',
        parentCode: j === 0 ? undefined : `H-${d.code}-01`,
        status: 'dissolved',
        successorCode: communeCode,
        statusDate: REORG_DATE,
      });
    });
  }
  return out;
}

export function fondsCodeFor(agencyCode: string): string {
  return `P.${agencyCode}`;
}
