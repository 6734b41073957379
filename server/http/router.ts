import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import { Download } from '../core/download.js';
import { scopeOf } from '../core/scope.js';
import { vnToday } from '../core/time/index.js';
import type { UploadedFile } from '../core/upload.js';
import { isAllowed, type AnyRoute } from './route.js';
import { multiUpload, sendDownload, uploadedList } from './stream.js';
import { verifyCsrf } from './middleware/session.js';
import { validateResponse } from './response-validation.js';

const SAFE_METHODS = new Set(['get', 'head', 'options']);

function parsePart(schema: z.ZodType | undefined, value: unknown, where: string) {
  if (!schema) return undefined;
  const r = schema.safeParse(value ?? {});
  if (!r.success) {
    throw ERRORS.validation(
      r.error.issues.map((i) => ({ in: where, path: i.path.join('.'), message: i.message, code: i.code })),
    );
  }
  return r.data;
}

/** Upload temp files are the request's own; a failure to remove one is left to the temp sweep. */
const removeUploads = (files: { path: string }[]) => Promise.all(files.map((f) => fs.promises.rm(f.path, { force: true }).catch(() => {})));

export function buildApiRouter(routes: AnyRoute[], deps: Deps): express.Router {
  const router = express.Router();
  const tmpDir = path.join(deps.config.DATA_DIR, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  // Disk storage: an upload streams to a temp file and is never held whole in memory.
  const upload = multer({
    dest: tmpDir,
    limits: { fileSize: deps.config.MAX_IMPORT_MB * 1024 * 1024, files: 1, fields: 50 },
  });

  for (const route of routes) {
    const handlers: express.RequestHandler[] = [];
    handlers.push((req, _res, next) => {
      if (!isAllowed(route.access, req.actor ?? null)) {
        return next(req.actor ? ERRORS.forbidden() : ERRORS.unauthenticated());
      }
      if (!SAFE_METHODS.has(route.method) && req.actor && !verifyCsrf(req)) return next(ERRORS.csrf());
      next();
    });
    if (route.upload) {
      const spec = route.upload;
      const multi = (spec.maxCount ?? 1) > 1;
      handlers.push(multi || spec.maxFileMb ? multiUpload(spec, tmpDir) : upload.single(spec.field));
      handlers.push(async (req, _res, next) => {
        const got = uploadedList(req);
        if (!got.length) return next(ERRORS.fileRequired(spec.field));
        const bad = spec.extensions && got.find((f) => !spec.extensions!.includes(path.extname(f.originalname).toLowerCase()));
        if (bad) {
          await removeUploads(got);
          return next(ERRORS.fileTypeUnsupported(spec.extensions!));
        }
        next();
      });
    }
    handlers.push(async (req: Request, res: Response, next: NextFunction) => {
      const files: UploadedFile[] = uploadedList(req).map((f) => ({
        path: f.path,
        // multer decodes the multipart filename as latin1; browsers send UTF-8.
        originalName: Buffer.from(f.originalname, 'latin1').toString('utf8').normalize('NFC'),
        size: f.size,
      }));
      const file = files[0] ?? null;
      const actor = req.actor ?? null;
      let result: unknown;
      try {
        result = await route.handler({
          params: parsePart(route.params, req.params, 'params'),
          query: parsePart(route.query, req.query, 'query'),
          body: parsePart(route.body, route.upload ? req.body : req.body, 'body'),
          actor,
          scope: actor ? scopeOf(actor, vnToday(deps.clock)) : null,
          file,
          files,
          req,
          res,
        });
      } catch (err) {
        await removeUploads(files);
        return next(err);
      }
      // Removed before the answer leaves, so a client that sees the answer never sees the temp files.
      await removeUploads(files);
      try {
        if (res.headersSent) return;
        if (result instanceof Download) {
          validateResponse(route, result, { mode: deps.config.RESPONSE_VALIDATION, log: deps.log, reqId: req.id });
          await sendDownload(req, res, result);
        } else if (result === undefined) {
          validateResponse(route, result, { mode: deps.config.RESPONSE_VALIDATION, log: deps.log, reqId: req.id });
          res.status(204).end();
        } else {
          // A handler may pick its status (res.status(…)) when it depends on the outcome.
          res.status(res.statusCode !== 200 ? res.statusCode : (route.status ?? 200)).json(validateResponse(route, result, { mode: deps.config.RESPONSE_VALIDATION, log: deps.log, reqId: req.id }));
        }
      } catch (err) {
        next(err);
      }
    });
    router[route.method](route.path.replace(/^\/api/, ''), ...handlers);
  }
  return router;
}
