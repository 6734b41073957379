/** Stacks layout, placement, capacity and yearly reports (contract: server/contract/stacks.ts). */
export type {
  BoxType,
  Capacity,
  LocatedFile,
  Occupancy,
  RepositoryNode,
  Room,
  Shelf,
  ShelfBox,
  ShelfUnit,
  Suggestion,
  YearlyReport,
} from '../../../server/contract/stacks.js';
