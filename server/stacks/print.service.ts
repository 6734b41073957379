/** Printable PDFs of the stacks: box labels, the shelf list of a shelf unit or room, a handover's files with their place. */
import { viNumber } from '../core/numbers.js';
import type { Deps } from '../deps.js';
import { Download, PDF_TYPE } from '../core/download.js';
import { ERRORS } from '../core/errors.js';
import { vnDate, vnToday } from '../core/time/index.js';
import { tablePdf, type TableRow } from '../print/table-pdf.js';
import { boxLabelsPdf, fondsLine, years } from './box-labels.js';
import { boxesForPrint, handoverFilesWithLocation, handoverForPrint, type BoxFilter, type BoxForPrint, type FileWithLocation } from './print.repository.js';
import { shelfLabel, shelvesIn, type ShelfRow } from './stacks.repository.js';

const num = (n: number, digits = 0) => viNumber(n, digits, digits);
const range = (b: Pick<BoxForPrint, 'firstNotation' | 'lastNotation'>) =>
  b.firstNotation === null ? '—' : b.firstNotation === b.lastNotation ? b.firstNotation : `${b.firstNotation} – ${b.lastNotation}`;

function location(f: FileWithLocation): string {
  if (f.shelfCode !== null) return shelfLabel({ repositoryName: f.repositoryName!, roomName: f.roomName!, unitCode: f.unitCode!, code: f.shelfCode });
  return f.boxCode !== null ? 'Chưa xếp lên giá' : 'Thiếu khi giao nhận';
}

export function createStacksPrint(deps: Deps) {
  const organ = () => deps.config.CENTRE_NAME;
  const printedOn = () => vnDate(vnToday(deps.clock));

  async function boxLabels(filter: BoxFilter): Promise<Download> {
    const boxes = await boxesForPrint(deps.db, filter);
    if (boxes.length === 0) throw ERRORS.nothingToPrint('hộp');
    const [key, value] = Object.entries(filter)[0];
    const name = boxes.length === 1 ? `nhan-hop-${boxes[0].code}` : `nhan-hop-${key.replace(/Id$/, '')}-${value}`;
    return Download.attachment(`${name}.pdf`, PDF_TYPE, await boxLabelsPdf(organ(), boxes));
  }

  async function shelfList(target: { unitId: number } | { roomId: number }): Promise<Download> {
    const shelves = await shelvesIn(deps.db, target);
    if (shelves.length === 0) throw ERRORS.notFound('unitId' in target ? 'giá' : 'phòng kho');
    const boxes = await boxesForPrint(deps.db, target);
    const byShelf = new Map<number | null, BoxForPrint[]>();
    for (const b of boxes) byShelf.set(b.shelfId, [...(byShelf.get(b.shelfId) ?? []), b]);
    const first: ShelfRow = shelves[0];
    const where = 'unitId' in target
      ? `${first.repositoryName} — ${first.roomName} — Giá ${first.unitCode}`
      : `${first.repositoryName} — ${first.roomName}`;
    const rows: TableRow[] = [];
    for (const s of shelves) {
      const on = byShelf.get(s.shelfId) ?? [];
      const used = `${num(s.usedCm / 100, 2)}/${num(s.capacityM, 2)} m`;
      rows.push({ heading: `${shelfLabel(s)} — ${on.length === 0 ? 'trống' : `${num(on.length)} hộp`} (${used})` });
      for (const b of on) {
        rows.push({ cells: [String(b.position ?? '—'), b.code, b.boxNo ?? '—', fondsLine(b), b.inventoryNo === null ? '—' : String(b.inventoryNo), range(b), num(b.files), years(b.fromYear, b.toYear)] });
      }
    }
    const body = await tablePdf({
      organ: organ(),
      printedOn: printedOn(),
      title: 'DANH MỤC HỘP TRÊN GIÁ',
      subtitle: [where],
      columns: [
        { header: 'Vị trí', width: 12, align: 'center' },
        { header: 'Mã hộp', width: 28 },
        { header: 'Hộp số', width: 14, align: 'center' },
        { header: 'Phông', width: 45 },
        { header: 'Mục lục số', width: 16, align: 'center' },
        { header: 'Hồ sơ từ – đến', width: 35 },
        { header: 'Số hồ sơ', width: 12, align: 'right' },
        { header: 'Thời gian', width: 18, align: 'center' },
      ],
      rows,
      footer: [`Tổng cộng: ${num(shelves.length)} tầng giá, ${num(boxes.length)} hộp, ${num(boxes.reduce((a, b) => a + b.files, 0))} hồ sơ.`],
    });
    const id = 'unitId' in target ? `gia-${target.unitId}` : `phong-${target.roomId}`;
    return Download.attachment(`danh-muc-${id}.pdf`, PDF_TYPE, body);
  }

  async function inventoryWithLocations(handoverId: number): Promise<Download> {
    const h = await handoverForPrint(deps.db, handoverId);
    if (!h) throw ERRORS.notFound('lần giao nộp');
    if (h.status !== 'received') throw ERRORS.printNotReceived();
    const files = await handoverFilesWithLocation(deps.db, handoverId);
    const placed = files.filter((f) => f.boxCode !== null).length;
    const body = await tablePdf({
      organ: organ(),
      printedOn: printedOn(),
      title: 'MỤC LỤC HỒ SƠ, TÀI LIỆU KÈM VỊ TRÍ TRONG KHO',
      subtitle: [
        `${h.fondsName ?? `Phông ${h.agencyName}`}${h.fondsCode ? ` (${h.fondsCode})` : ''} — Mục lục số: ${h.inventoryNo ?? '—'}`,
        `${h.title} — giao nộp ngày ${h.handoverDate ? vnDate(h.handoverDate) : '—'}`,
      ],
      columns: [
        { header: 'Số TT', width: 10, align: 'center' },
        { header: 'Số, ký hiệu hồ sơ', width: 22 },
        { header: 'Mã hồ sơ', width: 30 },
        { header: 'Tiêu đề hồ sơ', width: 56 },
        { header: 'Thời gian', width: 18, align: 'center' },
        { header: 'Hộp số', width: 12, align: 'center' },
        { header: 'Vị trí', width: 32 },
      ],
      rows: files.map((f) => ({
        cells: [
          f.rowNo === null ? '—' : String(f.rowNo),
          f.fileNotation,
          f.fileCode ?? '—',
          f.title,
          years(f.fromYear, f.toYear),
          f.boxNo ?? '—',
          location(f),
        ],
      })),
      footer: [`Tổng cộng: ${num(files.length)} hồ sơ trong mục lục, ${num(placed)} hồ sơ đã xếp lên giá.`],
    });
    return Download.attachment(`muc-luc-vi-tri-${handoverId}.pdf`, PDF_TYPE, body);
  }

  return { boxLabels, shelfList, inventoryWithLocations };
}
