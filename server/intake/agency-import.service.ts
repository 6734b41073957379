/**
 * Import of the provincial source-agency list: all-or-nothing in one transaction, idempotent upsert by code.
 * Parent and successor codes may point at rows further down the file, so agencies are inserted first and
 * linked in a second pass; loops are looked for after linking, and any problem rolls everything back.
 */
import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import type { Actor } from '../core/actor.js';
import type { UploadedFile } from '../core/upload.js';
import { recordEvent } from '../audit/audit.repository.js';
import { importSheet } from '../spreadsheet/import-kernel.js';
import * as agencies from './agency.repository.js';
import type { AgencyFields } from './agency.repository.js';
import * as fonds from './fonds.repository.js';
import { checkAgencyLinks } from './agency-rules.js';
import { AGENCY_SHEET, COLUMNS, agencyRows, type AgencyRow, type ImportProblem } from './agency-import.parse.js';

const FIELD_COLUMN = { status: COLUMNS.status.label, successorId: COLUMNS.successor.label, parentId: COLUMNS.parent.label } as const;

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Present when something was read differently from how it was written (legacy-font text converted). */
  warnings?: ImportProblem[];
  /** A preview: everything checked and counted, nothing saved. */
  preview?: true;
}

type Existing = AgencyFields & { id: number };

interface Planned {
  row: AgencyRow & { code: string };
  current: Existing | undefined;
  parentCode: string | null;
  successorCode: string | null;
  fields: Omit<AgencyFields, 'parentId' | 'successorId'>;
}

/**
 * What each row asks for once absent columns fall back to the stored values. Every row is checked, even one
 * with cell problems, so the user sees all problems at once; only clean rows are planned for writing.
 */
function plan(rows: AgencyRow[], codesInFile: Set<string>, byCode: Map<string, Existing>, codeOfId: Map<number, string>,
  fondsByCode: Map<string, { id: number; agencyId: number | null }>, problems: ImportProblem[]): Planned[] {
  const out: Planned[] = [];
  const fondsOwner = new Map<string, string>();
  const known = (code: string) => codesInFile.has(code) || byCode.has(code);
  const storedCode = (id: number | null | undefined) => (id == null ? null : (codeOfId.get(id) ?? null));
  for (const row of rows) {
    const current = row.code === null ? undefined : byCode.get(row.code);
    const parentCode = row.parentCode !== undefined ? row.parentCode : storedCode(current?.parentId);
    const successorCode = row.successorCode !== undefined ? row.successorCode : storedCode(current?.successorId);
    const status = row.status === null ? null : (row.status ?? current?.status ?? 'active');
    const p = (column: string, message: string) => problems.push({ row: row.row, column, message });
    if (parentCode !== null && !known(parentCode))
      p(COLUMNS.parent.label, `Mã cơ quan cấp trên "${parentCode}" không có trong tệp và chưa có trong danh mục.`);
    if (successorCode !== null && !known(successorCode))
      p(COLUMNS.successor.label, `Mã cơ quan kế thừa "${successorCode}" không có trong tệp và chưa có trong danh mục.`);
    for (const rp of checkAgencyLinks({ status, parentRef: parentCode, successorRef: successorCode, ownRef: row.code }))
      p(FIELD_COLUMN[rp.field], rp.message);
    if (row.fondsCode && row.code !== null) {
      const owner = fondsOwner.get(row.fondsCode);
      const stored = fondsByCode.get(row.fondsCode);
      if (owner !== undefined && owner !== row.code) p(COLUMNS.fonds.label, `Mã phông "${row.fondsCode}" đã được ghi cho cơ quan "${owner}" ở dòng khác.`);
      else if (stored && stored.agencyId !== null && stored.agencyId !== current?.id)
        p(COLUMNS.fonds.label, `Mã phông "${row.fondsCode}" đã thuộc cơ quan "${storedCode(stored.agencyId)}".`);
      fondsOwner.set(row.fondsCode, row.code);
    }
    if (!row.ok || row.code === null || row.name === null || row.level === null || status === null) continue;
    out.push({
      row: { ...row, code: row.code }, current, parentCode, successorCode,
      fields: {
        code: row.code, name: row.name, level: row.level, status,
        statusDate: current?.statusDate ?? null,
        listingDecision: row.listingDecision !== undefined ? row.listingDecision : (current?.listingDecision ?? null),
        address: current?.address ?? null, notes: current?.notes ?? null,
      },
    });
  }
  return out;
}

async function loopProblems(tx: Queryable, rowOfId: Map<number, number>): Promise<ImportProblem[]> {
  const out: ImportProblem[] = [];
  for (const [column, label, message] of [
    ['parent_id', COLUMNS.parent.label, 'Quan hệ cấp trên tạo thành vòng lặp.'],
    ['successor_id', COLUMNS.successor.label, 'Quan hệ kế thừa tạo thành vòng lặp.'],
  ] as const) {
    for (const id of await agencies.agenciesInCycles(tx, column)) out.push({ row: rowOfId.get(id) ?? null, column: label, message });
  }
  return out;
}

export function createAgencyImportService(deps: Deps) {
  return {
    async importAgencies(actor: Actor, file: UploadedFile, opts: { preview?: boolean } = {}): Promise<ImportResult> {
      const at = deps.clock();
      const source = { source: 'import', filename: file.originalName };
      return importSheet(deps.db, file.path, deps.config.MAX_IMPORT_ROWS, {
        ...AGENCY_SHEET,
        async check(tx, sheetRows, problems) {
          const parsed = agencyRows(sheetRows);
          problems.push(...parsed.problems);
          const existing = await agencies.allAgencyFields(tx);
          const byCode = new Map(existing.map((a) => [a.code, a]));
          const codeOfId = new Map(existing.map((a) => [a.id, a.code]));
          const fondsByCode = new Map((await fonds.allFondsCodes(tx)).map((f) => [f.code, f]));
          return { existing, fondsByCode, planned: plan(parsed.rows, parsed.codesInFile, byCode, codeOfId, fondsByCode, problems) };
        },
        async write(tx, { existing, fondsByCode, planned }, problems) {
          const idOfCode = new Map(existing.map((a) => [a.code, a.id]));
          for (const p of planned) {
            if (p.current) continue;
            idOfCode.set(p.row.code, await agencies.insertAgency(tx, { ...p.fields, parentId: null, successorId: null }, at));
          }

          const result = { created: 0, updated: 0, unchanged: 0 };
          const rowOfId = new Map<number, number>();
          for (const p of planned) {
            const id = idOfCode.get(p.row.code)!;
            rowOfId.set(id, p.row.row);
            const next: AgencyFields = {
              ...p.fields,
              parentId: p.parentCode === null ? null : idOfCode.get(p.parentCode)!,
              successorId: p.successorCode === null ? null : idOfCode.get(p.successorCode)!,
            };
            let changed = false;
            if (!p.current) {
              if (next.parentId !== null || next.successorId !== null) await agencies.updateAgency(tx, id, next, at);
              await recordEvent(tx, actor, { entityType: 'agency', entityId: id, action: 'agency.created', after: next, data: source, at });
            } else {
              const cur = p.current;
              const keys = (Object.keys(next) as (keyof AgencyFields)[]).filter((k) => next[k] !== cur[k]);
              if (keys.length) {
                changed = true;
                await agencies.updateAgency(tx, id, next, at);
                await recordEvent(tx, actor, {
                  entityType: 'agency', entityId: id, action: 'agency.updated', data: source, at,
                  before: Object.fromEntries(keys.map((k) => [k, cur[k]])),
                  after: Object.fromEntries(keys.map((k) => [k, next[k]])),
                });
              }
            }
            if (p.row.fondsCode && (await ensureFonds(tx, actor, p.row.fondsCode, id, next, fondsByCode, source, at))) changed = true;
            if (!p.current) result.created++;
            else if (changed) result.updated++;
            else result.unchanged++;
          }

          problems.push(...(await loopProblems(tx, rowOfId)));
          return result;
        },
      }, opts);
    },
  };
}

/** Creates the agency's fonds when the code is new, or attaches an unowned one. True when something changed. */
async function ensureFonds(tx: Queryable, actor: Actor, code: string, agencyId: number, agency: AgencyFields,
  fondsByCode: Map<string, { id: number; agencyId: number | null }>, source: object, at: Date): Promise<boolean> {
  const stored = fondsByCode.get(code);
  if (stored?.agencyId === agencyId) return false;
  if (stored) {
    await fonds.linkFondsToAgency(tx, stored.id, agencyId, at);
    await recordEvent(tx, actor, { entityType: 'fonds', entityId: stored.id, action: 'fonds.updated', before: { agencyId: null }, after: { agencyId }, data: source, at });
    fondsByCode.set(code, { id: stored.id, agencyId });
    return true;
  }
  const fields: fonds.FondsFields = {
    code, name: agency.name, kind: 'fonds', agencyId,
    // An agency that no longer exists produces no more records: its fonds starts closed.
    status: agency.status === 'active' ? 'open' : 'closed',
    startYear: null, endYear: null, creatorHistory: null, fondsHistory: null, notes: null,
  };
  const id = await fonds.insertFonds(tx, fields, at);
  await recordEvent(tx, actor, { entityType: 'fonds', entityId: id, action: 'fonds.created', after: fields, data: source, at });
  fondsByCode.set(code, { id, agencyId });
  return true;
}
