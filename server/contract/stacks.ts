/** Stacks layout, box types, placement suggestions, capacity, file location, and the yearly figures. */
import { z } from 'zod';
import { list } from './common.js';

export const Occupancy = z.object({ capacityM: z.number(), usedM: z.number(), freeM: z.number() });
export type Occupancy = z.output<typeof Occupancy>;

export const BoxType = z.object({ id: z.number(), code: z.string(), name: z.string(), widthCm: z.number() });
export type BoxType = z.output<typeof BoxType>;
export const BoxTypeList = list(BoxType);

export const Shelf = Occupancy.extend({ id: z.number(), code: z.string(), ordinal: z.number(), label: z.string(), boxes: z.number() });
export type Shelf = z.output<typeof Shelf>;
export const ShelfUnit = Occupancy.extend({ id: z.number(), code: z.string(), ordinal: z.number(), shelves: z.array(Shelf) });
export type ShelfUnit = z.output<typeof ShelfUnit>;
export const Room = Occupancy.extend({ id: z.number(), code: z.string(), name: z.string(), areaM2: z.number().nullable(), units: z.array(ShelfUnit) });
export type Room = z.output<typeof Room>;
export const RepositoryNode = Occupancy.extend({ id: z.number(), code: z.string(), name: z.string(), address: z.string().nullable(), rooms: z.array(Room) });
export type RepositoryNode = z.output<typeof RepositoryNode>;
export const StacksTree = z.object({ repositories: z.array(RepositoryNode) });

export const RepositoryCreated = z.object({ id: z.number(), code: z.string(), name: z.string(), address: z.string().nullable() });
export const RoomCreated = z.object({ id: z.number(), repositoryId: z.number(), code: z.string(), name: z.string(), areaM2: z.number().nullable() });
export const ShelfUnitCreated = z.object({ id: z.number(), roomId: z.number(), code: z.string(), ordinal: z.number(), shelves: z.array(Shelf) });

export const ShelfBox = z.object({
  id: z.number(),
  code: z.string(),
  boxNo: z.string().nullable(),
  agencyName: z.string().nullable(),
  handoverId: z.number().nullable(),
  widthCm: z.number(),
  /** Files of this box out to the reading room now (their place reads "đang phục vụ độc giả"); empty when none. */
  outFiles: z.array(z.object({ fileId: z.number(), fileNotation: z.string(), title: z.string() })),
});
export type ShelfBox = z.output<typeof ShelfBox>;
export const ShelfBoxList = list(ShelfBox);

export const Suggestion = z.object({
  fits: z.boolean(),
  shelves: z.array(z.object({ shelfId: z.number(), label: z.string(), boxes: z.number() })),
});
export type Suggestion = z.output<typeof Suggestion>;

export const Capacity = z.object({
  currentYear: z.number(),
  totals: Occupancy,
  repositories: z.array(
    Occupancy.extend({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      rooms: z.array(Occupancy.extend({ id: z.number(), code: z.string(), name: z.string() })),
    }),
  ),
  intake: z.object({ metresPerYear: z.number(), basisYears: z.array(z.number()), measuredMetres: z.number(), estimatedMetres: z.number() }),
  forecast: z.object({ yearsUntilFull: z.number().nullable(), fullByYear: z.number().nullable() }),
});
export type Capacity = z.output<typeof Capacity>;

export const LocatedFile = z.object({
  fileId: z.number(),
  fileCode: z.string().nullable(),
  fileNotation: z.string(),
  title: z.string(),
  agencyName: z.string(),
  fondsCode: z.string().nullable(),
  boxId: z.number(),
  boxCode: z.string(),
  boxNo: z.string().nullable(),
  shelfId: z.number().nullable(),
  roomId: z.number().nullable(),
  shelfLabel: z.string().nullable(),
  path: z.string().nullable(),
});
export type LocatedFile = z.output<typeof LocatedFile>;
/** A box found by its code (what a scanner reads off the label). */
export const LocatedBox = z.object({
  boxId: z.number(),
  code: z.string(),
  boxNo: z.string().nullable(),
  agencyName: z.string().nullable(),
  fondsCode: z.string().nullable(),
  handoverId: z.number().nullable(),
  files: z.number(),
  shelfId: z.number().nullable(),
  roomId: z.number().nullable(),
  shelfLabel: z.string().nullable(),
});
export type LocatedBox = z.output<typeof LocatedBox>;
export const Located = z.object({ box: LocatedBox.nullable(), items: z.array(LocatedFile) });
export type Located = z.output<typeof Located>;

const Metres = z.object({ measured: z.number(), estimated: z.number() });
export const YearlyReport = z.object({
  year: z.number(),
  filesReceived: z.number(),
  handoversReceived: z.number(),
  agenciesDeposited: z.number(),
  metresReceived: Metres,
  agenciesAppraised: z.number(),
  pagesDigitised: z.number(),
  /** Files and metres through the final processing step (p21) in the year. */
  processed: z.object({ files: z.number(), metres: z.number() }),
  pagesRestored: z.number(),
  holdings: z.object({ files: z.number(), agencies: z.number(), metres: Metres, pagesDigitised: z.number() }),
  /** Reading room (server/reading-room/reading-reports.ts): readers served, slips, files issued, SLA met / breached. */
  readingRoom: z.object({ readersServed: z.number(), requests: z.number(), filesIssued: z.number(), slaMet: z.number(), slaBreached: z.number() }).optional(),
});
export type YearlyReport = z.output<typeof YearlyReport>;
export const YearlySeries = z.object({ from: z.number(), to: z.number(), years: z.array(YearlyReport) });
export type YearlySeries = z.output<typeof YearlySeries>;
