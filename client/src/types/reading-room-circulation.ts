/** Circulation, copy orders, certification register, viewer windows, access requests (contract: server/contract/reading-room-circulation.ts). */
export type {
  AccessRequestCreated, CertificationRegister, CopyOrder, CopyOrderDetail, CopyOrderList, CopyStatus, FileAccess, Loan, LoanList,
  PendingAccessRequest, PullList, ViewingWindow,
} from '../../../server/contract/reading-room-circulation.js';
