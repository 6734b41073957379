/** Backlog scheduling, digitisation and search. */
import { download, get, id, patch, post, previewed, put, request, send, upload, uploadWithProgress } from './transport.js';
import type * as T from '../types.js';

export const workApi = {
  scheduling: {
    backlog: (q: { agencyId?: number; conditionCode?: string; q?: string; estimatedOnly?: string } = {}) => get<T.BacklogList>('/api/scheduling/backlog', q),
    createBacklog: (b: Record<string, unknown>) => post<T.BacklogItem>('/api/scheduling/backlog', b),
    updateBacklog: (itemId: number, b: Record<string, unknown>) => patch<T.BacklogItem>(`/api/scheduling/backlog/${id(itemId)}`, b),
    deleteBacklog: (itemId: number) => request<unknown>('DELETE', `/api/scheduling/backlog/${id(itemId)}`),
    importBacklog: (file: File, preview = false) => upload<T.ItemImportCounts>(previewed('/api/scheduling/backlog/import', preview), file),
    restoration: (q: { agencyId?: number } = {}) => get<T.RestorationList>('/api/scheduling/restoration', q),
    createRestoration: (b: Record<string, unknown>) => post<T.RestorationItem>('/api/scheduling/restoration', b),
    updateRestoration: (itemId: number, b: Record<string, unknown>) => patch<T.RestorationItem>(`/api/scheduling/restoration/${id(itemId)}`, b),
    deleteRestoration: (itemId: number) => request<unknown>('DELETE', `/api/scheduling/restoration/${id(itemId)}`),
    importRestoration: (file: File, preview = false) => upload<T.ItemImportCounts>(previewed('/api/scheduling/restoration/import', preview), file),
    norms: () => get<T.NormsInfo>('/api/scheduling/norms'),
    createNormVersion: (b: { label: string; steps: Omit<T.NormStepDef, 'source'>[] }) => post<T.NormsInfo['current']>('/api/scheduling/norms', b),
    staff: () => get<{ items: T.StaffMemberRow[]; grades: Record<number, string> }>('/api/scheduling/staff'),
    createStaff: (b: Record<string, unknown>) => post<T.StaffMemberRow>('/api/scheduling/staff', b),
    updateStaff: (staffId: number, b: Record<string, unknown>) => patch<T.StaffMemberRow>(`/api/scheduling/staff/${id(staffId)}`, b),
    addLeave: (staffId: number, b: { startDate: string; endDate: string; reason?: string }) => post<T.StaffMemberRow>(`/api/scheduling/staff/${id(staffId)}/leave`, b),
    calendar: (year: number) => get<T.WorkCalendarYear>('/api/scheduling/calendar', { year }),
    addClosure: (b: { date: string; reason: string }) => post<T.Closure>('/api/scheduling/calendar/closures', b),
    plans: () => get<{ items: T.SchedulePlanSummary[] }>('/api/scheduling/plans'),
    plan: (planId: number) => get<T.PlanView>(`/api/scheduling/plans/${id(planId)}`),
    createPlan: (b: Record<string, unknown>) => post<T.PlanView>('/api/scheduling/plans', b),
    whatIf: (planId: number, b: Record<string, unknown>) => post<T.PlanView>(`/api/scheduling/plans/${id(planId)}/what-if`, b),
    replan: (planId: number) => post<T.PlanView>(`/api/scheduling/plans/${id(planId)}/replan`, {}),
    compare: (a: number, b: number) => get<T.PlanComparison>('/api/scheduling/plans/compare', { a, b }),
    explain: (planId: number, itemId: string) => get<T.ItemExplanation>(`/api/scheduling/plans/${id(planId)}/items/${id(itemId)}`),
    burndown: (planId: number) => get<T.Burndown>('/api/scheduling/burndown', { planId }),
    progress: () => get<{ items: T.ProgressEntry[] }>('/api/scheduling/progress'),
    recordProgress: (b: Record<string, unknown>) => post<T.ProgressEntry>('/api/scheduling/progress', b),
  },
  digitization: {
    files: (q: { q?: string; limit?: number }) => get<{ items: T.DigitizableFile[] }>('/api/digitization/files', q),
    batches: (q: { recordFileId?: number; limit?: number; offset?: number }) => get<{ items: T.Batch[] }>('/api/digitization/batches', q),
    createBatch: (b: { recordFileId: number; documentId?: number | null; label?: string | null }) => post<T.Batch>('/api/digitization/batches', b),
    progress: (batchId: number) => get<T.BatchProgress>(`/api/digitization/batches/${id(batchId)}`),
    uploadScans: (batchId: number, files: File[], onProgress: (sent: number, total: number) => void, selection?: { group: string; position: string }) =>
      uploadWithProgress<T.UploadResult>(`/api/digitization/batches/${id(batchId)}/scans`, files, 'files', onProgress, selection),
    reorderPages: (fileId: number, pageIds: number[]) => put<T.FilePages>(`/api/digitization/files/${id(fileId)}/pages/order`, { pageIds }),
    replacePage: (pageId: number, file: File) => upload<T.PageView>(`/api/digitization/pages/${id(pageId)}/replace`, file),
    deletePage: (pageId: number) => request<void>('DELETE', `/api/digitization/pages/${id(pageId)}`),
    reocrBatch: (batchId: number) => post<T.ReocrQueued>(`/api/digitization/batches/${id(batchId)}/reocr`),
    reocrPage: (pageId: number) => post<T.ReocrQueued>(`/api/digitization/pages/${id(pageId)}/reocr`),
    filePages: (fileId: number) => get<T.FilePages>(`/api/digitization/files/${id(fileId)}/pages`),
    page: (pageId: number) => get<T.PageView>(`/api/digitization/pages/${id(pageId)}`),
    pageText: (pageId: number) => send('GET', `/api/digitization/pages/${id(pageId)}/export/txt`).then((r) => r.text()),
    metadata: (fileId: number) => get<T.FileMetadata>(`/api/digitization/files/${id(fileId)}/metadata`),
    updateMetadata: (fileId: number, m: Record<string, unknown>) => put<Omit<T.FileMetadata, 'documents'>>(`/api/digitization/files/${id(fileId)}/metadata`, m),
    createDocument: (fileId: number, d: Record<string, unknown>) => post<T.DocumentMeta>(`/api/digitization/files/${id(fileId)}/documents`, d),
    updateDocument: (docId: number, d: Record<string, unknown>) => put<T.DocumentMeta>(`/api/digitization/documents/${id(docId)}`, d),
    exportMetadata: (fileId: number, format: 'xlsx' | 'json') =>
      download(`/api/digitization/files/${id(fileId)}/metadata/export/${format}`, `dac-ta-ho-so-${fileId}.${format}`),
    exportPage: (pageId: number, format: 'txt' | 'alto' | 'hocr' | 'pdf') =>
      download(`/api/digitization/pages/${id(pageId)}/export/${format}`, `trang-${pageId}.${format === 'alto' ? 'xml' : format === 'hocr' ? 'html' : format}`),
    exportFile: (fileId: number, format: 'txt' | 'hocr' | 'pdf') =>
      download(`/api/digitization/files/${id(fileId)}/export/${format}`, `ho-so-${fileId}.${format === 'hocr' ? 'html' : format}`),
  },

  search: {
    query: (q: { q: string; exact?: boolean; agencyId?: number; fondsId?: number; yearFrom?: number; yearTo?: number; docType?: string; digitized?: boolean; page?: number; pageSize?: number }) =>
      get<T.SearchResult>('/api/search', q),
    pageHits: (pageId: number, q: string, exact?: boolean) => get<T.PageHits>(`/api/search/pages/${id(pageId)}/hits`, { q, exact }),
  },
};
