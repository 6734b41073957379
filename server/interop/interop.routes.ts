/**
 * Public interop endpoints: EAD3 per fonds, EAC-CPF per source agency, and the OAI-PMH 2.0 base URL (GET and POST,
 * as the protocol requires). OAI arguments are not checked by a zod schema: every malformed combination must come
 * back as the protocol's own error document, which the provider writes.
 */
import type { Request } from 'express';
import type { Deps } from '../deps.js';
import { type AnyRoute, defineRoute, IdParams } from '../http/route.js';
import { OAI_XML_TYPE, XML_TYPE, type InteropService } from './interop.service.js';

/** The API root as the client reached it (trust proxy decides protocol and host behind a reverse proxy). */
const apiBase = (req: Request) => `${req.protocol}://${req.get('host')}/api`;

const asArgs = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function interopRoutes(_deps: Deps, s: { interop: InteropService }): AnyRoute[] {
  const i = s.interop;
  return [
    defineRoute({
      method: 'get', path: '/api/fonds/:id/ead3.xml', tag: 'interop', access: 'public', params: IdParams, produces: XML_TYPE,
      summary: 'Mục lục phông dạng EAD3 (hồ sơ hạn chế sử dụng chỉ nêu số, ký hiệu; không có tài liệu mật)',
      handler: ({ params, req }) => i.fondsEad3(params.id, apiBase(req)),
    }),
    defineRoute({
      method: 'get', path: '/api/agencies/:id/eac-cpf.xml', tag: 'interop', access: 'public', params: IdParams, produces: XML_TYPE,
      summary: 'Bản ghi chuẩn EAC-CPF 2.0 của cơ quan thuộc nguồn nộp lưu: tên, mã, cấp, quyết định, cơ quan tiền thân và kế thừa',
      handler: ({ params, req }) => i.agencyEacCpf(params.id, apiBase(req)),
    }),
    defineRoute({
      method: 'get', path: '/api/oai', tag: 'interop', access: 'public', produces: OAI_XML_TYPE,
      summary: 'OAI-PMH 2.0 (oai_dc, ead3, eac-cpf): chỉ bản ghi công khai, không cần đăng nhập',
      handler: ({ req }) => i.oaiPmh(asArgs(req.query), `${apiBase(req)}/oai`, apiBase(req)),
    }),
    defineRoute({
      method: 'post', path: '/api/oai', tag: 'interop', access: 'public', produces: OAI_XML_TYPE,
      summary: 'OAI-PMH 2.0 qua POST (application/x-www-form-urlencoded)',
      handler: ({ req }) => i.oaiPmh(asArgs(req.body), `${apiBase(req)}/oai`, apiBase(req)),
    }),
  ];
}
