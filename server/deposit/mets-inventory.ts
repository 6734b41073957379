/**
 * A METS.xml with TT 05 file blocks as the package's metadata, instead of an XLSX inventory. Each file (hồ sơ) is a
 * structMap div (ORDER = Số TT) pointing at its dmdSec — a <hoSo> in the TT05 namespace the AIP writer uses
 * (server/archive/tt05.ts) — and at its PDF in the fileSec (FLocat href, CHECKSUM SHA-256). The blocks are turned
 * into the inventory's table so the one import kernel checks them with the paper inventory's rules; only what METS
 * adds (the links, the checksums, the TT 05 2025 codes) is checked here.
 */
import { create } from 'xmlbuilder2';
import { DEPOSIT_PROBLEM as P, type DepositProblem } from '../core/errors-deposit.js';
import { ACCESS_LEVELS_2025 } from '../core/tt05-codes.js';
import type { Table } from '../spreadsheet/read-table.js';
import { TT05_NS } from '../archive/tt05.js';

const METS_NS = 'http://www.loc.gov/METS/';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** TT05 element → the inventory column it fills (headers as on the paper form). */
const FIELDS: [string, string][] = [
  ['soKyHieuHoSo', 'Số và ký hiệu hồ sơ'], ['tieuDeHoSo', 'Tiêu đề hồ sơ'], ['thoiGianBatDau', 'Thời gian bắt đầu'],
  ['thoiGianKetThuc', 'Thời gian kết thúc'], ['thoiHanBaoQuan', 'Thời hạn bảo quản'], ['soLuongTo', 'Số tờ'],
  ['cheDoSuDung', 'Chế độ sử dụng'], ['ghiChu', 'Ghi chú'], ['doMat', 'Độ mật'],
];
/** The AIP writer's wording of the access rule, read back as the inventory's. */
const ACCESS_WORDS: Record<string, string> = { 'Sử dụng rộng rãi': 'Không hạn chế', 'Hạn chế sử dụng': 'Hạn chế' };

export interface MetsFileRef { href: string; sha256: string | null }
export interface MetsInventory { table: Table | null; files: Map<number, MetsFileRef>; problems: DepositProblem[] }

type El = { localName: string; textContent: string | null; getAttribute(n: string): string | null; getAttributeNS(ns: string, n: string): string | null; getElementsByTagNameNS(ns: string, n: string): ArrayLike<El> };
const list = (root: El, ns: string, name: string): El[] => Array.from(root.getElementsByTagNameNS(ns, name));
const textOf = (root: El, name: string): string | null => {
  const e = list(root, TT05_NS, name)[0];
  const t = e?.textContent?.normalize('NFC').trim();
  return t ? t : null;
};

export function readMetsInventory(xml: string, name: string): MetsInventory {
  const problems: DepositProblem[] = [];
  const fail = (field: string | null, code: string, message: string) => problems.push({ file: name, field, code, message });
  let root: El;
  try {
    root = (create(xml).node as unknown as { documentElement: El }).documentElement;
  } catch (err) {
    fail(null, P.metadataInvalid, `METS.xml không đọc được (${(err as Error).message}).`);
    return { table: null, files: new Map(), problems };
  }
  if (!root || root.localName !== 'mets') {
    fail(null, P.metadataInvalid, 'METS.xml không có phần tử gốc <mets> (namespace http://www.loc.gov/METS/).');
    return { table: null, files: new Map(), problems };
  }
  const dmd = new Map(list(root, METS_NS, 'dmdSec').map((d) => [d.getAttribute('ID') ?? '', d]));
  const fileById = new Map(list(root, METS_NS, 'file').map((f) => [f.getAttribute('ID') ?? '', f]));
  const divs = list(root, METS_NS, 'div').filter((d) => d.getAttribute('DMDID'));
  if (divs.length === 0) fail('structMap', P.metadataMissing, 'METS.xml không có hồ sơ nào (structMap div có DMDID).');

  const rows: Table['rows'] = [];
  const files = new Map<number, MetsFileRef>();
  divs.forEach((div, i) => {
    const where = `hồ sơ thứ ${i + 1} (div ${div.getAttribute('ID') ?? ''})`;
    const order = div.getAttribute('ORDER');
    const rowNo = order && /^\d{1,9}$/.test(order) ? Number(order) : null;
    if (rowNo === null) fail('ORDER', P.metadataInvalid, `${where}: thiếu ORDER (Số TT) hoặc không phải số.`);
    const block = dmd.get(div.getAttribute('DMDID')!);
    const hoSo = block ? list(block, TT05_NS, 'hoSo')[0] : undefined;
    if (!hoSo) {
      fail('dmdSec', P.metadataMissing, `${where}: không có khối <hoSo> TT05 (namespace ${TT05_NS}) ở dmdSec ${div.getAttribute('DMDID')}.`);
      return;
    }
    const access = list(hoSo, TT05_NS, 'mucDoTiepCan')[0]?.getAttribute('ma') ?? null;
    if (access !== null && !(access in ACCESS_LEVELS_2025)) fail('mucDoTiepCan', P.metadataInvalid, `${where}: mã mức độ tiếp cận "${access}" không có trong danh mục (01, 02, 03).`);
    if (access === '03') fail('mucDoTiepCan', P.secretMark, `${where}: mức độ tiếp cận 03 (tài liệu mật); tài liệu mật không nộp lưu qua cổng số.`);
    const keep = list(hoSo, TT05_NS, 'thoiHanLuuTru')[0]?.getAttribute('ma') ?? null;
    if (keep !== null && keep !== 'permanent') fail('thoiHanLuuTru', P.retentionNotPermanent, `${where}: thời hạn lưu trữ "${keep}"; chỉ nộp lưu hồ sơ bảo quản vĩnh viễn.`);
    const cells = [rowNo, ...FIELDS.map(([el]) => {
      const v = textOf(hoSo, el);
      return el === 'cheDoSuDung' && v ? (ACCESS_WORDS[v] ?? v) : v;
    })];
    rows.push({ rowNumber: i + 2, cells });
    const ptr = list(div, METS_NS, 'fptr')[0]?.getAttribute('FILEID');
    const file = ptr ? fileById.get(ptr) : undefined;
    const href = file ? list(file, METS_NS, 'FLocat')[0]?.getAttributeNS(XLINK_NS, 'href') : null;
    if (!href) {
      fail('fptr', P.rowWithoutPdf, `${where}: không trỏ tới tệp nào trong fileSec (fptr FILEID → file → FLocat xlink:href).`);
      return;
    }
    const sum = file!.getAttribute('CHECKSUM');
    if (rowNo !== null) files.set(rowNo, { href: href.normalize('NFC').replace(/^\.\//, ''), sha256: sum ? sum.toLowerCase() : null });
  });
  const table: Table = { format: 'xlsx', headerRowNumber: 1, headers: ['Số TT', ...FIELDS.map(([, h]) => h)], rows, formulaCells: [] };
  return { table, files, problems };
}
