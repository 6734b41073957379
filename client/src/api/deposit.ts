/** Digital deposit (SIP in): upload a package, read an accepted one, download its Biên bản thu nộp. */
import { download, get, id, uploadWithProgress } from './transport.js';
import type { Deposit } from '../../../server/contract/deposit.js';

export type { Deposit };
/** One problem of a refused package (error.details.problems of DEPOSIT_REJECTED). */
export interface DepositProblem { file: string | null; field: string | null; code: string; message: string }

export const depositApi = {
  deposits: {
    upload: (file: File, fields: { agencyId?: number }, onProgress: (sent: number, total: number) => void) =>
      uploadWithProgress<Deposit>('/api/deposits', [file], 'file', onProgress, fields.agencyId ? { agencyId: String(fields.agencyId) } : {}),
    get: (depositId: number) => get<Deposit>(`/api/deposits/${id(depositId)}`),
    record: (d: Deposit) => download(`/api/deposits/${id(d.id)}/record.docx`, `bien-ban-thu-nop-${d.handoverId}.docx`),
  },
};
