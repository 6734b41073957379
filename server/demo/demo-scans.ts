/**
 * Demo scans: a handful of typed Vietnamese pages rendered at 300 dpi, uploaded through the public digitisation API
 * into two files of the Sở Nội vụ deposit — one open, one restricted (so the researcher account sees the access rule
 * at work). OCR runs through the normal jobs; the loader waits for it so the demo ends with searchable pages.
 */
import type { ApiClient } from './api-client.js';
import { renderTextPage } from '../../ocr/image/render-text-page.js';

const OPEN_PAGES = [
  {
    title: 'BIÊN BẢN GIAO NHẬN TÀI LIỆU',
    paragraphs: [
      'Hôm nay, ngày 24 tháng 9 năm 2021, tại Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên, chúng tôi gồm: Bên giao là Sở Nội vụ tỉnh Hưng Yên; bên nhận là Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên.',
      'Căn cứ Quyết định số 667/QĐ-UBND ngày 03/3/2021 của Ủy ban nhân dân tỉnh về việc thu hồ sơ, tài liệu vào Lưu trữ lịch sử tỉnh, hai bên thống nhất giao nhận tài liệu phông Sở Nội vụ giai đoạn 2000–2011.',
      'Số lượng tài liệu giao nhận gồm 260 hộp, 824 hồ sơ, tương đương 26,4 mét giá, kèm theo Mục lục hồ sơ, tài liệu nộp lưu.',
    ],
  },
  {
    title: 'BÁO CÁO CÔNG TÁC VĂN THƯ, LƯU TRỮ NĂM 2021',
    paragraphs: [
      'Năm 2021, Sở Nội vụ đã tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch về công tác văn thư, lưu trữ tỉnh Hưng Yên và các văn bản triển khai nhiệm vụ văn thư, lưu trữ trên địa bàn tỉnh.',
      'Hoàn thành, đưa vào khai thác, sử dụng công trình Kho Lưu trữ lịch sử tỉnh; đẩy mạnh công tác chỉnh lý, số hóa tài liệu lưu trữ trên địa bàn tỉnh.',
      'Thực hiện kiểm tra công tác văn thư, lưu trữ tại 04 cơ quan, đơn vị: Sở Văn hóa, Thể thao và Du lịch, Ủy ban nhân dân huyện Yên Mỹ, Cục Thuế tỉnh.',
    ],
  },
  {
    title: 'TỜ TRÌNH VỀ VIỆC SỐ HÓA TÀI LIỆU LƯU TRỮ',
    paragraphs: [
      'Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên kính trình Sở Nội vụ xem xét, phê duyệt kế hoạch số hóa tài liệu lưu trữ năm 2022 với chỉ tiêu trên 100.000 trang tài liệu.',
      'Năm 2021, Trung tâm đã số hóa 31.600 trang tài liệu, tu bổ 3.100 trang tài liệu bị hư hỏng thuộc phông Ủy ban hành chính tỉnh giai đoạn 1952–1968.',
    ],
  },
];

const RESTRICTED_PAGE = {
  title: 'HỒ SƠ NHÂN SỰ (HẠN CHẾ SỬ DỤNG)',
  paragraphs: [
    'Danh sách cán bộ, công chức được đề nghị khen thưởng năm 2009 kèm lý lịch trích ngang và nhận xét của cơ quan.',
    'Tài liệu có thông tin cá nhân, chỉ phục vụ độc giả khi được Giám đốc Trung tâm Lưu trữ lịch sử tỉnh Hưng Yên phê duyệt phiếu yêu cầu.',
  ],
};

interface FileItem { id: number; fileNotation: string; title: string; accessLevel: string; pages: number }

async function pickFile(api: ApiClient, agencyId: number, restricted: boolean): Promise<FileItem | undefined> {
  const r = await api.get<{ items: FileItem[] }>(`/api/digitization/files?agencyId=${agencyId}&restricted=${restricted}&digitized=false&limit=5`);
  return r.items.find((f) => f.id) ?? undefined;
}

async function uploadPages(api: ApiClient, fileId: number, label: string, pages: { title: string; paragraphs: string[] }[], format: 'tiff' | 'png') {
  const batch = await api.post<{ id: number }>('/api/digitization/batches', { recordFileId: fileId, label });
  const form = new FormData();
  for (const [i, p] of pages.entries()) {
    const data = await renderTextPage({ ...p, format, dpi: 300 });
    form.append('files', new Blob([new Uint8Array(data)]), `trang-${String(i + 1).padStart(3, '0')}.${format === 'tiff' ? 'tif' : 'png'}`);
  }
  await api.call('POST', `/api/digitization/batches/${batch.id}/scans`, undefined, form);
  return batch.id;
}

/** Uploads the demo scans and waits (bounded) for their derivatives and OCR; a failure here never sinks the demo. */
export async function loadDemoScans(api: ApiClient, agencyId: number, log: (msg: string) => void = () => {}, waitMs = 600_000) {
  try {
    return await uploadAndWait(api, agencyId, log, waitMs);
  } catch (err) {
    log(`Không nạp được ảnh số hóa mẫu: ${(err as Error).message}`);
    return { batches: 0, pages: 0 };
  }
}

async function uploadAndWait(api: ApiClient, agencyId: number, log: (msg: string) => void, waitMs: number) {
  const open = await pickFile(api, agencyId, false);
  const restricted = await pickFile(api, agencyId, true);
  const batches: number[] = [];
  if (open) {
    log(`Số hóa mẫu: ${OPEN_PAGES.length} trang vào hồ sơ ${open.fileNotation}…`);
    batches.push(await uploadPages(api, open.id, 'Số hóa mẫu — hồ sơ sử dụng rộng rãi', OPEN_PAGES, 'tiff'));
  }
  if (restricted) {
    log(`Số hóa mẫu: 1 trang vào hồ sơ hạn chế sử dụng ${restricted.fileNotation}…`);
    batches.push(await uploadPages(api, restricted.id, 'Số hóa mẫu — hồ sơ hạn chế sử dụng', [RESTRICTED_PAGE], 'png'));
  }
  const until = Date.now() + waitMs;
  for (const id of batches) {
    // Without a job runner (e.g. OCR_IN_SERVER=false and no worker yet) nothing moves: stop waiting after a minute idle.
    let seen = '';
    let movedAt = Date.now();
    for (;;) {
      const p = await api.get<{ finished: boolean; ocr: { done: number; failed: number; running: number }; derivatives: { done: number }; pages: number }>(`/api/digitization/batches/${id}`);
      if (p.finished) {
        log(`Đợt số hóa #${id}: ${p.ocr.done}/${p.pages} trang đã nhận dạng chữ.`);
        break;
      }
      const state = `${p.ocr.done}/${p.ocr.running}/${p.ocr.failed}/${p.derivatives.done}`;
      if (state !== seen) [seen, movedAt] = [state, Date.now()];
      if (Date.now() > until || Date.now() - movedAt > 60_000) {
        log(`Đợt số hóa #${id}: OCR chưa xong; máy chủ sẽ tiếp tục khi khởi động.`);
        break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  return { batches: batches.length, pages: (open ? OPEN_PAGES.length : 0) + (restricted ? 1 : 0) };
}
