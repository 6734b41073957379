/** Which connection a request came over (HTTPS or not, through which proxy), for the cookie and HSTS decisions. */
import net from 'node:net';
import type { Request } from 'express';
import type { Config } from '../../config.js';

/** TRUST_PROXY as Express reads it: true/false, a hop count, or a list of addresses/subnets/names (loopback …). */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Secure cookie: forced by COOKIE_SECURE=true/false, else exactly when the request came over TLS (req.secure honours trust proxy). */
export function cookieSecure(config: Pick<Config, 'COOKIE_SECURE'>, req: Request): boolean {
  return config.COOKIE_SECURE === 'auto' ? req.secure : config.COOKIE_SECURE;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

/**
 * The start-up warning for a server reachable from other machines over plain HTTP: sessions and passwords travel in
 * clear text there. Null when the listener is loopback-only or the cookie is forced Secure (TLS in front).
 */
export function plainHttpWarning(config: Pick<Config, 'HOST' | 'PORT' | 'COOKIE_SECURE'>): string | null {
  if (isLoopbackHost(config.HOST) || config.COOKIE_SECURE === true) return null;
  return (
    `Cảnh báo: máy chủ phục vụ HTTP thường (không mã hóa) cho các máy khác (HOST=${config.HOST}, cổng ${config.PORT}); ` +
    'mật khẩu và phiên đăng nhập đi qua mạng ở dạng rõ. Hãy đặt một reverse proxy HTTPS phía trước ' +
    '(TRUST_PROXY cho biết proxy nào được tin, COOKIE_SECURE=true buộc cookie Secure).'
  );
}
