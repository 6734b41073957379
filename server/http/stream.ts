/**
 * Router helpers for large bodies in both directions: multi-file uploads streamed to temp files (never held in
 * memory) and streamed answers (images, tiles, exports) with private caching and ETag revalidation.
 */
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Download, Freshness } from '../core/download.js';
import { ERRORS } from '../core/errors.js';
import type { UploadSpec } from './route.js';

export function uploadedList(req: Request): Express.Multer.File[] {
  if (req.file) return [req.file];
  const f = req.files;
  if (Array.isArray(f)) return f;
  return f ? Object.values(f).flat() : [];
}

/**
 * multer with this route's own limits. multer removes the temp files it wrote when the request fails or the
 * client aborts mid-upload; the router removes them after the handler otherwise.
 */
export function multiUpload(spec: UploadSpec, tmpDir: string): RequestHandler {
  const maxCount = spec.maxCount ?? 1;
  const maxMb = spec.maxFileMb ?? 20;
  const mw = multer({ dest: tmpDir, limits: { fileSize: maxMb * 1024 * 1024, files: maxCount, fields: 50 } }).array(spec.field, maxCount);
  return (req: Request, res: Response, next: NextFunction) => {
    mw(req, res, (err?: unknown) => {
      if (!err) return next();
      if (err instanceof MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') return next(ERRORS.fileTooLarge(maxMb));
        if (err.code === 'LIMIT_FILE_COUNT' || (err.code === 'LIMIT_UNEXPECTED_FILE' && err.field === spec.field)) {
          return next(ERRORS.tooManyFiles(maxCount));
        }
      }
      next(err);
    });
  };
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

const MAX_AGE: Record<Exclude<Freshness, 'revalidate'>, number> = { hour: 3600, day: 86_400 };

/** Private caching only, since every byte went through an access check. */
function cacheControl(freshFor: Freshness): string {
  return freshFor === 'revalidate' ? 'private, no-cache' : `private, max-age=${MAX_AGE[freshFor]}`;
}

function integrityHeaders(d: Download): Record<string, string> {
  const f = d.spec.fixity;
  if (!f) return {};
  return f.sha256 ? { 'X-Fixity-Status': f.status, 'X-Content-SHA256': f.sha256 } : { 'X-Fixity-Status': f.status };
}

/**
 * Sends a download; with a content version the client's If-None-Match is answered 304 without opening the body.
 * A download with no freshness is a one-off document and gets no Cache-Control at all.
 */
export async function sendDownload(req: Request, res: Response, d: Download): Promise<void> {
  const o = d.spec;
  const etag = o.version ? `"${o.version.replace(/"/g, '')}"` : undefined;
  const cache = o.freshFor ? cacheControl(o.freshFor) : undefined;
  const extra = integrityHeaders(d);
  if (etag && etagMatches(req.headers['if-none-match'], etag)) {
    res.setHeader('ETag', etag);
    if (cache) res.setHeader('Cache-Control', cache);
    for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
    res.status(304).end();
    return;
  }
  // Opened before any header goes out, so a missing object still becomes a clean JSON error.
  const body = typeof o.body === 'function' ? await o.body() : o.body;
  res.setHeader('Content-Type', o.contentType);
  if (cache) res.setHeader('Cache-Control', cache);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (etag) res.setHeader('ETag', etag);
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
  if (o.filename) res.setHeader('Content-Disposition', contentDisposition(o.disposition ?? 'attachment', o.filename));
  if (Buffer.isBuffer(body)) {
    res.setHeader('Content-Length', String(body.length));
    res.status(200).end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  if (o.size != null) res.setHeader('Content-Length', String(o.size));
  res.status(200);
  try {
    await pipeline(body as Readable, res);
  } catch (err) {
    // Headers are out: the only honest signal left is a cut connection.
    (body as Readable).destroy();
    if (!res.writableEnded) res.destroy(err as Error);
  }
}

/** Content-Disposition with a UTF-8 name: Vietnamese file names survive, header stays ASCII. */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
