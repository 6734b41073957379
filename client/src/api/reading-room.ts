/** Reading room, part 1: readers, finding aids, the cart, request slips and decisions. */
import { download, get, id, post, put, request, upload, type Query } from './transport.js';
import type * as T from '../types/reading-room.js';

export interface RegistrationInput {
  username: string; password: string; fullName: string; idDocumentKind: 'cccd' | 'passport' | 'other'; idDocumentNo: string;
  birthYear?: number | null; organisation?: string | null; position?: string | null; phone?: string | null; email?: string | null;
  purpose: string; researchTopic?: string | null;
}
export interface LineInput { recordFileId: number; pageFrom?: number | null; pageTo?: number | null }

export const readingRoomApi = {
  rr: {
    register: (b: RegistrationInput) => post<T.Reader>('/api/reading-room/register', b),
    me: () => get<T.Reader>('/api/reading-room/me'),
    uploadMyLetter: (file: File) => upload<T.Reader>('/api/reading-room/me/letter', file, 'letter'),
    readers: (q: Query) => get<T.ReaderList>('/api/reading-room/readers', q),
    reader: (readerId: number) => get<T.Reader>(`/api/reading-room/readers/${id(readerId)}`),
    readersXlsx: () => download('/api/reading-room/readers.xlsx', 'so-dang-ky-doc-gia.xlsx'),
    letter: (readerId: number) => download(`/api/reading-room/readers/${id(readerId)}/letter`, `giay-gioi-thieu-${readerId}`),
    verify: (readerId: number, validUntil?: string | null) => post<T.Reader>(`/api/reading-room/readers/${id(readerId)}/verify`, { validUntil: validUntil || null }),
    reject: (readerId: number, reason: string) => post<T.Reader>(`/api/reading-room/readers/${id(readerId)}/reject`, { reason }),
    fonds: () => get<{ items: T.FondsEntry[] }>('/api/reading-room/fonds'),
    inventories: (fondsId: number) => get<T.FondsInventories>(`/api/reading-room/fonds/${id(fondsId)}`),
    files: (q: Query) => get<T.FindingFilePage>('/api/reading-room/files', q),
    cart: () => get<T.Cart>('/api/reading-room/cart'),
    addToCart: (b: { recordFileIds?: number[]; boxId?: number }) => post<T.CartAdded>('/api/reading-room/cart', b),
    removeFromCart: (fileId: number) => request<T.Cart>('DELETE', `/api/reading-room/cart/${id(fileId)}`),
    submit: (b: { kind: T.RequestKind; purpose?: string | null; note?: string | null; lines?: LineInput[] }) => post<T.AccessRequest>('/api/reading-room/requests/submit', b),
    submitForReader: (b: { readerId: number; kind: T.RequestKind; channel: 'in_person' | 'post' | 'online'; lines: LineInput[] }) => post<T.AccessRequest>('/api/reading-room/requests', b),
    myRequests: () => get<{ items: T.AccessRequest[] }>('/api/reading-room/requests/mine'),
    queue: (q: Query) => get<{ items: T.AccessRequestSummary[] }>('/api/reading-room/requests', q),
    request: (requestId: number) => get<T.AccessRequest>(`/api/reading-room/requests/${id(requestId)}`),
    decide: (requestId: number, b: { decision: 'approve' | 'refuse' | 'ask_info'; reason?: string | null }) => post<T.AccessRequest>(`/api/reading-room/requests/${id(requestId)}/decisions`, b),
    serveAs: (requestId: number, lineId: number, b: { serveAs: 'original' | 'digital'; reason?: string | null }) =>
      post<T.AccessRequest>(`/api/reading-room/requests/${id(requestId)}/lines/${id(lineId)}/serve-as`, b),
    reply: (requestId: number, message: string) => post<T.AccessRequest>(`/api/reading-room/requests/${id(requestId)}/reply`, { message }),
    cancel: (requestId: number) => post<T.AccessRequest>(`/api/reading-room/requests/${id(requestId)}/cancel`, {}),
    setDuties: (userId: number, duties: string[]) => put<{ userId: number; duties: string[] }>(`/api/reading-room/staff/${id(userId)}/duties`, { duties }),
    report: (year: number, month?: number) => get<T.ReadingReport>('/api/reading-room/reports', { year, month }),
    reportXlsx: (year: number) => download(`/api/reading-room/reports.xlsx?year=${year}`, `phuc-vu-doc-gia-${year}.xlsx`),
  },
};
