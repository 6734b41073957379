import type { NextFunction, Request, Response } from 'express';
import { MulterError } from 'multer';
import { ZodError } from 'zod';
import type { Logger } from 'pino';
import { AppError, ERRORS, fromDatabaseError } from '../../core/errors.js';
import { toUnavailable } from './unavailable.js';
import { httpStatusError } from './client-errors.js';

function toAppError(err: unknown, maxUploadMb: number): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return ERRORS.validation(err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  if (err instanceof MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE')
      return ERRORS.fileTooLarge(maxUploadMb);
    if (err.code === 'LIMIT_UNEXPECTED_FILE')
      return ERRORS.unexpectedFileField(err.field);
    return ERRORS.uploadInvalid(err.message);
  }
  const type = (err as { type?: string })?.type;
  if (type === 'entity.parse.failed') return ERRORS.invalidJson();
  if (type === 'entity.too.large') return ERRORS.payloadTooLarge('1 MB');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return ERRORS.unsupportedEncoding();
  const message = (err as { message?: string })?.message ?? '';
  // busboy (under multer): a missing boundary or content type is thrown synchronously as a plain Error.
  if (/^(Malformed part header|Unexpected end of form|Multipart: Boundary not found|Missing Content-Type|Unsupported content type)/.test(message))
    return ERRORS.multipartInvalid();
  // A body declared gzip/deflate/br that does not decompress (zlib codes Z_DATA_ERROR, Z_BUF_ERROR …).
  if (/^Z_|^ERR__?(BROTLI|ZLIB)/.test(String((err as { code?: unknown })?.code ?? '')))
    return ERRORS.bodyEncodingInvalid();
  if (type === 'request.aborted') return ERRORS.requestAborted();

  if (type === 'parameters.too.many') return ERRORS.payloadTooLarge('số trường cho phép');
  return fromDatabaseError(err) ?? toUnavailable(err) ?? fromHttpError(err);
}

/**
 * Last resort for the 4xx errors Express and its parsers raise (http-errors with `expose`), e.g. a path segment that
 * is not valid percent-encoding: never let a client mistake be a 500, never let its English text reach people.
 */
function fromHttpError(err: unknown): AppError | null {
  const e = err as { status?: unknown; statusCode?: unknown; expose?: unknown };
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : 0;
  if (status < 400 || status > 499 || e.expose === false) return null;
  return httpStatusError(status);
}

export function errorHandler(log: Logger, maxUploadMb: number) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appErr = toAppError(err, maxUploadMb);
    if (appErr) {
      if (appErr.status >= 500) log.error({ err, reqId: req.id }, appErr.message);
      if (appErr.status === 503) res.setHeader('Retry-After', '30');
      res.status(appErr.status).json({
        error: { code: appErr.code, message: appErr.message, ...(appErr.details !== undefined ? { details: appErr.details } : {}) },
      });
      return;
    }
    log.error({ err, reqId: req.id }, 'unhandled error');
    if (res.headersSent) return;
    res.status(500).json({ error: { code: 'INTERNAL', message: 'Lỗi hệ thống. Vui lòng thử lại hoặc liên hệ quản trị viên.' } });
  };
}
