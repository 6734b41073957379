/**
 * What IIIF clients on other origins need before any route runs (viewers and aggregators fetch manifests, info.json,
 * tiles and search answers from their own pages):
 *
 * - CORS with `Access-Control-Allow-Origin: *` and never `Allow-Credentials`: a page of another origin may read what
 *   an anonymous request gets, but a browser will not attach this site's session cookie to such a read, so the
 *   cookie never opens restricted content cross-origin. Preflight OPTIONS answers 204 here. What does open it is an
 *   explicit `Authorization: Bearer` from the IIIF Auth 2 token service (iiif/auth.routes.ts), hence Authorization in
 *   the allowed headers; the flow's own HTML pages (access, token) drop the CORS header again.
 * - `Cross-Origin-Resource-Policy: cross-origin` instead of helmet's same-origin, or tiles would not draw — but only
 *   on a request without the session cookie: an answer made for a signed-in user (maybe a restricted page) must not
 *   be embeddable by a page of another origin on the same site, where the Lax cookie would still be sent.
 * - Percent-encoded unreserved characters in the path decoded (`page%2D5` is `page-5`, RFC 3986 §6.2.2.2; the
 *   official Image API validator checks it). `%2F` and other reserved ones stay encoded, so no path is invented.
 */
import type { NextFunction, Request, Response } from 'express';
import { readCookie, SESSION_COOKIE } from './session.js';

export const IIIF_PREFIX = '/api/iiif/';
const UNRESERVED = /%(2[dDeE]|3\d|[46][1-9a-fA-F]|[57][0-9aA]|5[fF]|7[eE])/g;

export function decodeUnreserved(path: string): string {
  return path.replace(UNRESERVED, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function iiifCors() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith(IIIF_PREFIX) && !decodeUnreserved(req.path).startsWith(IIIF_PREFIX)) return next();
    const q = req.url.indexOf('?');
    const path = q < 0 ? req.url : req.url.slice(0, q);
    if (path.includes('%')) req.url = decodeUnreserved(path) + (q < 0 ? '' : req.url.slice(q));
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Type, Content-Length, ETag, Last-Modified, Link, X-Request-Id');
    if (!readCookie(req, SESSION_COOKIE)) res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Accept, Accept-Language, Authorization, Range, If-None-Match, If-Modified-Since');
      res.setHeader('Access-Control-Max-Age', '86400');
      res.status(204).end();
      return;
    }
    next();
  };
}
