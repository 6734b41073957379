/** Routes of the digital deposit: upload a package, read it back, its PREMIS events and its Biên bản thu nộp. */
import type { Deps } from '../deps.js';
import { type Role, STAFF } from '../core/actor.js';
import { DOCX_TYPE } from '../core/download.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import { Deposit, DepositRequest } from '../contract/deposit.js';
import { PremisEventList } from '../contract/archive.js';
import type { DepositService } from './deposit.service.js';

/** Staff (naming the agency), and agency accounts for their own agency (enforced in the service). */
const STAFF_OR_AGENCY: readonly Role[] = [...STAFF, 'agency'];
const tag = 'deposits';

export function depositRoutes(deps: Deps, s: { deposit: DepositService }): AnyRoute[] {
  const d = s.deposit;
  return [
    defineRoute({
      method: 'post', path: '/api/deposits', tag, access: STAFF_OR_AGENCY, body: DepositRequest, response: Deposit, status: 201,
      upload: { field: 'file', extensions: ['.zip'], maxFileMb: deps.config.DEPOSIT_MAX_MB },
      summary: 'Nộp lưu tài liệu số: gói ZIP (PDF/A + mục lục .xlsx + manifest-sha256.txt), kiểm tra toàn bộ; nhận cả gói hoặc không lưu gì',
      handler: ({ actor, body, file }) => d.deposit(actor, file!, body),
    }),
    defineRoute({
      method: 'get', path: '/api/deposits/:id', tag, access: STAFF_OR_AGENCY, params: IdParams, response: Deposit,
      summary: 'Gói nộp lưu đã nhận: hồ sơ giao nhận, các tệp PDF/A, trạng thái tạo trang',
      handler: ({ actor, params }) => d.get(actor, params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/deposits/:id/premis-events', tag, access: STAFF_OR_AGENCY, params: IdParams, response: PremisEventList,
      summary: 'Sự kiện PREMIS của các tệp trong gói: kiểm tra toàn vẹn, tự kiểm tra PDF/A, tiếp nhận',
      handler: async ({ actor, params }) => ({ items: await d.premisEvents(actor, params.id) }),
    }),
    defineRoute({
      method: 'get', path: '/api/deposits/:id/record.docx', tag, access: STAFF_OR_AGENCY, params: IdParams, produces: DOCX_TYPE,
      summary: 'Biên bản thu nộp tài liệu lưu trữ số (DOCX); ghi DỰ THẢO cho tới khi giao nhận',
      handler: ({ actor, params }) => d.recordDocx(actor, params.id),
    }),
  ];
}
