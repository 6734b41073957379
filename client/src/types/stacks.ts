/** Stacks layout, placement, capacity and yearly reports (contract: Stacks and reports). */
export interface BoxType {
  id: number;
  code: string;
  name: string;
  widthCm: number;
}

export interface Occupancy {
  capacityM: number;
  usedM: number;
  freeM: number;
}

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

export interface LocatedFile {
  fileId: number;
  fileCode: string | null;
  fileNotation: string;
  title: string;
  agencyName: string;
  fondsCode: string | null;
  boxCode: string | null;
  boxNo: string | null;
  shelfLabel: string | null;
  path: string | null;
}

export interface ShelfBox {
  id: number;
  code: string;
  boxNo: string | null;
  agencyName: string | null;
  handoverId: number | null;
  widthCm: number;
}

export interface YearlyReport {
  year: number;
  filesReceived: number;
  handoversReceived: number;
  agenciesDeposited: number;
  metresReceived: { measured: number; estimated: number };
  holdings: { files: number; agencies: number; metres: { measured: number; estimated: number } };
}
