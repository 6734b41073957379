/** Reading-room circulation, copy orders, the certification register and access to restricted files. */
import { download, get, id, post, qs, request } from './transport.js';
import type * as T from '../types/reading-room-circulation.js';
import type { Grant } from '../../../server/contract/access.js';

export const readingRoomCirculationApi = {
  circ: {
    pullList: (requestId?: number) => get<T.PullList>('/api/reading-room/pull-list', { requestId }),
    pullListPdf: () => download('/api/reading-room/pull-list.pdf', 'danh-sach-xuat-kho.pdf'),
    checkOut: (b: { lineId: number; receivedByName: string }) => post<T.Loan>('/api/reading-room/loans', b),
    loans: (state: string) => get<T.LoanList>('/api/reading-room/loans', { state }),
    checkIn: (loanId: number, b: { conditionCode: string; conditionNote?: string | null }) => post<T.Loan>(`/api/reading-room/loans/${id(loanId)}/check-in`, b),
    reshelve: (loanId: number) => post<T.Loan>(`/api/reading-room/loans/${id(loanId)}/reshelve`, {}),
    copyOrders: () => get<T.CopyOrderList>('/api/reading-room/copy-orders'),
    copyOrder: (orderId: number) => get<T.CopyOrderDetail>(`/api/reading-room/copy-orders/${id(orderId)}`),
    quote: (b: { requestId: number; pages?: number }) => post<T.CopyOrder>('/api/reading-room/copy-orders', b),
    transition: (orderId: number, b: { to: T.CopyStatus; receiptNo?: string }) => post<T.CopyOrder>(`/api/reading-room/copy-orders/${id(orderId)}/transition`, b),
    copyPdf: (orderId: number) => download(`/api/reading-room/copy-orders/${id(orderId)}/copy.pdf`, 'ban-sao.pdf'),
    certificatePdf: (orderId: number) => download(`/api/reading-room/copy-orders/${id(orderId)}/certificate.pdf`, 'chung-thuc.pdf'),
    register: (year?: number) => get<T.CertificationRegister>('/api/reading-room/certification-register', { year }),
    fileAccess: (fileId: number) => get<T.FileAccess>(`/api/reading-room/files/${id(fileId)}/access`),
    pageAccess: (pageId: number) => get<T.FileAccess>(`/api/reading-room/pages/${id(pageId)}/access`),
    requestAccess: (b: { recordFileId: number; purpose?: string | null }) => post<T.AccessRequestCreated>('/api/reading-room/access-requests', b),
    pendingAccess: () => get<{ items: T.PendingAccessRequest[] }>('/api/reading-room/access-requests/pending'),
    decideAccess: (requestId: number, b: { decision: 'approve' | 'refuse'; reason?: string | null }) =>
      post<{ id: number; status: string }>(`/api/reading-room/access-requests/${id(requestId)}/decision`, b),
    grants: () => get<Grant[]>('/api/access-grants'),
    revokeGrant: (grantId: number) => request<unknown>('DELETE', `/api/access-grants/${id(grantId)}`),
    downloadPage: (pageId: number) => download(`/api/reading-room/pages/${id(pageId)}/download`, `trang-${pageId}.jpg`),
    downloadFile: (fileId: number, from?: number, to?: number) => download(`/api/reading-room/files/${id(fileId)}/download.pdf${qs({ from, to })}`, `ho-so-${fileId}.pdf`),
  },
};
