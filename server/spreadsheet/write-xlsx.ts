import ExcelJS from 'exceljs';
import { neutraliseFormula } from './text.js';

export interface SheetSpec<T> {
  name: string;
  title?: string;
  columns: { header: string; width?: number; value: (row: T) => string | number | null | undefined }[];
  rows: T[];
}

/** Builds an XLSX workbook. Every text cell is neutralised, so nothing exported runs as a formula. */
export async function writeXlsx(sheets: SheetSpec<any>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kho Lưu trữ';
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name.slice(0, 31));
    if (spec.title) {
      ws.addRow([spec.title]).font = { bold: true, size: 13 };
      ws.addRow([]);
    }
    const header = ws.addRow(spec.columns.map((c) => c.header));
    header.font = { bold: true };
    spec.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? 18));
    for (const row of spec.rows) {
      ws.addRow(
        spec.columns.map((c) => {
          const v = c.value(row);
          return typeof v === 'string' ? neutraliseFormula(v) : (v ?? null);
        }),
      );
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
