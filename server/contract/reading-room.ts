/** Reading room (phòng đọc): readers, finding aids, the request cart, request slips and their decisions. DOMAIN.md §6. */
import { z } from 'zod';
import { Day, Timestamp, list, paged } from './common.js';

export const ReaderStatus = z.enum(['pending', 'verified', 'rejected']);
export const IdDocumentKind = z.enum(['cccd', 'passport', 'other']);
export const RequestKind = z.enum(['read', 'copy', 'certified_copy', 'access']);
export const RequestChannel = z.enum(['online', 'in_person', 'post']);
export const RequestStatus = z.enum(['submitted', 'needs_info', 'approved', 'refused', 'cancelled', 'served', 'closed']);
export const ApprovalLevel = z.enum(['reading_room_head', 'director']);
export const SlaState = z.enum(['on_time', 'warning', 'overdue', 'met', 'breached']);

export const Reader = z.object({
  id: z.number(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  fullName: z.string(),
  idDocumentKind: IdDocumentKind,
  idDocumentNo: z.string(),
  birthYear: z.number().nullable(),
  organisation: z.string().nullable(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  purpose: z.string(),
  researchTopic: z.string().nullable(),
  registeredVia: z.enum(['online', 'counter']),
  hasLetter: z.boolean(),
  letterName: z.string().nullable(),
  letterContentType: z.string().nullable(),
  letterBytes: z.number().nullable(),
  status: ReaderStatus,
  statusReason: z.string().nullable(),
  cardNo: z.string().nullable(),
  cardValidFrom: Day.nullable(),
  cardValidUntil: Day.nullable(),
  verifiedByName: z.string().nullable(),
  verifiedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Reader = z.output<typeof Reader>;
export const ReaderList = paged(Reader);

export const FondsEntry = z.object({
  id: z.number(), code: z.string(), name: z.string(), startYear: z.number().nullable(), endYear: z.number().nullable(),
  inventories: z.number(), files: z.number(),
});
export const FondsEntryList = list(FondsEntry);

/** A mục lục of a fonds (file_metadata.file_catalog); `catalog` null = files not yet listed in one. */
export const InventoryEntry = z.object({ catalog: z.string().nullable(), files: z.number(), fromYear: z.number().nullable(), toYear: z.number().nullable() });
export const FondsInventories = z.object({ fonds: FondsEntry, inventories: z.array(InventoryEntry) });

export const FindingFile = z.object({
  id: z.number(),
  fileNotation: z.string(),
  fileCode: z.string().nullable(),
  title: z.string(),
  startDate: Day.nullable(),
  endDate: Day,
  dateText: z.string().nullable(),
  sheets: z.number().nullable(),
  fondsId: z.number().nullable(),
  fondsCode: z.string().nullable(),
  fondsName: z.string().nullable(),
  catalog: z.string().nullable(),
  boxId: z.number().nullable(),
  boxCode: z.string().nullable(),
  /** Restricted (hạn chế / tiếp cận có điều kiện): the title shows, the content does not without approval. */
  restricted: z.boolean(),
  digitised: z.boolean(),
});
export type FindingFile = z.output<typeof FindingFile>;
export const FindingFilePage = paged(FindingFile);

export const Cart = z.object({ items: z.array(FindingFile), maxFiles: z.number() });
export const CartAdded = Cart.extend({ added: z.number(), alreadyInCart: z.number() });

export const RequestLine = z.object({
  id: z.number(),
  recordFileId: z.number(),
  fileNotation: z.string(),
  title: z.string(),
  fondsCode: z.string().nullable(),
  catalog: z.string().nullable(),
  restricted: z.boolean(),
  pageFrom: z.number().nullable(),
  pageTo: z.number().nullable(),
  serveAs: z.enum(['original', 'digital']),
  overrideReason: z.string().nullable(),
});

export const RequestDecision = z.object({
  id: z.number(),
  decision: z.enum(['approve', 'refuse', 'ask_info', 'escalate', 'reply', 'cancel']),
  level: z.enum(['reading_room_head', 'director', 'reader']).nullable(),
  reason: z.string().nullable(),
  decidedByName: z.string(),
  decidedAt: Timestamp,
});

export const AccessRequestSummary = z.object({
  id: z.number(),
  /** The request register's number, "12/2026". */
  number: z.string(),
  readerId: z.number(),
  readerName: z.string(),
  readerCardNo: z.string().nullable(),
  kind: RequestKind,
  channel: RequestChannel,
  status: RequestStatus,
  approvalLevel: ApprovalLevel.nullable(),
  restricted: z.boolean(),
  lineCount: z.number(),
  submittedAt: Timestamp,
  slaWorkingDays: z.number(),
  dueAt: Timestamp,
  dueDay: Day,
  sla: SlaState,
  decidedAt: Timestamp.nullable(),
  servedAt: Timestamp.nullable(),
});
export const AccessRequest = AccessRequestSummary.extend({
  purpose: z.string().nullable(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  lines: z.array(RequestLine),
  decisions: z.array(RequestDecision),
});
export type AccessRequest = z.output<typeof AccessRequest>;
export const AccessRequestList = list(AccessRequestSummary);

export const ServabilityProblemSchema = z.object({ recordFileId: z.number(), fileNotation: z.string().nullable(), code: z.string(), message: z.string() });

const Count = z.object({ key: z.string(), count: z.number() });
export const ReadingReport = z.object({
  year: z.number(),
  month: z.number().nullable(),
  readersRegistered: z.number(),
  readersServed: z.number(),
  requestsByKind: z.array(Count),
  requestsByOutcome: z.array(Count),
  filesIssued: z.number(),
  slaMet: z.number(),
  slaBreached: z.number(),
  months: z.array(z.object({ month: z.number(), readersServed: z.number(), requests: z.number(), filesIssued: z.number(), slaMet: z.number(), slaBreached: z.number() })),
});
export type ReadingReport = z.output<typeof ReadingReport>;

export const ReadingHold = z.object({
  id: z.number(), recordFileId: z.number(), fileNotation: z.string(), title: z.string(), reason: z.enum(['processing', 'restoration']),
  note: z.string().nullable(), untilDay: Day.nullable(), liftedAt: Timestamp.nullable(), createdByName: z.string().nullable(), createdAt: Timestamp, active: z.boolean(),
});
export const ReadingHoldList = list(ReadingHold);
