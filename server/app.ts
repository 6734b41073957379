import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { pinoHttp } from 'pino-http';
import type { Deps } from './deps.js';
import { ERRORS } from './core/errors.js';
import { buildApiRouter } from './http/router.js';
import { buildOpenApi } from './http/openapi.js';
import { type AnyRoute, defineRoute } from './http/route.js';
import { errorHandler } from './http/middleware/errors.js';
import { sessionMiddleware } from './http/middleware/session.js';
import { trustProxySetting } from './http/middleware/transport.js';
import { inputGuard } from './http/middleware/input-guard.js';
import { jsonOnly, originCheck } from './http/middleware/request-origin.js';
import { securityHeaders } from './http/middleware/security-headers.js';
import { iiifCors } from './http/middleware/iiif-cors.js';
import { createAuthService } from './access/auth.service.js';
import { authRoutes } from './access/auth.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { createServices, type Services } from './services.js';
import { areaRoutes } from './routes.js';
import { Health, OpenApiDocument } from './contract/system.js';

const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../client/dist');

export interface App {
  app: express.Express;
  routes: AnyRoute[];
  services: Services;
  auth: ReturnType<typeof createAuthService>;
}

export function createApp(deps: Deps): App {
  const auth = createAuthService(deps);
  const services = createServices(deps);
  const routes: AnyRoute[] = [];
  const systemRoutes = [
    defineRoute({
      method: 'get', path: '/api/health', response: Health, tag: 'system', access: 'public', summary: 'Tình trạng dịch vụ, cơ sở dữ liệu và kho đối tượng',
      handler: async ({ res, actor }) => {
        const database = await deps.db.ping().then(() => 'ok', () => 'unavailable');
        const { detail, ...storage } = await services.storageStatus();
        const ok = database === 'ok' && storage.status === 'ok';
        res.status(ok ? 200 : 503);
        // The failure detail names the storage endpoint and bucket: staff only, not anyone probing the public route.
        const staff = actor?.role === 'admin' || actor?.role === 'archivist';
        return { status: ok ? 'ok' : 'degraded', database: { status: database, kind: deps.db.kind }, storage: staff && detail ? { ...storage, detail } : storage };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/openapi.json', response: OpenApiDocument, tag: 'system', access: 'public', summary: 'Tài liệu OpenAPI 3 của mọi API',
      handler: () => buildOpenApi(routes, { title: 'Kho Lưu trữ API', version: '0.1.0' }),
    }),
  ];
  routes.push(...systemRoutes, ...authRoutes(deps, auth), ...auditRoutes(deps), ...areaRoutes(deps, services));

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(deps.config.TRUST_PROXY));
  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) ?? crypto.randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    }),
  );
  app.use(securityHeaders());
  // IIIF viewers on other origins: CORS without credentials, cross-origin resource policy, normalised ids.
  app.use(iiifCors());
  app.use('/api/auth/login', jsonOnly());
  app.use('/api', originCheck(deps.config.ALLOWED_ORIGINS));
  app.use('/api', express.json({ limit: '1mb', strict: true }));
  app.use('/api', express.urlencoded({ extended: false, limit: '100kb' }));
  app.use('/api', inputGuard());
  app.use('/api', sessionMiddleware(auth.resolveSession));
  app.use('/api', buildApiRouter(routes, deps));
  app.use('/api', (_req, _res, next) => next(ERRORS.routeNotFound()));

  if (fs.existsSync(CLIENT_DIST)) {
    app.use(express.static(CLIENT_DIST, { index: false, maxAge: '1h' }));
    // Single-page app: every other GET gets index.html and the client router takes over.
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(path.join(CLIENT_DIST, 'index.html')));
  }
  // Anything else (a POST outside the API, or no client build): the JSON error shape, not Express's HTML page.
  app.use((_req, _res, next) => next(ERRORS.notFound('đường dẫn')));
  app.use(errorHandler(deps.log, deps.config.MAX_IMPORT_MB));
  return { app, routes, services, auth };
}
