/**
 * Security headers on every response (helmet). The CSP allows only this origin: the client is a bundled SPA with no
 * inline script, and the viewer (OpenSeadragon) loads IIIF info.json and tiles from the same origin and draws through
 * canvas, blob: and data: images. Inline styles are allowed because the viewer injects a <style> element (with
 * `style-src 'self'` the browser suite's viewer test reports the violation); scripts are never inline.
 * HSTS only on a request that came over TLS (directly or via a trusted proxy): sent over plain HTTP it would either be
 * ignored or, once cached, lock a LAN install out of http://.
 */
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'blob:', 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  mediaSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  scriptSrcAttr: ["'none'"],
};

export function securityHeaders() {
  const base = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 180 * 24 * 3600, includeSubDomains: false });
  return (req: Request, res: Response, next: NextFunction) => {
    base(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (req.secure) return hsts(req, res, next);
      next();
    });
  };
}
