import type { NextFunction, Request, Response } from 'express';
import { MulterError } from 'multer';
import { ZodError } from 'zod';
import type { Logger } from 'pino';
import { AppError, ERRORS, fromDatabaseError } from '../../errors.js';
import { toUnavailable } from './unavailable.js';

function toAppError(err: unknown, maxUploadMb: number): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return ERRORS.validation(err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  if (err instanceof MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE')
      return new AppError('FILE_TOO_LARGE', `Tệp vượt quá dung lượng cho phép (${maxUploadMb} MB).`, 413);
    if (err.code === 'LIMIT_UNEXPECTED_FILE')
      return ERRORS.badRequest('UNEXPECTED_FILE_FIELD', `Trường tệp "${err.field}" không được chấp nhận.`);
    return ERRORS.badRequest('UPLOAD_INVALID', `Tải tệp không thành công: ${err.message}`);
  }
  const type = (err as { type?: string })?.type;
  if (type === 'entity.parse.failed') return ERRORS.invalidJson();
  if (type === 'entity.too.large') return ERRORS.payloadTooLarge('1 MB');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return ERRORS.badRequest('UNSUPPORTED_ENCODING', 'Bảng mã của nội dung không được hỗ trợ.');
  if ((err as { message?: string })?.message === 'Malformed part header' || (err as { message?: string })?.message === 'Unexpected end of form')
    return ERRORS.badRequest('MULTIPART_INVALID', 'Dữ liệu multipart không đúng định dạng.');
  return fromDatabaseError(err) ?? toUnavailable(err);
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
