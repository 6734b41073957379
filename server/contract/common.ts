/**
 * Building blocks of the response contract. Schemas describe the JSON a client receives (after serialisation), so
 * timestamps are ISO strings here even where a repository hands out a Date. Objects are plain `z.object`: the edge
 * (server/http/response-validation.ts) strips undeclared keys in production and refuses them in tests, so a column a
 * repository starts selecting never reaches a client unnoticed.
 */
import { z } from 'zod';
import { ROLES } from '../core/actor.js';

export const Role = z.enum(ROLES);
export type Role = z.output<typeof Role>;

/** An instant as sent over JSON (ISO 8601). */
export const Timestamp = z.string();
/** A calendar day 'YYYY-MM-DD'. */
export const Day = z.string();

/** The answer of a route that sends nothing (204). */
export const NoContent = z.undefined().describe('204 No Content');

export const IdRef = z.object({ id: z.number() });
export const AgencyRef = z.object({ id: z.number(), code: z.string(), name: z.string() });
/** The agency a row belongs to, as list rows carry it (spread into their object). */
export const agencyColumns = { agencyId: z.number(), agencyCode: z.string(), agencyName: z.string() };

export const Problem = z.object({ row: z.number().nullable(), column: z.string().nullable(), message: z.string() });
export type Problem = z.output<typeof Problem>;

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** `{ items, total }`: a page of a longer list. */
export const paged = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });
/** `{ items }`: a whole list. */
export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/**
 * Keys that must never appear in an answer, whatever a schema says: credentials and their hashes. Checked by the edge
 * in every mode and by the OpenAPI test over every declared property.
 */
export const SENSITIVE_KEY = /passw|secret|^token$|token_?hash|session_?id|^sid$/i;

const describesSchemas = new WeakSet<z.ZodType>();
/**
 * Marks a schema whose keys name fields rather than carry them (the OpenAPI document lists `password` as a request
 * property): such an answer is exempt from the SENSITIVE_KEY check.
 */
export function schemaDocument<T extends z.ZodType>(schema: T): T {
  describesSchemas.add(schema);
  return schema;
}
export const isSchemaDocument = (schema: z.ZodType) => describesSchemas.has(schema);
