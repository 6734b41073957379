/** TT 05/2025 metadata routes: read (by visibility), convert and edit (staff). Bodies and responses: contract/tt05.ts. */
import { z } from 'zod';
import { STAFF } from '../core/actor.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import type { DigitizationArea } from './digitization.area.js';
import { Tt05DocumentBody, Tt05FileBody, Tt05FileView } from '../contract/tt05.js';

const NoBody = z.strictObject({});

export function tt05Routes(s: { digitization: DigitizationArea }): AnyRoute[] {
  const t = s.digitization.tt05;
  return [
    defineRoute({
      method: 'get', path: '/api/digitization/files/:id/tt05', response: Tt05FileView, tag: 'digitization', access: 'authenticated', params: IdParams,
      summary: 'Siêu dữ liệu hồ sơ và văn bản theo cả hai chế độ (TT 02/2019, TT 05/2025); tên trường 2025 chưa đối chiếu (verified: false)',
      handler: ({ scope, params }) => t.get(scope, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/digitization/files/:id/tt05/convert', response: Tt05FileView, tag: 'digitization', access: STAFF, params: IdParams, body: NoBody,
      summary: 'Chuyển hồ sơ (và các văn bản) sang TT 05/2025: điền các trường suy ra được, đánh dấu các trường cần cán bộ xác định',
      handler: ({ scope, params }) => t.convert(scope, params.id),
    }),
    defineRoute({
      method: 'put', path: '/api/digitization/files/:id/tt05', response: Tt05FileView, tag: 'digitization', access: STAFF, params: IdParams, body: Tt05FileBody,
      summary: 'Sửa các trường TT 05/2025 của hồ sơ (độ dài, danh mục mã); trường đã nhập thì gỡ cờ',
      handler: ({ scope, params, body }) => t.updateFile(scope, params.id, body),
    }),
    defineRoute({
      method: 'put', path: '/api/digitization/documents/:id/tt05', response: Tt05FileView, tag: 'digitization', access: STAFF, params: IdParams, body: Tt05DocumentBody,
      summary: 'Sửa các trường TT 05/2025 của văn bản; trả về toàn bộ hồ sơ',
      handler: ({ scope, params, body }) => t.updateDocument(scope, params.id, body),
    }),
  ];
}
