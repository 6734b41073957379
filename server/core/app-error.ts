/** One error type for the whole service: a stable English code, a Vietnamese message, an HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: unknown) => new AppError(code, message, 400, details);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(code, message, 409, details);
export const unprocessable = (code: string, message: string, details?: unknown) => new AppError(code, message, 422, details);
