/**
 * Errors the HTTP layer raises before (or without) reaching a route — Node's own parser limits (431 header/URL too
 * large, 400 malformed request, 408 timeout) and parser 4xx — in the same `{ error: { code, message } }` shape and with
 * a Vietnamese message, like every other answer of the API.
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ERRORS, type AppError } from '../../core/errors.js';

export function httpStatusError(status: number): AppError {
  return ERRORS.httpStatus(status);
}

/** Node's parser error codes → status; anything else it reports is a malformed request. */
function statusOf(err: NodeJS.ErrnoException): number {
  if (err.code === 'HPE_HEADER_OVERFLOW') return 431;
  if (err.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 413;
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large' };

/** Replaces Node's default clientError answer (a bare status line, empty body) with the JSON error shape. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // A response already under way on this socket cannot be replaced; a reset peer cannot be answered.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const status = statusOf(err);
    const e = httpStatusError(status);
    const body = JSON.stringify({ error: { code: e.code, message: e.message } });
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status] ?? 'Bad Request'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
