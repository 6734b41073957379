/** Builds the OpenAPI 3.1 document from the same route definitions and zod schemas that validate requests. */
import { z } from 'zod';
import type { AnyRoute } from './route.js';
import { ErrorBody } from '../core/schemas.js';
import { NoContent } from '../contract/common.js';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

/**
 * The success answer: a download (`produces`: its content type, binary), no content (204), or JSON described by the
 * route's response schema. A route with neither is left without a success entry, which the OpenAPI test refuses.
 */
function success(r: AnyRoute): Record<string, unknown> {
  const status = String(r.status ?? 200);
  if (r.produces) {
    const types = r.produces.split(',').map((t) => t.trim());
    const content = Object.fromEntries(types.map((t) => [t, { schema: t === 'application/json' && r.response ? jsonSchema(r.response, 'output') : { type: 'string', format: 'binary' } }]));
    return { [status]: { description: 'Tệp tải về', content } };
  }
  if (r.response === NoContent) {
    // A redirect declares its 3xx status; anything else without a body is a 204.
    return r.status && r.status >= 300 && r.status < 400 ? { [status]: { description: 'Chuyển hướng' } } : { '204': { description: 'Không có nội dung' } };
  }
  if (!r.response) return {};
  return { [status]: { description: 'Thành công', content: { 'application/json': { schema: jsonSchema(r.response, 'output') } } } };
}

export function buildOpenApi(routes: AnyRoute[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const p = r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const op: Record<string, unknown> = {
      summary: r.summary,
      tags: [r.tag],
      'x-access': r.access === 'public' || r.access === 'authenticated' ? r.access : [...r.access],
      security: r.access === 'public' ? [] : [{ session: [] }],
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      responses: {
        ...success(r),
        '4XX': { description: 'Lỗi phía người gọi', content: { 'application/json': { schema: jsonSchema(ErrorBody, 'output') } } },
      },
    };
    if (r.upload) {
      const fields = r.body ? (jsonSchema(r.body, 'input') as { properties?: object }).properties : {};
      op.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: [r.upload.field],
              properties: { ...fields, [r.upload.field]: (r.upload.maxCount ?? 1) > 1 ? { type: 'array', items: { type: 'string', format: 'binary' }, maxItems: r.upload.maxCount } : { type: 'string', format: 'binary', description: (r.upload.extensions ?? []).join(', ') } },
            },
          },
        },
      };
    } else if (r.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } };
    }
    (paths[p] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'kho_sid', description: 'Cookie phiên; các thao tác ghi cần thêm header X-CSRF-Token' },
      },
    },
    paths,
  };
}
