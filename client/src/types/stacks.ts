/** Stacks layout, placement, capacity and yearly reports (contract: Stacks and reports). */
import type { LocatedFile as LocatedFileRow } from '../../../server/stacks/boxes.repository.js';
import type { Occupancy } from '../../../server/stacks/layout.service.js';

export type { BoxType, ShelfBox } from '../../../server/stacks/boxes.repository.js';
export type { Occupancy } from '../../../server/stacks/layout.service.js';
export type { YearlyFigures as YearlyReport } from '../../../server/reports/yearly-figures.js';

export interface Shelf extends Occupancy {
  id: number;
  code: string;
  label: string;
  boxes: number;
}

export interface ShelfUnit {
  id: number;
  code: string;
  shelves: Shelf[];
}

export interface Room extends Occupancy {
  id: number;
  code: string;
  name: string;
  units: ShelfUnit[];
}

export interface RepositoryNode extends Occupancy {
  id: number;
  code: string;
  name: string;
  rooms: Room[];
}

export interface Suggestion {
  fits: boolean;
  shelves: { shelfId: number; label: string; boxes: number }[];
}

export interface Capacity {
  totals: Occupancy;
  repositories: (Occupancy & { id: number; name: string; rooms: (Occupancy & { id: number; name: string })[] })[];
  intake: { metresPerYear: number; basisYears: number[] | number; measuredMetres: number; estimatedMetres: number };
  forecast: { yearsUntilFull: number | null; fullByYear: number | null };
}

/** The stacks service turns the shelf's parts into one label (and path) for the reader. */
export type LocatedFile = Omit<LocatedFileRow, 'repositoryName' | 'roomName' | 'unitCode' | 'shelfCode'> & {
  shelfLabel: string | null;
  path: string | null;
};
