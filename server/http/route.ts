/**
 * Every HTTP route is declared here-through: method, path, who may call it, and the zod schemas
 * that both validate the request and describe it in the OpenAPI document. Nothing is mounted any other way,
 * so a route without an access rule cannot exist (test/integration/access-matrix.test.ts checks the app).
 */
import type { Readable } from 'node:stream';
import type { Request, Response } from 'express';
import { z } from 'zod';

export const ROLES = ['admin', 'archivist', 'agency', 'researcher'] as const;
export type Role = (typeof ROLES)[number];

/** 'public': anyone; 'authenticated': any signed-in user; or the list of roles allowed. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
}

export interface UploadSpec {
  field: string;
  /** Allowed lower-case extensions, e.g. ['.xlsx', '.csv']; omitted = any (the handler checks content). */
  extensions?: string[];
  /** More than 1 = multi-file upload: the files arrive in ctx.files (ctx.file is the first). Default 1. */
  maxCount?: number;
  /** Per-file size limit in MB; default MAX_IMPORT_MB. */
  maxFileMb?: number;
}

export interface UploadedFile {
  path: string;
  originalName: string;
  size: number;
}

/** What a handler returns when the answer is a download rather than JSON. */
export class FileResult {
  constructor(
    readonly filename: string,
    readonly contentType: string,
    readonly body: Buffer,
  ) {}
}

/**
 * A streamed (or buffered) answer: images, tiles, exports. Private caching only, since every byte went through an
 * access check; with an ETag the router answers 304 to a matching If-None-Match without opening the body.
 */
export class StreamResult {
  constructor(
    readonly opts: {
      contentType: string;
      /** Lazily opened so a 304 never touches storage. */
      body: Buffer | Readable | (() => Promise<Buffer | Readable>);
      /** Set for downloads/inline names; omitted = no Content-Disposition. */
      filename?: string;
      disposition?: 'inline' | 'attachment';
      etag?: string;
      /** Seconds for `Cache-Control: private, max-age=…`; 0 = no-cache (revalidate each time). */
      maxAgeSeconds?: number;
      size?: number;
      /** Extra ASCII headers (e.g. X-Fixity-Status). */
      headers?: Record<string, string>;
    },
  ) {}
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Null only on public routes. */
  actor: Actor | null;
  file: UploadedFile | null;
  /** Every uploaded file (multi-file routes); empty when none. */
  files: UploadedFile[];
  req: Request;
  res: Response;
}

export interface RouteDef<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  upload?: UploadSpec;
  /** Response schema, for the OpenAPI document only. */
  response?: z.ZodType;
  /** Content type of a download, for the OpenAPI document. */
  produces?: string;
  status?: number;
  handler: (ctx: HandlerContext<Infer<P>, Infer<Q>, Infer<B>>) => Promise<unknown> | unknown;
}

export type AnyRoute = RouteDef<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;

/** Identity function that keeps the handler's context typed from its schemas. */
export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(def: RouteDef<P, Q, B>): AnyRoute {
  return def as unknown as AnyRoute;
}

export function isAllowed(access: Access, actor: Actor | null): boolean {
  if (access === 'public') return true;
  if (!actor) return false;
  if (access === 'authenticated') return true;
  return access.includes(actor.role);
}

/** Common path-parameter schema. */
export const IdParams = z.strictObject({ id: z.coerce.number().int().positive() });

/** Staff of the centre: the roles that run intake, handovers and stacks. */
export const STAFF: readonly Role[] = ['admin', 'archivist'];
