/** Stacks layout, placement, capacity and yearly reports (contract: server/contract/stacks.ts). */
export type {
  BoxType,
  Capacity,
  Located,
  LocatedBox,
  LocatedFile,
  Occupancy,
  RepositoryNode,
  Room,
  Shelf,
  ShelfBox,
  ShelfUnit,
  Suggestion,
  YearlyReport,
  YearlySeries,
} from '../../../server/contract/stacks.js';
