/** Builds the OpenAPI 3.1 document from the same route definitions and zod schemas that validate requests. */
import { z } from 'zod';
import type { AnyRoute } from './route.js';
import { ErrorBody } from './schemas/common.js';

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
        [String(r.status ?? 200)]: r.produces
          ? { description: 'Tệp tải về', content: { [r.produces]: { schema: { type: 'string', format: 'binary' } } } }
          : { description: 'Thành công', content: { 'application/json': { schema: r.response ? jsonSchema(r.response, 'output') : {} } } },
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
