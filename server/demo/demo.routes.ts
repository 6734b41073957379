import type { Deps } from '../deps.js';
import { defineRoute } from '../http/route.js';
import { readCookie, SESSION_COOKIE } from '../http/middleware/session.js';
import type { DemoService } from './demo.service.js';
import { ApiClient } from './api-client.js';
import { DemoStatus, DemoRun } from '../contract/system.js';

export function demoRoutes(_deps: Deps, s: { demo: DemoService }) {
  return [
    defineRoute({
      method: 'get', path: '/api/setup/demo', response: DemoStatus, tag: 'setup', access: ['admin'],
      summary: 'Trạng thái nạp dữ liệu mẫu; empty = cơ sở dữ liệu còn trống',
      handler: async () => ({ empty: await s.demo.isEmpty(), ...s.demo.status() }),
    }),
    defineRoute({
      method: 'post', path: '/api/setup/demo', response: DemoRun, tag: 'setup', access: ['admin'], status: 202,
      summary: 'Nạp dữ liệu mẫu Hưng Yên vào cơ sở dữ liệu trống (chạy nền, qua chính API với phiên của quản trị viên)',
      handler: async ({ req }) => {
        // Call back on the address this request arrived on: the server may listen on one interface only.
        const local = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
        const api = new ApiClient(`http://${local.includes(':') ? `[${local}]` : local}:${req.socket.localPort}`, `${SESSION_COOKIE}=${readCookie(req, SESSION_COOKIE)}`, req.csrfToken ?? null);
        return s.demo.start(api);
      },
    }),
  ];
}
