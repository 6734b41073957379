/** Use cases that put boxes on shelves: the receipt of a handover, and the suggestion staff see beforehand. */
import { recordEvent } from '../audit/audit.repository.js';
import type { Db, Queryable } from '../db/db.js';
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import { system, type Actor } from '../core/actor.js';
import * as boxesRepo from './boxes.repository.js';
import type { BoxType } from './boxes.repository.js';
import { roundM } from '../core/metres.js';
import { countPerShelf, fillInOrder, suggestRun, type ShelfSpace } from './placement.js';
import { listShelves, shelfLabel, shelvesByIds, type ShelfRow } from './stacks.repository.js';

export const DEFAULT_BOX_TYPE_CODE = 'STD';

// Any constant works; it only has to be the same for every placement, so two receipts never pick the same free space.
const PLACEMENT_LOCK_KEY = 7_301_001;

export interface PlaceHandoverBoxesInput {
  handoverId: number;
  agencyId: number;
  fondsId: number | null;
  /** Distinct "Hộp số" values of the inventory, in order. */
  boxNos: string[];
  boxTypeId: number | null;
  /** Staff-chosen shelves, filled in this order; omitted → the suggested run. */
  shelfIds?: number[];
}

export interface PlacedBox { id: number; code: string; boxNo: string; shelfId: number }

const stacksFull = (boxes: number) =>
  ERRORS.stacksFull(boxes);

function toSpace(s: ShelfRow): ShelfSpace {
  return { shelfId: s.shelfId, roomId: s.roomId, unitId: s.unitId, freeCm: s.capacityM * 100 - s.usedCm, empty: s.boxes === 0 };
}

export function createBoxPlacement(deps: Deps) {
  /**
   * The default type is seeded here rather than in a migration because its width is configuration
   * (BOX_WIDTH_CM) and a migration would freeze whatever value the first start-up had.
   */
  async function ensureDefaultBoxType(db: Queryable): Promise<BoxType> {
    const existing = await boxesRepo.findBoxTypeByCode(db, DEFAULT_BOX_TYPE_CODE);
    if (existing) return existing;
    // Called with the pool (a read such as GET /api/box-types) it opens its own transaction; inside one, it joins it.
    return 'transaction' in db ? (db as Db).transaction((tx) => seedDefault(tx)) : seedDefault(db);
  }

  async function seedDefault(tx: Queryable): Promise<BoxType> {
    const widthCm = deps.config.BOX_WIDTH_CM;
    const created = await boxesRepo.insertBoxType(tx, { code: DEFAULT_BOX_TYPE_CODE, name: `Hộp tiêu chuẩn ${widthCm} cm`, widthCm });
    if (!created) return (await boxesRepo.findBoxTypeByCode(tx, DEFAULT_BOX_TYPE_CODE))!;
    await recordEvent(tx, system('default box type'), { entityType: 'box_type', entityId: created.id, action: 'box_type.created', after: created, at: deps.clock() });
    return created;
  }

  async function resolveBoxType(db: Queryable, boxTypeId: number | null | undefined): Promise<BoxType> {
    if (boxTypeId == null) return ensureDefaultBoxType(db);
    const t = await boxesRepo.findBoxType(db, boxTypeId);
    if (!t) throw ERRORS.boxTypeIdNotFound(boxTypeId);
    return t;
  }

  async function placeHandoverBoxes(
    tx: Queryable,
    actor: Actor,
    input: PlaceHandoverBoxesInput,
  ): Promise<{ boxes: PlacedBox[]; estimatedMetres: number }> {
    const boxNos = input.boxNos.map((b) => String(b).normalize('NFC').trim());
    if (boxNos.some((b) => b === '')) throw ERRORS.boxNoInvalid();
    if (new Set(boxNos).size !== boxNos.length) throw ERRORS.boxNoDuplicate();
    if (boxNos.length === 0) return { boxes: [], estimatedMetres: 0 };

    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [PLACEMENT_LOCK_KEY]);
    if ((await boxesRepo.countHandoverBoxes(tx, input.handoverId)) > 0) {
      throw ERRORS.boxesAlreadyPlaced(input.handoverId);
    }
    const type = await resolveBoxType(tx, input.boxTypeId);
    const widths = boxNos.map(() => type.widthCm);

    let shelves: ShelfRow[];
    let assignment: number[] | null;
    if (input.shelfIds && input.shelfIds.length > 0) {
      const wanted = [...new Set(input.shelfIds)];
      const found = new Map((await shelvesByIds(tx, wanted)).map((s) => [s.shelfId, s]));
      const missing = wanted.filter((id) => !found.has(id));
      if (missing.length) {
        throw ERRORS.shelfNotFound(missing);
      }
      shelves = wanted.map((id) => found.get(id)!);
      assignment = fillInOrder(shelves.map(toSpace), widths);
    } else {
      shelves = await listShelves(tx);
      assignment = suggestRun(shelves.map(toSpace), widths);
    }
    if (!assignment) throw stacksFull(boxNos.length);

    const nextPosition = new Map(shelves.map((s) => [s.shelfId, s.maxPosition + 1]));
    const boxes: PlacedBox[] = [];
    for (let i = 0; i < boxNos.length; i++) {
      const shelfId = assignment[i];
      const position = nextPosition.get(shelfId)!;
      nextPosition.set(shelfId, position + 1);
      const code = `H-${input.handoverId}-${boxNos[i]}`;
      const { id } = await boxesRepo.insertBox(tx, {
        code, boxTypeId: type.id, shelfId, position, agencyId: input.agencyId, fondsId: input.fondsId, handoverId: input.handoverId, boxNo: boxNos[i],
      });
      boxes.push({ id, code, boxNo: boxNos[i], shelfId });
    }
    const filesLinked = await boxesRepo.linkFilesToBoxes(tx, input.handoverId);
    const estimatedMetres = roundM(widths.reduce((a, w) => a + w, 0) / 100);
    await recordEvent(tx, actor, {
      entityType: 'handover',
      entityId: input.handoverId,
      action: 'stacks.boxes_placed',
      data: { boxTypeId: type.id, widthCm: type.widthCm, chosenShelves: input.shelfIds ?? null, estimatedMetres, filesLinked, boxes },
      at: deps.clock(),
    });
    return { boxes, estimatedMetres };
  }

  async function suggest(q: { boxes: number; boxTypeId?: number }) {
    const type = await resolveBoxType(deps.db, q.boxTypeId);
    const shelves = await listShelves(deps.db);
    const assignment = suggestRun(shelves.map(toSpace), Array.from({ length: q.boxes }, () => type.widthCm));
    if (!assignment) return { fits: false, shelves: [] };
    const byId = new Map(shelves.map((s) => [s.shelfId, s]));
    return {
      fits: true,
      shelves: countPerShelf(assignment).map(({ shelfId, boxes }) => ({ shelfId, label: shelfLabel(byId.get(shelfId)!), boxes })),
    };
  }

  return { ensureDefaultBoxType, resolveBoxType, placeHandoverBoxes, suggest };
}
