/** Shapes shared by the inventory parser, the services and the HTTP responses. */

/** One thing wrong (or worth a look) in an uploaded file: the import kernel's problem type. */
export type { ImportProblem as Problem } from '../../spreadsheet/problems.js';

/** One validated file (hồ sơ) ready to be stored in record_files. */
export interface InventoryRecord {
  sourceRow: number;
  rowNo: number;
  fileNotation: string;
  title: string;
  startDate: string | null;
  endDate: string;
  dateText: string;
  retention: string;
  permanent: boolean;
  sheets: number;
  boxNo: string | null;
  accessLevel: 'unrestricted' | 'restricted';
  secrecy: 'mat' | 'toi_mat' | 'tuyet_mat' | null;
  declassifiedYear: number | null;
  currentArchiveDepositYear: number | null;
  specialLawYears: number | null;
  physicalCondition: string | null;
  notes: string | null;
}

export interface InventorySummary {
  files: number;
  boxes: number;
  sheets: number;
  fromYear: number | null;
  toYear: number | null;
  estimatedMetres: number;
  filesPerMetre: number | null;
  ratioFlag: null | 'low' | 'high';
}
