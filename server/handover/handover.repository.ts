/** SQL for handover headers (handovers table) and the lookups their checks need. Plain camelCase rows out. */
import { one, type Queryable } from '../db/db.js';

export type HandoverStatus = 'draft' | 'submitted' | 'appraised' | 'approved' | 'received' | 'cancelled';

export interface HandoverRow {
  id: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  fondsId: number | null;
  fondsCode: string | null;
  fondsName: string | null;
  planId: number | null;
  /** The collection plan's decision number (e.g. 667/QĐ-UBND), what people call the plan by. */
  planDecisionNo: string | null;
  inventoryNo: number | null;
  title: string;
  status: HandoverStatus;
  /** 'digital': an agency's PDF/A package (server/deposit), received without boxes or shelves. */
  kind: 'paper' | 'digital';
  declaredBoxes: number | null;
  boxTypeId: number | null;
  boxWidthCm: number | null;
  measuredMetres: number | null;
  deliveringName: string | null;
  deliveringPosition: string | null;
  receivingName: string | null;
  receivingPosition: string | null;
  legalBasis: string | null;
  place: string | null;
  physicalCondition: string | null;
  attachments: string | null;
  inventoryCopies: number;
  approvalDecision: string | null;
  appraisalSummary: string | null;
  sourceFilename: string | null;
  sourceSha256: string | null;
  submittedAt: Date | null;
  appraisedAt: Date | null;
  approvedAt: Date | null;
  receivedAt: Date | null;
  cancelledAt: Date | null;
  handoverDate: string | null;
  filesListed: number | null;
  filesMissing: number | null;
  filesExtra: number | null;
  filesDamaged: number | null;
  filesReceived: number | null;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = `
  SELECT h.id, h.agency_id AS "agencyId", a.code AS "agencyCode", a.name AS "agencyName",
         h.fonds_id AS "fondsId", f.code AS "fondsCode", f.name AS "fondsName", h.plan_id AS "planId",
         (SELECT cp.decision_no FROM collection_plans cp WHERE cp.id = h.plan_id) AS "planDecisionNo",
         h.inventory_no AS "inventoryNo", h.title, h.status, h.kind, h.declared_boxes AS "declaredBoxes",
         h.box_type_id AS "boxTypeId", bt.width_cm AS "boxWidthCm", h.measured_metres AS "measuredMetres",
         h.delivering_name AS "deliveringName", h.delivering_position AS "deliveringPosition",
         h.receiving_name AS "receivingName", h.receiving_position AS "receivingPosition",
         h.legal_basis AS "legalBasis", h.place, h.physical_condition AS "physicalCondition", h.attachments,
         h.inventory_copies AS "inventoryCopies", h.approval_decision AS "approvalDecision",
         h.appraisal_summary AS "appraisalSummary", h.source_filename AS "sourceFilename",
         h.source_sha256 AS "sourceSha256", h.submitted_at AS "submittedAt", h.appraised_at AS "appraisedAt",
         h.approved_at AS "approvedAt", h.received_at AS "receivedAt", h.cancelled_at AS "cancelledAt", h.handover_date AS "handoverDate",
         h.files_listed AS "filesListed", h.files_missing AS "filesMissing", h.files_extra AS "filesExtra",
         h.files_damaged AS "filesDamaged", h.files_received AS "filesReceived",
         h.created_at AS "createdAt", h.updated_at AS "updatedAt"
    FROM handovers h
    JOIN source_agencies a ON a.id = h.agency_id
    LEFT JOIN fonds f ON f.id = h.fonds_id
    LEFT JOIN box_types bt ON bt.id = h.box_type_id`;

export function findHandover(db: Queryable, id: number): Promise<HandoverRow | undefined> {
  return one<HandoverRow>(db, `${SELECT} WHERE h.id = $1`, [id]);
}

/** Locks the header row for the rest of the transaction, so two status changes cannot interleave. */
export async function lockHandover(tx: Queryable, id: number): Promise<HandoverRow | undefined> {
  const locked = await one<{ id: number }>(tx, `SELECT id FROM handovers WHERE id = $1 FOR UPDATE`, [id]);
  return locked ? findHandover(tx, id) : undefined;
}

export interface HandoverFilter {
  status?: HandoverStatus;
  agencyId?: number;
  planId?: number;
  limit: number;
  offset: number;
}

/** A list row: the header fields a table shows, plus the lock flag and the inventory size. */
export type HandoverSummaryRow = Pick<
  HandoverRow,
  | 'id' | 'agencyId' | 'agencyCode' | 'agencyName' | 'fondsId' | 'fondsCode' | 'planId' | 'inventoryNo' | 'title' | 'status'
  | 'declaredBoxes' | 'submittedAt' | 'receivedAt' | 'handoverDate' | 'updatedAt'
> & { locked: boolean; files: number };

export async function listHandovers(db: Queryable, f: HandoverFilter): Promise<{ items: HandoverSummaryRow[]; total: number }> {
  // Cancelled drafts are kept but listed only when asked for by status.
  const where = `(($1::text IS NULL AND h.status <> 'cancelled') OR h.status = $1) AND ($2::int IS NULL OR h.agency_id = $2) AND ($3::int IS NULL OR h.plan_id = $3)`;
  const params = [f.status ?? null, f.agencyId ?? null, f.planId ?? null];
  const items = await db.query<HandoverSummaryRow>(
    `SELECT h.id, h.agency_id AS "agencyId", a.code AS "agencyCode", a.name AS "agencyName",
            h.fonds_id AS "fondsId", f.code AS "fondsCode", h.plan_id AS "planId", h.inventory_no AS "inventoryNo",
            h.title, h.status, h.status = 'received' AS locked, h.declared_boxes AS "declaredBoxes",
            (SELECT count(*)::int FROM record_files rf WHERE rf.handover_id = h.id) AS files,
            h.submitted_at AS "submittedAt", h.received_at AS "receivedAt", h.handover_date AS "handoverDate",
            h.updated_at AS "updatedAt"
       FROM handovers h
       JOIN source_agencies a ON a.id = h.agency_id
       LEFT JOIN fonds f ON f.id = h.fonds_id
      WHERE ${where}
      ORDER BY h.updated_at DESC, h.id DESC
      LIMIT $4 OFFSET $5`,
    [...params, f.limit, f.offset],
  );
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM handovers h WHERE ${where}`, params);
  return { items, total };
}

/** Column names of the header fields a create or a patch may set. */
export const HEADER_COLUMNS = {
  agencyId: 'agency_id',
  fondsId: 'fonds_id',
  planId: 'plan_id',
  inventoryNo: 'inventory_no',
  title: 'title',
  declaredBoxes: 'declared_boxes',
  boxTypeId: 'box_type_id',
  measuredMetres: 'measured_metres',
  deliveringName: 'delivering_name',
  deliveringPosition: 'delivering_position',
  receivingName: 'receiving_name',
  receivingPosition: 'receiving_position',
  legalBasis: 'legal_basis',
  place: 'place',
  physicalCondition: 'physical_condition',
  attachments: 'attachments',
  inventoryCopies: 'inventory_copies',
  status: 'status',
  approvalDecision: 'approval_decision',
  appraisalSummary: 'appraisal_summary',
  sourceFilename: 'source_filename',
  sourceSha256: 'source_sha256',
  submittedAt: 'submitted_at',
  appraisedAt: 'appraised_at',
  approvedAt: 'approved_at',
  receivedAt: 'received_at',
  cancelledAt: 'cancelled_at',
  handoverDate: 'handover_date',
  filesListed: 'files_listed',
  filesMissing: 'files_missing',
  filesExtra: 'files_extra',
  filesDamaged: 'files_damaged',
  filesReceived: 'files_received',
} as const;

export type HeaderValues = Partial<Record<keyof typeof HEADER_COLUMNS, unknown>>;

function columnsOf(values: HeaderValues) {
  const entries = Object.entries(values).filter(([, v]) => v !== undefined) as [keyof typeof HEADER_COLUMNS, unknown][];
  const unknown = entries.find(([k]) => !(k in HEADER_COLUMNS));
  if (unknown) throw new Error(`handovers has no column for "${unknown[0]}"`);
  return { names: entries.map(([k]) => HEADER_COLUMNS[k]), params: entries.map(([, v]) => v) };
}

export async function insertHandover(tx: Queryable, values: HeaderValues, createdBy: number, at: Date): Promise<number> {
  const { names, params } = columnsOf(values);
  const n = params.length;
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO handovers (${[...names, 'created_by', 'created_at', 'updated_at'].join(', ')})
     VALUES (${[...params.map((_, i) => `$${i + 1}`), `$${n + 1}`, `$${n + 2}`, `$${n + 2}`].join(', ')})
     RETURNING id`,
    [...params, createdBy, at],
  );
  return row.id;
}

export async function updateHandover(tx: Queryable, id: number, values: HeaderValues, at: Date): Promise<void> {
  const { names, params } = columnsOf(values);
  const sets = [...names.map((c, i) => `${c} = $${i + 2}`), `updated_at = $${params.length + 2}`];
  await tx.query(`UPDATE handovers SET ${sets.join(', ')} WHERE id = $1`, [id, ...params, at]);
}

// ---------------------------------------------------------------- lookups for checks

export function findAgency(db: Queryable, id: number) {
  return one<{ id: number; code: string; name: string }>(db, `SELECT id, code, name FROM source_agencies WHERE id = $1`, [id]);
}

export function findFonds(db: Queryable, id: number) {
  return one<{ id: number; agencyId: number | null }>(db, `SELECT id, agency_id AS "agencyId" FROM fonds WHERE id = $1`, [id]);
}

export function findPlan(db: Queryable, id: number) {
  return one<{ id: number; recordsToYear: number; decisionNo: string; decisionDate: string; issuer: string; handoverPlanNo: string | null; handoverPlanDate: string | null }>(
    db,
    `SELECT id, records_to_year AS "recordsToYear", decision_no AS "decisionNo", decision_date AS "decisionDate", issuer,
            handover_plan_no AS "handoverPlanNo", handover_plan_date AS "handoverPlanDate"
       FROM collection_plans WHERE id = $1`,
    [id],
  );
}

export async function planHasAgency(db: Queryable, planId: number, agencyId: number): Promise<boolean> {
  return !!(await one(db, `SELECT 1 FROM collection_plan_agencies WHERE plan_id = $1 AND agency_id = $2`, [planId, agencyId]));
}

export function findBoxType(db: Queryable, id: number) {
  return one<{ id: number; widthCm: number }>(db, `SELECT id, width_cm AS "widthCm" FROM box_types WHERE id = $1`, [id]);
}
