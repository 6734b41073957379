/** Reading-room circulation (pull list, Sổ giao nhận), copy orders, certification register, viewer windows, access requests. */
import { z } from 'zod';
import { Day, Timestamp } from './common.js';

export const PullListItem = z.object({
  lineId: z.number(), requestId: z.number(), requestYear: z.number(), requestNo: z.number(),
  readerId: z.number(), readerName: z.string(), readerCardNo: z.string().nullable(),
  recordFileId: z.number(), fileNotation: z.string(), fileCode: z.string().nullable(), title: z.string(), fondsCode: z.string().nullable(),
  boxCode: z.string().nullable(), boxPosition: z.number().nullable(),
  repositoryName: z.string().nullable(), roomName: z.string().nullable(), unitCode: z.string().nullable(), shelfCode: z.string().nullable(),
  shelfLabel: z.string().nullable(), dueAt: Timestamp,
});
export const PullList = z.object({ items: z.array(PullListItem) });
export type PullList = z.output<typeof PullList>;

export const ConditionCode = z.enum(['01', '02', '03', '04', '05', '06']);

export const Loan = z.object({
  id: z.number(), lineId: z.number(), requestId: z.number(), requestYear: z.number(), requestNo: z.number(),
  recordFileId: z.number(), fileNotation: z.string(), title: z.string(), readerId: z.number(), readerName: z.string(),
  handedOverByName: z.string(), receivedByName: z.string(), checkedOutAt: Timestamp, dueOn: Day,
  checkedInAt: Timestamp.nullable(), checkedInByName: z.string().nullable(), conditionCode: ConditionCode.nullable(),
  conditionNote: z.string().nullable(), reshelvedAt: Timestamp.nullable(), shelfLabel: z.string().nullable(), overdue: z.boolean(),
});
export type Loan = z.output<typeof Loan>;
export const LoanList = z.object({ items: z.array(Loan) });
export type LoanList = z.output<typeof LoanList>;

export const CopyStatus = z.enum(['quote', 'awaiting_payment', 'paid', 'copying', 'awaiting_signature', 'delivered', 'cancelled']);
export type CopyStatus = z.output<typeof CopyStatus>;

export const CopyOrder = z.object({
  id: z.number(), requestId: z.number(), requestYear: z.number(), requestNo: z.number(), readerName: z.string(),
  certified: z.boolean(), status: CopyStatus, statusLabel: z.string().optional(), pages: z.number(), certifications: z.number(),
  feePerPage: z.number(), feePerCertification: z.number(), currency: z.string(), totalFee: z.number(),
  receiptNo: z.string().nullable(), paidAt: Timestamp.nullable(), hasCopy: z.boolean(),
  certificationYear: z.number().nullable(), certificationNumber: z.number().nullable(), note: z.string().nullable(),
  createdAt: Timestamp, updatedAt: Timestamp,
});
export type CopyOrder = z.output<typeof CopyOrder>;
export const CopyOrderEvent = z.object({ id: z.number(), fromStatus: CopyStatus.nullable(), toStatus: CopyStatus, actorName: z.string(), at: Timestamp, note: z.string().nullable() });
export const CopyOrderDetail = CopyOrder.extend({ statusLabel: z.string(), next: z.array(CopyStatus), events: z.array(CopyOrderEvent) });
export type CopyOrderDetail = z.output<typeof CopyOrderDetail>;
export const CopyOrderList = z.object({ items: z.array(CopyOrder) });
export type CopyOrderList = z.output<typeof CopyOrderList>;

export const Certification = z.object({
  id: z.number(), year: z.number(), number: z.number(), copyOrderId: z.number(), requestId: z.number(), readerName: z.string(),
  filesText: z.string(), pages: z.number(), certifiedByName: z.string(), certifiedAt: Timestamp,
});
export const CertificationRegister = z.object({ year: z.number(), items: z.array(Certification) });
export type CertificationRegister = z.output<typeof CertificationRegister>;

export const ViewingWindow = z.object({
  id: z.number(), requestId: z.number(), lineId: z.number(), userId: z.number(), recordFileId: z.number(), opensOn: Day, expiresOn: Day, active: z.boolean(),
});
export type ViewingWindow = z.output<typeof ViewingWindow>;
export const ViewingWindowList = z.object({ items: z.array(ViewingWindow) });

export const FileAccess = z.discriminatedUnion('state', [
  z.object({ state: z.literal('visible'), recordFileId: z.number() }),
  z.object({ state: z.literal('restricted'), recordFileId: z.number(), title: z.string(), pendingRequestId: z.number().nullable() }),
]);
export type FileAccess = z.output<typeof FileAccess>;

export const AccessRequestCreated = z.object({ id: z.number(), requestNo: z.number(), requestYear: z.number(), dueAt: Timestamp });
export type AccessRequestCreated = z.output<typeof AccessRequestCreated>;
export const PendingAccessRequest = z.object({
  id: z.number(), requestYear: z.number(), requestNo: z.number(), status: z.string(), approvalLevel: z.string().nullable(), readerName: z.string(), username: z.string().nullable(),
  recordFileId: z.number(), fileNotation: z.string(), fileTitle: z.string(), lineId: z.number(), purpose: z.string().nullable(),
  submittedAt: Timestamp, dueAt: Timestamp,
});
export type PendingAccessRequest = z.output<typeof PendingAccessRequest>;
export const PendingAccessRequestList = z.object({ items: z.array(PendingAccessRequest) });
export const AccessDecided = z.object({ id: z.number(), status: z.string(), approvalLevel: z.string().nullable() });
