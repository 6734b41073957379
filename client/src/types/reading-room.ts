/** Readers, finding aids, cart and request slips (contract: server/contract/reading-room.ts). */
import type { z } from 'zod';
import type * as C from '../../../server/contract/reading-room.js';

export type Reader = z.output<typeof C.Reader>;
export type ReaderList = z.output<typeof C.ReaderList>;
export type FondsEntry = z.output<typeof C.FondsEntry>;
export type FondsInventories = z.output<typeof C.FondsInventories>;
export type FindingFile = z.output<typeof C.FindingFile>;
export type FindingFilePage = z.output<typeof C.FindingFilePage>;
export type Cart = z.output<typeof C.Cart>;
export type CartAdded = z.output<typeof C.CartAdded>;
export type AccessRequest = z.output<typeof C.AccessRequest>;
export type AccessRequestSummary = z.output<typeof C.AccessRequestSummary>;
export type ReadingReport = z.output<typeof C.ReadingReport>;
export type RequestKind = z.output<typeof C.RequestKind>;
export type SlaState = z.output<typeof C.SlaState>;
