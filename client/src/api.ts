/**
 * The only module that talks to the server. Sends the session cookie, adds X-CSRF-Token on writes,
 * and turns every failure into an ApiError whose message is Vietnamese (the server's, or ours).
 */
import { vi } from './i18n/vi.js';
import type * as T from './types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request made while signed in comes back 401 (session expired or revoked). */
export function setUnauthenticatedHandler(fn: (() => void) | null) {
  onUnauthenticated = fn;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function qs(query: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall back to our own wording below.
  }
  const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (err?.message) return new ApiError(res.status, err.code ?? 'ERROR', err.message, err.details);
  if (res.status === 403) return new ApiError(403, 'FORBIDDEN', vi.errors.forbidden);
  if (res.status === 404) return new ApiError(404, 'NOT_FOUND', vi.errors.notFound);
  return new ApiError(res.status, 'HTTP_' + res.status, res.status >= 500 ? vi.errors.server : vi.errors.unexpected);
}

async function send(method: string, path: string, body?: unknown, form?: FormData): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (form) payload = form;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', vi.errors.network);
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && path !== '/api/auth/login' && path !== '/api/auth/me') onUnauthenticated?.();
    throw err;
  }
  return res;
}

async function request<R>(method: string, path: string, body?: unknown, form?: FormData): Promise<R> {
  const res = await send(method, path, body, form);
  if (res.status === 204) return undefined as R;
  try {
    return (await res.json()) as R;
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', vi.errors.unexpected);
  }
}

const get = <R>(path: string, query?: Query) => request<R>('GET', path + qs(query));
const post = <R>(path: string, body: unknown = {}) => request<R>('POST', path, body);
const patch = <R>(path: string, body: unknown) => request<R>('PATCH', path, body);
const put = <R>(path: string, body: unknown) => request<R>('PUT', path, body);

/**
 * Multipart upload through XMLHttpRequest, the one browser API that reports upload progress (fetch does not).
 * Resolves with the JSON answer; rejects with an ApiError carrying the server's Vietnamese message.
 */
export function uploadWithProgress<R>(
  path: string, files: File[], field: string, onProgress: (sent: number, total: number) => void, fields: Record<string, string> = {},
): { promise: Promise<R>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<R>((resolve, reject) => {
    const form = new FormData();
    // Text fields first, so the server has them before the file parts.
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append(field, f, f.name);
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', vi.errors.network));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', vi.errors.network));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: handled below with our own wording.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as R);
      if (xhr.status === 401) onUnauthenticated?.();
      const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      reject(new ApiError(xhr.status, err?.code ?? 'HTTP_' + xhr.status, err?.message ?? (xhr.status >= 500 ? vi.errors.server : vi.errors.unexpected), err?.details));
    };
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

function upload<R>(path: string, file: File, field = 'file'): Promise<R> {
  const form = new FormData();
  form.append(field, file, file.name);
  return request<R>('POST', path, undefined, form);
}

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : null;
}

/** Fetches a file download (errors stay in the page, in Vietnamese) and hands it to the browser. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameFrom(res.headers.get('content-disposition')) ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

const id = (n: number | string) => encodeURIComponent(String(n));

export const api = {
  scheduling: {
    backlog: (q: { agencyId?: number; conditionCode?: string; q?: string; estimatedOnly?: string } = {}) => get<T.BacklogList>('/api/scheduling/backlog', q),
    createBacklog: (b: Record<string, unknown>) => post<T.BacklogItem>('/api/scheduling/backlog', b),
    updateBacklog: (itemId: number, b: Record<string, unknown>) => patch<T.BacklogItem>(`/api/scheduling/backlog/${id(itemId)}`, b),
    deleteBacklog: (itemId: number) => request<unknown>('DELETE', `/api/scheduling/backlog/${id(itemId)}`),
    importBacklog: (file: File) => upload<{ created: number; updated: number }>('/api/scheduling/backlog/import', file),
    restoration: (q: { agencyId?: number } = {}) => get<T.RestorationList>('/api/scheduling/restoration', q),
    createRestoration: (b: Record<string, unknown>) => post<T.RestorationItem>('/api/scheduling/restoration', b),
    updateRestoration: (itemId: number, b: Record<string, unknown>) => patch<T.RestorationItem>(`/api/scheduling/restoration/${id(itemId)}`, b),
    deleteRestoration: (itemId: number) => request<unknown>('DELETE', `/api/scheduling/restoration/${id(itemId)}`),
    importRestoration: (file: File) => upload<{ created: number; updated: number }>('/api/scheduling/restoration/import', file),
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
  auth: {
    async login(username: string, password: string) {
      const r = await post<T.Session>('/api/auth/login', { username, password });
      setCsrfToken(r.csrfToken);
      return r.user;
    },
    async me() {
      const r = await get<{ user: T.User; csrfToken: string }>('/api/auth/me');
      setCsrfToken(r.csrfToken);
      return r.user;
    },
    /** Who is signed in, if anyone: 200 either way, so opening the login page logs no failed request. */
    async session(): Promise<T.User | null> {
      const r = await get<{ user?: T.User; csrfToken?: string | null }>('/api/auth/session');
      setCsrfToken(r.csrfToken ?? null);
      return r.user ?? null;
    },
    async logout() {
      await post<void>('/api/auth/logout');
      setCsrfToken(null);
    },
    changePassword: (currentPassword: string, newPassword: string) => post<T.PasswordChanged>('/api/auth/password', { currentPassword, newPassword }),
  },

  audit: {
    events: (q: { actor?: string; entityType?: string; action?: string; from?: string; to?: string; beforeId?: number; limit?: number }) =>
      get<T.AuditEvent[]>('/api/events', q),
    kinds: () => get<T.AuditEventKinds>('/api/events/kinds'),
  },

  integrity: {
    fixity: () => get<T.FixityReport>('/api/integrity/fixity'),
    runFixity: () => post<T.JobStarted>('/api/integrity/fixity', {}),
    sweepOrphans: () => post<T.JobStarted>('/api/integrity/orphans', {}),
    reenqueue: () => post<T.JobStarted>('/api/integrity/reenqueue', {}),
    jobs: () => get<T.JobCounts>('/api/jobs'),
  },

  users: {
    list: () => get<T.User[] | T.Paged<T.User>>('/api/users').then((r) => (Array.isArray(r) ? r : r.items)),
    create: (u: { username: string; displayName: string; password: string; role: T.Role; agencyId: number | null }) =>
      post<T.User>('/api/users', u),
    update: (userId: number, u: { displayName?: string; role?: T.Role; agencyId?: number | null; active?: boolean; password?: string }) =>
      patch<T.User>(`/api/users/${id(userId)}`, u),
  },

  agencies: {
    list: (q: { q?: string; level?: string; status?: string; parentId?: number; limit?: number; offset?: number; sort?: string }) =>
      get<T.Paged<T.Agency>>('/api/agencies', q),
    get: (agencyId: number) => get<T.AgencyDetail>(`/api/agencies/${id(agencyId)}`),
    update: (agencyId: number, a: Record<string, unknown>) => patch<T.AgencyDetail>(`/api/agencies/${id(agencyId)}`, a),
    import: (file: File) => upload<T.ImportCounts>('/api/agencies/import', file),
    deadlines: (agencyId: number) => get<T.AgencyDeadlines>(`/api/agencies/${id(agencyId)}/deadlines`),
    importFiles: (agencyId: number, file: File) =>
      upload<{ imported: number; unchanged: boolean }>(`/api/agencies/${id(agencyId)}/files/import`, file),
  },

  fonds: {
    list: (q: { agencyId?: number; q?: string }) => get<T.Paged<T.Fonds>>('/api/fonds', q),
    update: (fondsId: number, f: Record<string, unknown>) => patch<T.Fonds>(`/api/fonds/${id(fondsId)}`, f),
  },

  plans: {
    list: () => get<{ items: T.Plan[] }>('/api/plans'),
    get: (planId: number) => get<T.PlanDetail>(`/api/plans/${id(planId)}`),
    create: (p: { year: number; decisionNo: string; decisionDate: string; recordsToYear: number; issuer?: string; handoverPlanNo?: string; handoverPlanDate?: string; notes?: string }) =>
      post<T.Plan>('/api/plans', p),
    addAgency: (planId: number, a: { agencyId: number; scheduledMonth: number; note?: string }) =>
      post<unknown>(`/api/plans/${id(planId)}/agencies`, a),
    updateAgency: (planId: number, agencyId: number, a: { scheduledMonth?: number; status?: T.PlanAgencyStatus; note?: string }) =>
      patch<unknown>(`/api/plans/${id(planId)}/agencies/${id(agencyId)}`, a),
  },

  deadlines: {
    mine: () => get<T.AgencyDeadlines>('/api/deadlines/mine'),
    overdue: (q: { sort?: string; order?: string; level?: string }) => get<T.OverdueList>('/api/deadlines/overdue', q),
    overdueXlsx: (q: { sort?: string; order?: string; level?: string }) =>
      download('/api/deadlines/overdue.xlsx' + qs(q), 'co-quan-qua-han.xlsx'),
    files: (agencyId: number, q: { list: 'overdue' | 'upcoming'; sort?: string; order?: string; limit?: number; offset?: number }) =>
      get<T.DueFilePage>(`/api/agencies/${id(agencyId)}/deadlines/files`, q),
    filesXlsx: (agencyId: number, q: { list: 'overdue' | 'upcoming'; sort?: string; order?: string }) =>
      download(`/api/agencies/${id(agencyId)}/deadlines/files.xlsx` + qs(q), 'ho-so-han-nop-luu.xlsx'),
  },

  handovers: {
    list: (q: { status?: string; agencyId?: number; planId?: number; limit?: number; offset?: number }) =>
      get<T.Paged<T.HandoverSummary>>('/api/handovers', q),
    get: (hid: number) => get<T.Handover>(`/api/handovers/${id(hid)}`),
    create: (h: T.HandoverInput) => post<T.Handover>('/api/handovers', h),
    update: (hid: number, h: T.HandoverInput) => patch<T.Handover>(`/api/handovers/${id(hid)}`, h),
    uploadInventory: (hid: number, file: File) => upload<T.InventoryUploadResult>(`/api/handovers/${id(hid)}/inventory`, file),
    inventory: (hid: number, q: { limit?: number; offset?: number }) =>
      get<T.Paged<T.InventoryRow>>(`/api/handovers/${id(hid)}/inventory`, q),
    submit: (hid: number) => post<T.Handover>(`/api/handovers/${id(hid)}/submit`),
    returnToDraft: (hid: number, reason: string) => post<T.Handover>(`/api/handovers/${id(hid)}/return`, { reason }),
    cancel: (hid: number, reason: string) => post<T.Handover>(`/api/handovers/${id(hid)}/cancel`, reason ? { reason } : {}),
    appraise: (hid: number, summary: string, comments: { rowNo: number | null; comment: string }[]) =>
      post<T.Handover>(`/api/handovers/${id(hid)}/appraise`, { summary, comments }),
    approve: (hid: number, approvalDecision: string) => post<T.Handover>(`/api/handovers/${id(hid)}/approve`, { approvalDecision }),
    receive: (hid: number, r: T.ReceiveInput) => post<T.Handover>(`/api/handovers/${id(hid)}/receive`, r),
    discrepancies: (hid: number) =>
      get<{ items: T.Discrepancy[]; reconciliation: T.ReconciliationCounts }>(`/api/handovers/${id(hid)}/discrepancies`),
    amendments: (hid: number) => get<{ items: T.Amendment[] }>(`/api/handovers/${id(hid)}/amendments`),
    amend: (hid: number, a: { rowNo?: number; field: string; value: unknown; reason: string }) =>
      post<T.Amendment>(`/api/handovers/${id(hid)}/amendments`, a),
    record: (hid: number) => download(`/api/handovers/${id(hid)}/record.docx`, `bien-ban-giao-nhan-${hid}.docx`),
  },

  stacks: {
    boxTypes: () => get<{ items: T.BoxType[] }>('/api/box-types'),
    tree: () => get<{ repositories: T.RepositoryNode[] }>('/api/stacks'),
    capacity: () => get<T.Capacity>('/api/stacks/capacity'),
    suggest: (boxes: number, boxTypeId?: number | null) => get<T.Suggestion>('/api/stacks/suggest', { boxes, boxTypeId }),
    locate: (code: string) => get<T.Located>('/api/stacks/locate', { code }),
    labels: (q: { handoverId?: number; shelfId?: number; unitId?: number; boxId?: number }) => download('/api/stacks/labels.pdf' + qs(q), 'nhan-hop.pdf'),
    unitShelfList: (unitId: number) => download(`/api/stacks/shelf-units/${id(unitId)}/shelf-list.pdf`, `danh-muc-gia-${unitId}.pdf`),
    roomShelfList: (roomId: number) => download(`/api/stacks/rooms/${id(roomId)}/shelf-list.pdf`, `danh-muc-phong-${roomId}.pdf`),
    inventoryPdf: (handoverId: number) => download(`/api/stacks/handovers/${id(handoverId)}/inventory.pdf`, `muc-luc-vi-tri-${handoverId}.pdf`),
    shelfBoxes: (shelfId: number) => get<{ items: T.ShelfBox[] }>(`/api/stacks/shelves/${id(shelfId)}/boxes`),
    addRepository: (r: { code: string; name: string; address?: string }) => post<unknown>('/api/stacks/repositories', r),
    addRoom: (r: { repositoryId: number; code: string; name: string }) => post<unknown>('/api/stacks/rooms', r),
    addUnit: (u: { roomId: number; code: string; shelves: number; capacityM: number }) => post<unknown>('/api/stacks/shelf-units', u),
  },

  setup: {
    demo: () => get<T.DemoStatus>('/api/setup/demo'),
    startDemo: () => post<T.DemoRun>('/api/setup/demo'),
  },

  reports: {
    yearly: (year: number) => get<T.YearlyReport>('/api/reports/yearly', { year }),
    series: (to: number) => get<T.YearlySeries>('/api/reports/yearly-series', { to }),
    yearlyXlsx: (from: number, to: number) => download('/api/reports/yearly.xlsx' + qs({ from, to }), `so-lieu-${from}-${to}.xlsx`),
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
