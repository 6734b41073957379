/**
 * Every HTTP route is declared here-through: method, path, who may call it, and the zod schemas
 * that both validate the request and describe it in the OpenAPI document. Nothing is mounted any other way,
 * so a route without an access rule cannot exist (test/integration/access/access-matrix.test.ts checks the app).
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Actor, Role } from '../core/actor.js';
import type { Scope } from '../core/scope.js';
import type { UploadedFile } from '../core/upload.js';
import { Id } from '../core/schemas.js';

/** 'public': anyone; 'authenticated': any signed-in user; or the list of roles allowed. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface UploadSpec {
  field: string;
  /** Allowed lower-case extensions, e.g. ['.xlsx', '.csv']; omitted = any (the handler checks content). */
  extensions?: string[];
  /** More than 1 = multi-file upload: the files arrive in ctx.files (ctx.file is the first). Default 1. */
  maxCount?: number;
  /** Per-file size limit in MB; default MAX_IMPORT_MB. */
  maxFileMb?: number;
}

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The router lets a request through only with a signed-in actor unless the route is public. */
type ActorFor<A extends Access> = A extends 'public' ? Actor | null : Actor;

export interface HandlerContext<P, Q, B, A extends Access = Access> {
  params: P;
  query: Q;
  body: B;
  actor: ActorFor<A>;
  /** The actor and today's Vietnam day, bound once for every visibility check of this request. */
  scope: A extends 'public' ? Scope | null : Scope;
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
  A extends Access = Access,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  upload?: UploadSpec;
  /** Response schema, for the OpenAPI document only. */
  response?: z.ZodType;
  /** Content type of a download, for the OpenAPI document. */
  produces?: string;
  status?: number;
  handler: (ctx: HandlerContext<Infer<P>, Infer<Q>, Infer<B>, A>) => Promise<unknown> | unknown;
}

export type AnyRoute = Omit<RouteDef, 'handler'> & {
  handler: (ctx: HandlerContext<unknown, unknown, unknown, Access>) => Promise<unknown> | unknown;
};

/** Identity function that keeps the handler's context typed from its schemas. */
export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  const A extends Access = Access,
>(def: RouteDef<P, Q, B, A>): AnyRoute {
  return def as unknown as AnyRoute;
}

export function isAllowed(access: Access, actor: Actor | null): boolean {
  if (access === 'public') return true;
  if (!actor) return false;
  if (access === 'authenticated') return true;
  return access.includes(actor.role);
}

/** Common path-parameter schema. */
export const IdParams = z.strictObject({ id: Id });
