/** Stacks (kho, giá, hộp): layout, placement of boxes, finding a file on the shelves, capacity. */
import { recordEvent } from '../audit/audit.repository.js';
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { createBoxPlacement } from './box-placement.service.js';
import * as boxesRepo from './boxes.repository.js';
import { createLayout } from './layout.service.js';
import { createStacksPrint } from './print.service.js';
import { shelvesByIds } from './stacks.repository.js';
import { filesOut } from '../reading-room/circulation.repository.js';
import { fileLocations, locationText, outFilesOfBoxes, placeLabel } from './file-locations.js';

export type { PlaceHandoverBoxesInput, PlacedBox } from './box-placement.service.js';

const LOCATE_LIMIT = 100;

export function createStacksService(deps: Deps) {
  const placement = createBoxPlacement(deps);
  const layout = createLayout(deps);
  const print = createStacksPrint(deps);

  async function listBoxTypes() {
    await placement.ensureDefaultBoxType(deps.db);
    return { items: await boxesRepo.listBoxTypes(deps.db) };
  }

  async function createBoxType(actor: Actor, input: { code: string; name: string; widthCm: number }) {
    return deps.db.transaction(async (tx) => {
      if (await boxesRepo.findBoxTypeByCode(tx, input.code)) {
        throw ERRORS.stacksCodeTaken('loại hộp', input.code);
      }
      const created = (await boxesRepo.insertBoxType(tx, input))!;
      await recordEvent(tx, actor, { entityType: 'box_type', entityId: created.id, action: 'box_type.created', after: created, at: deps.clock() });
      return created;
    });
  }

  async function shelfBoxes(shelfId: number) {
    const [shelf] = await shelvesByIds(deps.db, [shelfId]);
    if (!shelf) throw ERRORS.notFound('giá/tầng');
    const boxes = await boxesRepo.boxesOnShelf(deps.db, shelfId);
    const out = await outFilesOfBoxes(deps.db, boxes.map((b) => b.id));
    return { items: boxes.map((b) => ({ ...b, outFiles: out.get(b.id) ?? [] })) };
  }

  /** A box code (scanned off a label) finds the box; a file code or number finds the files. */
  async function locate(code: string) {
    const label = placeLabel;
    const [box, rows] = await Promise.all([boxesRepo.locateBox(deps.db, code), boxesRepo.locateFiles(deps.db, code, LOCATE_LIMIT)]);
    const out = await filesOut(deps.db, rows.map((r) => r.fileId));
    return {
      box: box ? (({ repositoryName, roomName, unitCode, shelfCode, ...b }) => ({ ...b, shelfLabel: label(box) }))(box) : null,
      items: rows.map(({ repositoryName, roomName, unitCode, shelfCode, ...r }) => {
        const l = label({ repositoryName, roomName, unitCode, shelfCode });
        // A file checked out to the reading room is not where its box is: say so instead of sending staff to the shelf.
        return { ...r, shelfLabel: l, path: locationText(l, out.has(r.fileId)) };
      }),
    };
  }

  return {
    ...layout,
    ...print,
    listBoxTypes,
    createBoxType,
    shelfBoxes,
    locate,
    /** Location text per file (shelf, or "đang phục vụ độc giả"), for staff search hits. */
    fileLocations: (fileIds: number[]) => fileLocations(deps.db, fileIds),
    suggest: placement.suggest,
    /** For the handover receipt, inside its transaction: see the contract in box-placement.service.ts. */
    placeHandoverBoxes: placement.placeHandoverBoxes,
  };
}

export type StacksService = ReturnType<typeof createStacksService>;
