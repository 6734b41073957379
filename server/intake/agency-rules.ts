/**
 * Rules on an agency's status and links, shared by the form (create/edit) and the spreadsheet import,
 * so both refuse the same things with the same words.
 */
import type { AgencyLevel, AgencyStatus } from './agency.repository.js';

export interface LinkCheck {
  /** null: unknown (a word the import could not read); the status rules are then skipped. */
  status: AgencyStatus | null;
  parentRef: number | string | null;
  successorRef: number | string | null;
  ownRef: number | string | null;
}

export interface RuleProblem {
  field: 'status' | 'successorId' | 'parentId';
  message: string;
}

export function checkAgencyLinks(a: LinkCheck): RuleProblem[] {
  const out: RuleProblem[] = [];
  if (a.ownRef !== null && a.parentRef === a.ownRef) out.push({ field: 'parentId', message: 'Cơ quan cấp trên không thể là chính cơ quan này.' });
  if (a.ownRef !== null && a.successorRef === a.ownRef) out.push({ field: 'successorId', message: 'Cơ quan kế thừa phải khác cơ quan này.' });
  // A merged agency's records and duties went somewhere: without the successor nobody can find them.
  if (a.status === 'merged' && a.successorRef === null)
    out.push({ field: 'successorId', message: 'Cơ quan đã sáp nhập phải có cơ quan kế thừa.' });
  if (a.status === 'active' && a.successorRef !== null)
    out.push({ field: 'successorId', message: 'Cơ quan đang hoạt động không có cơ quan kế thừa; hãy đổi trạng thái hoặc bỏ cơ quan kế thừa.' });
  return out;
}

/** Spreadsheet words (folded) → stored values. */
export const LEVEL_WORDS: Record<string, AgencyLevel> = {
  tinh: 'province', 'cap tinh': 'province', province: 'province',
  huyen: 'district', 'cap huyen': 'district', district: 'district',
  xa: 'commune', 'cap xa': 'commune', commune: 'commune',
};

export const STATUS_WORDS: Record<string, AgencyStatus> = {
  'dang hoat dong': 'active', 'hoat dong': 'active', active: 'active',
  'sap nhap': 'merged', 'da sap nhap': 'merged', 'hop nhat': 'merged', 'da hop nhat': 'merged', merged: 'merged',
  'giai the': 'dissolved', 'da giai the': 'dissolved', dissolved: 'dissolved',
};

export const LEVEL_LABELS: Record<AgencyLevel, string> = { province: 'Tỉnh', district: 'Huyện', commune: 'Xã' };
export const STATUS_LABELS: Record<AgencyStatus, string> = { active: 'Đang hoạt động', merged: 'Sáp nhập', dissolved: 'Giải thể' };
