/**
 * The TT 05/2025 (and TT 02/2019) field block of an AIP, metadata/descriptive/TT05.xml, in our own namespace
 * TT05_NS — deliberately not EAD (the EAD3 description sits beside it in EAD.xml). The namespace is documented
 * here and in the README; there is no official XSD for it. Field names follow DOMAIN.md §4.2: where the 2025 name is
 * not verified against the circular's text, the element carries nameVerified="false"; a 2025 field without a stored
 * or derived value carries verified="false" and why (trangThai, lyDo). Each record states the regime its metadata
 * follows (cheDoSieuDuLieu, from tt05_file_metadata; files never converted stay TT 02/2019).
 */
import { el, newDocument, serialize, type XmlNode } from '../interop/xml/xml.js';
import { vnIsoDateTime } from '../../ocr/export/pdfa.js';
import type { Tt05Export } from '../digitization/tt05.repository.js';
import { ACCESS_LEVELS_2025, BACKUP_MODES, BACKUP_STATUSES, CONFIDENCE_LEVELS_2025 } from '../core/tt05-codes.js';
import type { Tt05Flag } from '../digitization/tt05-mapping.js';

export const TT05_NS = 'urn:kho-luu-tru:ns:tt05-hoso:1';

export interface Tt05File {
  fileId: number;
  fileCode: string | null;
  fileNotation: string;
  title: string;
  fondsCode: string | null;
  fondsName: string | null;
  agencyName: string;
  startDate: string | null;
  endDate: string;
  retention: string;
  accessLevel: string;
  secrecy: string | null;
  sheets: number | null;
  pages: number;
  language: string;
  /** The stored TT 05/2025 metadata; absent ⇒ TT 02/2019. */
  tt05?: Tt05Export;
}

const REGIME_TAG = { tt02_2019: 'TT02-2019', tt05_2025: 'TT05-2025' } as const;
const UNVERIFIED_NAME = { nameVerified: 'false' };

/** A 2025 element: its value when stored, else flagged with the open flag's reason. */
function field2025(parent: XmlNode, name: string, value: string | number | null, flags: Tt05Flag[], flagField: string, attrs: Record<string, string> = {}) {
  if (value !== null && value !== '') return el(parent, name, value, { ...attrs, ...UNVERIFIED_NAME });
  const open = flags.find((f) => f.field === flagField);
  return el(parent, name, null, { ...UNVERIFIED_NAME, verified: 'false', trangThai: open ? 'cần xác định' : 'chưa nhập', lyDo: open?.reason });
}

type Fields2025 = {
  retentionKind: string | null; retentionYears: number | null; accessLevel: string | null; confidenceLevel: string | null;
  backupMode: string | null; backupStatus: string | null; processingHistory: { at: string; step: string; agent: string }[]; flags: Tt05Flag[];
};
const label = (list: Record<string, string>, c: string | null) => (c == null ? null : list[c] ?? c);

function common2025(h: XmlNode, t: Fields2025) {
  const retention = t.retentionKind === 'permanent' ? 'Vĩnh viễn' : t.retentionKind === 'limited' ? `${t.retentionYears} năm` : null;
  field2025(h, 'thoiHanLuuTru', retention, t.flags, 'retention', t.retentionKind ? { ma: t.retentionKind } : {});
  field2025(h, 'mucDoTiepCan', label(ACCESS_LEVELS_2025, t.accessLevel), t.flags, 'accessLevel', t.accessLevel ? { ma: t.accessLevel } : {});
  field2025(h, 'mucDoTinCay', label(CONFIDENCE_LEVELS_2025, t.confidenceLevel), t.flags, 'confidenceLevel', t.confidenceLevel ? { ma: t.confidenceLevel } : {});
  field2025(h, 'cheDoLapTaiLieuDuPhong', label(BACKUP_MODES, t.backupMode), t.flags, 'backupMode', t.backupMode ? { ma: t.backupMode } : {});
  field2025(h, 'tinhTrangLapTaiLieuDuPhong', label(BACKUP_STATUSES, t.backupStatus), t.flags, 'backupStatus', t.backupStatus ? { ma: t.backupStatus } : {});
  const q = el(h, 'quyTrinhXuLy', null, UNVERIFIED_NAME);
  for (const s of t.processingHistory) el(q, 'buoc', s.step, { thoiGian: vnIsoDateTime(new Date(s.at)), tacNhan: s.agent });
}

function fileList(h: XmlNode, name: string, files: { name: string; format: string; size: number; sha256: string }[]) {
  const l = el(h, name, null, UNVERIFIED_NAME);
  for (const f of files) el(l, 'tep', null, { ten: f.name, dinhDang: f.format, dungLuong: f.size, sha256: f.sha256 });
}

export function tt05Xml(files: Tt05File[], at: Date, centreName: string): string {
  const doc = newDocument();
  const regimes = [...new Set(files.map((f) => REGIME_TAG[f.tt05?.regime ?? 'tt02_2019']))].sort();
  const root = doc.ele(TT05_NS, 'goiHoSo').att('cheDoSieuDuLieu', regimes.join(' ') || 'TT02-2019').att('taoLuc', vnIsoDateTime(at)).att('coQuanLuuTru', centreName);
  for (const f of files) {
    const t = f.tt05?.regime === 'tt05_2025' ? f.tt05 : null;
    const h = el(root, 'hoSo', null, { id: `VN-KLT-FILE-${f.fileId}`, cheDoSieuDuLieu: REGIME_TAG[t ? 'tt05_2025' : 'tt02_2019'] });
    el(h, 'maHoSo', f.fileCode ?? f.fileNotation);
    el(h, 'soKyHieuHoSo', f.fileNotation);
    el(h, 'tieuDeHoSo', f.title);
    if (f.fondsCode) el(h, 'maPhong', f.fondsCode);
    if (f.fondsName) el(h, 'tenPhong', f.fondsName);
    el(h, 'coQuanHinhThanhPhong', f.agencyName);
    if (f.startDate) el(h, 'thoiGianBatDau', f.startDate);
    el(h, 'thoiGianKetThuc', f.endDate);
    el(h, 'thoiHanBaoQuan', f.retention, { cheDo: 'TT02-2019' });
    el(h, 'cheDoSuDung', f.accessLevel === 'unrestricted' ? 'Sử dụng rộng rãi' : 'Hạn chế sử dụng', { cheDo: 'TT02-2019' });
    if (f.secrecy) el(h, 'doMat', f.secrecy);
    if (f.sheets != null) el(h, 'soLuongTo', f.sheets);
    el(h, 'soLuongTrang', f.pages);
    el(h, 'ngonNgu', f.language);
    if (!t?.file) {
      // Not converted to 2025: the 2025 fields are flagged, not invented.
      el(h, 'thoiHanLuuTru', null, { verified: 'false', trangThai: 'chưa ánh xạ' });
      el(h, 'mucDoTiepCan', null, { verified: 'false', trangThai: 'chưa ánh xạ' });
      continue;
    }
    const r = t.file;
    common2025(h, r);
    field2025(h, 'maHoSoGocGiay', r.paperFileCode, r.flags, 'paperFileCode');
    fileList(h, 'tepTinHoSo', t.files);
    for (const d of t.documents) {
      const v = el(h, 'vanBan', null, { soThuTu: d.ordinal, cheDoSieuDuLieu: 'TT05-2025' });
      el(v, 'trichYeuNoiDung', d.subject);
      field2025(v, 'maLuuTruTaiLieu', d.row.archiveCode, d.row.flags, 'archiveCode');
      field2025(v, 'soLuongTo', d.row.sheetCount, d.row.flags, 'sheetCount');
      common2025(v, d.row);
      fileList(v, 'tepTinTaiLieu', d.files);
    }
  }
  return serialize(doc);
}
