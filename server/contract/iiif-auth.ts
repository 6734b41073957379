/**
 * IIIF Authorization Flow API 2.0 (https://iiif.io/api/auth/2.0/): the service descriptions embedded in info.json and
 * manifests (probe → access → token and logout), and the probe service's answer. Language maps carry Vietnamese only.
 */
import { z } from 'zod';

export const IIIF_AUTH_CONTEXT = 'http://iiif.io/api/auth/2/context.json';
const LangMap = z.object({ vi: z.array(z.string()) });

export const AuthAccessTokenService2 = z.object({
  id: z.string(),
  type: z.literal('AuthAccessTokenService2'),
  errorHeading: LangMap.optional(),
  errorNote: LangMap.optional(),
});
export const AuthLogoutService2 = z.object({ id: z.string(), type: z.literal('AuthLogoutService2'), label: LangMap });
export const AuthAccessService2 = z.object({
  id: z.string(),
  type: z.literal('AuthAccessService2'),
  profile: z.literal('active'),
  label: LangMap,
  heading: LangMap.optional(),
  note: LangMap.optional(),
  confirmLabel: LangMap.optional(),
  service: z.array(z.union([AuthAccessTokenService2, AuthLogoutService2])),
});
export const AuthProbeService2 = z.object({
  id: z.string(),
  type: z.literal('AuthProbeService2'),
  service: z.array(AuthAccessService2),
  errorHeading: LangMap.optional(),
  errorNote: LangMap.optional(),
});
export type AuthProbeService2 = z.output<typeof AuthProbeService2>;

export const AuthProbeResult2 = z.object({
  '@context': z.literal(IIIF_AUTH_CONTEXT),
  type: z.literal('AuthProbeResult2'),
  /** The HTTP status the resource itself would answer this requester with (200, 401, 403). */
  status: z.number().int(),
  /** What a viewer may show instead: a placeholder image saying why the page is closed. */
  substitute: z.array(z.object({ id: z.string(), type: z.literal('Image'), format: z.string(), label: LangMap })).optional(),
  heading: LangMap.optional(),
  note: LangMap.optional(),
});
export type AuthProbeResult2 = z.output<typeof AuthProbeResult2>;
