/**
 * What the backlog and the restoration imports add to the spreadsheet import kernel: every item names its owner by
 * agency code and optional fonds code, resolved in the database, and a row whose agency and key (label, reference)
 * already exist updates that item, so re-importing the same survey is idempotent. Each import only says which columns
 * it has and how one row becomes an item.
 */
import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import type { Actor } from '../core/actor.js';
import type { UploadedFile } from '../core/upload.js';
import { recordEvent } from '../audit/audit.repository.js';
import { parseDay, quantityWhere } from '../spreadsheet/cells.js';
import type { ColumnSpec } from '../spreadsheet/columns.js';
import { importSheet, repeatedKeys, type RowReader, type SheetRow } from '../spreadsheet/import-kernel.js';
import type { ImportProblem } from '../spreadsheet/problems.js';
import { readPeriodColumns, type BoundReading } from '../spreadsheet/period-range.js';

export type { ImportProblem };
export type ColumnDef = ColumnSpec;
export type { RowReader };
/** Every item import names its owner by agency code and optional fonds code. */
type OwnerKey = 'agency' | 'fonds';

export interface ItemImport<K extends string, T> {
  columns: Record<K | OwnerKey, ColumnSpec>;
  /** Whole-file header rules beyond "required" (e.g. one of two columns). */
  headerProblem?: (has: (k: K) => boolean) => { column: K; message: string } | null;
  /** The column that, with the agency, identifies an item across imports (label, reference). */
  keyColumn: K;
  duplicateMessage: (firstRow: number) => string;
  /** The item and its key text, or null when the row cannot become one (problems already recorded). */
  parseRow: (r: RowReader<K>) => { key: string; item: T } | null;
  /** Existing items as agency id + key text, for updating instead of duplicating. */
  existing: (tx: Queryable) => Promise<{ id: number; agencyId: number; key: string }[]>;
  insert: (tx: Queryable, v: T & { agencyId: number; fondsId: number | null }) => Promise<unknown>;
  update: (tx: Queryable, id: number, v: T & { agencyId: number; fondsId: number | null }) => Promise<unknown>;
  audit: { entityType: string; action: string };
}

/** Columns both surveys have: the records' years (separate, or one "Thời gian tài liệu" span), a priority, a due date and notes. */
type CommonKey = 'startYear' | 'endYear' | 'period' | 'priority' | 'due' | 'notes';

const yearOk = (n: number) => Number.isInteger(n) && n >= 1800 && n <= 2100;
/** The surveys keep years: a span "02/2021 - 12/2021" gives 2021 and 2021. */
const YEAR_BOUNDS: BoundReading<number> = {
  parse: quantityWhere(yearOk, 'Năm phải từ 1800 đến 2100.'),
  fromPeriod: (p) => Number(p.start.slice(0, 4)),
  equal: (a, b) => a === b,
  show: String,
};

export function readCommonFields(r: RowReader<CommonKey>) {
  const { start: startYear, end: endYear } = readPeriodColumns(r, { range: 'period', start: 'startYear', end: 'endYear' }, YEAR_BOUNDS, { endRequired: false });
  if (startYear !== null && endYear !== null && startYear > endYear) r.problem('endYear', 'Năm kết thúc trước năm bắt đầu.');
  const priority = r.value('priority', quantityWhere((n) => Number.isInteger(n) && n >= 0 && n <= 9, 'Ưu tiên là số nguyên 0–9.'));
  const dueDate = r.value('due', parseDay);
  const notes = r.text('notes', 2000);
  return { startYear, endYear, ...(priority !== null ? { priority } : {}), dueDate, notes };
}

interface ItemRow<T> { agencyCode: string | null; fondsCode: string | null; key: string; item: T }
type Resolved<T> = ItemRow<T> & { agencyId: number; fondsId: number | null };

export async function importItems<K extends string, T>(spec: ItemImport<K, T>, deps: Deps, actor: Actor, file: UploadedFile, opts: { preview?: boolean } = {}) {
  const { agency, fonds: fondsCol } = spec.columns;
  const duplicates = (rows: SheetRow<ItemRow<T>>[], problems: ImportProblem[]) => {
    const keyed = rows.filter((r) => r.record && r.record.agencyCode !== null);
    for (const { item, firstRow } of repeatedKeys(keyed, (r) => r.row, (r) => `${r.record!.agencyCode}\u0000${r.record!.key}`))
      problems.push({ row: item.row, column: spec.columns[spec.keyColumn].label, message: spec.duplicateMessage(firstRow) });
  };

  return importSheet(deps.db, file.path, deps.config.MAX_IMPORT_ROWS, {
    columns: spec.columns,
    collapseSpaces: true,
    headerRule: spec.headerProblem && ((has) => spec.headerProblem!(has)),
    row(r) {
      const agencyCode = r.text('agency', 50);
      if (agencyCode === null && r.problemCount() === 0) r.problem('agency', 'Thiếu "Mã cơ quan".');
      const parsed = spec.parseRow(r);
      const fondsCode = r.text('fonds', 50);
      return parsed ? { agencyCode, fondsCode, key: parsed.key, item: parsed.item } : null;
    },
    async check(tx, rows, problems) {
      duplicates(rows, problems);
      const agencies = new Map((await tx.query<{ id: number; code: string }>(`SELECT id, code FROM source_agencies`)).map((a) => [a.code, a.id]));
      const fonds = new Map((await tx.query<{ id: number; code: string; agencyId: number | null }>(`SELECT id, code, agency_id AS "agencyId" FROM fonds`)).map((f) => [f.code, f]));
      const resolved: Resolved<T>[] = [];
      for (const { row, ok, record: r } of rows) {
        if (!ok || !r || r.agencyCode === null) continue;
        const agencyId = agencies.get(r.agencyCode);
        if (agencyId === undefined) { problems.push({ row, column: agency.label, message: `Mã cơ quan "${r.agencyCode}" chưa có trong danh mục nguồn nộp lưu.` }); continue; }
        const f = r.fondsCode === null ? null : fonds.get(r.fondsCode);
        if (f === undefined) { problems.push({ row, column: fondsCol.label, message: `Mã phông "${r.fondsCode}" chưa có.` }); continue; }
        if (f && f.agencyId !== null && f.agencyId !== agencyId) { problems.push({ row, column: fondsCol.label, message: `Phông "${r.fondsCode}" thuộc cơ quan khác.` }); continue; }
        resolved.push({ ...r, agencyId, fondsId: f?.id ?? null });
      }
      return resolved;
    },
    async write(tx, resolved) {
      const byKey = new Map((await spec.existing(tx)).map((e) => [`${e.agencyId}\u0000${e.key}`, e.id]));
      let created = 0;
      let updated = 0;
      for (const r of resolved) {
        const v = { ...r.item, agencyId: r.agencyId, fondsId: r.fondsId };
        const id = byKey.get(`${r.agencyId}\u0000${r.key}`);
        if (id) { await spec.update(tx, id, v); updated++; }
        else { await spec.insert(tx, v); created++; }
      }
      await recordEvent(tx, actor, { entityType: spec.audit.entityType, entityId: 'import', action: spec.audit.action, data: { filename: file.originalName, created, updated } });
      return { created, updated };
    },
  }, opts);
}
