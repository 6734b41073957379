/**
 * Who is looking, and on which Vietnam calendar day: the two facts every visibility rule needs (secrecy lapses
 * by year, grants expire by day). Bound once per request or job, so a query cannot mix one viewer with another day.
 */
import type { Acting } from './actor.js';

export interface Scope {
  readonly acting: Acting;
  /** 'YYYY-MM-DD', the Vietnam calendar day, comparable with DATE columns. */
  readonly day: string;
}

export function scopeOf(acting: Acting, day: string): Scope {
  return { acting, day };
}
