/** The intake register, deadlines and reminders, handovers, stacks and yearly figures. */
import { download, get, id, patch, post, previewed, qs, upload } from './transport.js';
import type * as T from '../types.js';

export const recordsApi = {
  agencies: {
    list: (q: { q?: string; level?: string; status?: string; parentId?: number; limit?: number; offset?: number; sort?: string }) =>
      get<T.Paged<T.Agency>>('/api/agencies', q),
    get: (agencyId: number) => get<T.AgencyDetail>(`/api/agencies/${id(agencyId)}`),
    update: (agencyId: number, a: Record<string, unknown>) => patch<T.AgencyDetail>(`/api/agencies/${id(agencyId)}`, a),
    import: (file: File, preview = false) => upload<T.ImportCounts>(previewed('/api/agencies/import', preview), file),
    deadlines: (agencyId: number) => get<T.AgencyDeadlines>(`/api/agencies/${id(agencyId)}/deadlines`),
    importFiles: (agencyId: number, file: File, preview = false) =>
      upload<T.RegisterImportResult>(previewed(`/api/agencies/${id(agencyId)}/files/import`, preview), file),
  },

  fonds: {
    list: (q: { agencyId?: number; q?: string }) => get<T.Paged<T.Fonds>>('/api/fonds', q),
    update: (fondsId: number, f: Record<string, unknown>) => patch<T.Fonds>(`/api/fonds/${id(fondsId)}`, f),
    ead3: (fondsId: number) => download(`/api/fonds/${id(fondsId)}/ead3.xml`, `EAD3-${fondsId}.xml`),
  },

  interop: {
    agencyEacCpf: (agencyId: number) => download(`/api/agencies/${id(agencyId)}/eac-cpf.xml`, `EAC-CPF-${agencyId}.xml`),
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

  reminders: {
    create: (b: { agencyIds?: number[]; allOverdue?: boolean; firstNumber?: number | null; replyBy?: string | null }) =>
      post<T.ReminderBatch>('/api/reminders', b),
    mine: () => get<T.ReminderList>('/api/reminders/mine'),
    ofAgency: (agencyId: number) => get<T.ReminderList>(`/api/agencies/${id(agencyId)}/reminders`),
    get: (rid: number) => get<T.ReminderDetail>(`/api/reminders/${id(rid)}`),
    dispatch: (rid: number, b: { dispatchedOn: string; channel: T.DispatchChannel; number?: number | null }) =>
      post<T.ReminderDetail>(`/api/reminders/${id(rid)}/dispatch`, b),
    letter: (rid: number) => download(`/api/reminders/${id(rid)}/letter.docx`, `cong-van-don-doc-${rid}.docx`),
    attached: (rid: number) => download(`/api/reminders/${id(rid)}/files.xlsx`, `danh-sach-kem-theo-${rid}.xlsx`),
    batch: (batchId: number) => download(`/api/reminders/batches/${id(batchId)}/letters.docx`, `cong-van-don-doc-dot-${batchId}.docx`),
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

  reports: {
    yearly: (year: number) => get<T.YearlyReport>('/api/reports/yearly', { year }),
    series: (to: number) => get<T.YearlySeries>('/api/reports/yearly-series', { to }),
    yearlyXlsx: (from: number, to: number) => download('/api/reports/yearly.xlsx' + qs({ from, to }), `so-lieu-${from}-${to}.xlsx`),
  },
};
