/** Contract of document-metadata proposals read from a first page (ocr/documents/). */

/** [x0, y0, x1, y1] in master-image pixels. */
export type Box = [number, number, number, number];

export const PROPOSAL_FIELDS = ['typeName', 'codeNumber', 'codeNotation', 'issuedDate', 'place', 'parentOrgan', 'organName', 'subject'] as const;
export type ProposalField = (typeof PROPOSAL_FIELDS)[number];

export interface ProposedValue {
  /** As a digitiser would type it (NFC); issuedDate as ISO yyyy-mm-dd; null when the page shows none. */
  value: string | null;
  /** Where it was read, master pixels; null when nothing was read (e.g. a công văn's type). */
  box: Box | null;
  /** 0–100: the OCR confidence of the weakest word it came from, lowered when the parser had to guess. */
  confidence: number;
}

export type DocumentFields = Record<ProposalField, ProposedValue>;

export interface DocumentStartSignals {
  motto: boolean;
  organBlock: boolean;
  numberLine: boolean;
}

export interface FirstPageReading {
  fields: DocumentFields;
  /** Does this page open a document? (motto, organ block, number line; two of three suffice). */
  start: DocumentStartSignals & { isStart: boolean };
  /** Raw text of the blocks, for display and debugging. */
  blocks: { left: string; right: string; title: string };
}
