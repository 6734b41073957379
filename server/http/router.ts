import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { ERRORS } from '../errors.js';
import { FileResult, isAllowed, StreamResult, type AnyRoute, type UploadedFile } from './route.js';
import { multiUpload, sendStream, uploadedList } from './stream.js';
import { verifyCsrf } from './middleware/session.js';

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

/** Content-Disposition with a UTF-8 name: Vietnamese file names survive, header stays ASCII. */
export function contentDisposition(filename: string): string {
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

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
      handlers.push((req, _res, next) => {
        const got = uploadedList(req);
        if (!got.length) return next(ERRORS.badRequest('FILE_REQUIRED', `Thiếu tệp tải lên (trường "${spec.field}").`));
        const bad = spec.extensions && got.find((f) => !spec.extensions!.includes(path.extname(f.originalname).toLowerCase()));
        if (bad) {
          for (const f of got) fs.rm(f.path, { force: true }, () => {});
          return next(ERRORS.badRequest('FILE_TYPE_UNSUPPORTED', `Chỉ chấp nhận tệp ${spec.extensions!.join(', ')}.`));
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
      try {
        const result = await route.handler({
          params: parsePart(route.params, req.params, 'params'),
          query: parsePart(route.query, req.query, 'query'),
          body: parsePart(route.body, route.upload ? req.body : req.body, 'body'),
          actor: req.actor ?? null,
          file,
          files,
          req,
          res,
        });
        if (res.headersSent) return;
        if (result instanceof StreamResult) {
          await sendStream(req, res, result);
        } else if (result instanceof FileResult) {
          res.setHeader('Content-Type', result.contentType);
          res.setHeader('Content-Disposition', contentDisposition(result.filename));
          res.setHeader('X-Content-Type-Options', 'nosniff');
          res.status(200).end(result.body);
        } else if (result === undefined) {
          res.status(204).end();
        } else {
          // A handler may pick its status (res.status(…)) when it depends on the outcome.
          res.status(res.statusCode !== 200 ? res.statusCode : (route.status ?? 200)).json(result);
        }
      } catch (err) {
        next(err);
      } finally {
        for (const f of files) fs.rm(f.path, { force: true }, () => {});
      }
    });
    router[route.method](route.path.replace(/^\/api/, ''), ...handlers);
  }
  return router;
}
