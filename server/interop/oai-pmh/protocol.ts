/**
 * OAI-PMH 2.0 request parsing: which arguments each verb takes, and which protocol error every forbidden combination
 * gets (spec §3.6). Pure: the provider turns a parsed request into rows, this file only decides what was asked.
 */

export const VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'ListIdentifiers', 'ListRecords', 'GetRecord'] as const;
export type Verb = (typeof VERBS)[number];

export type OaiErrorCode =
  | 'badArgument' | 'badResumptionToken' | 'badVerb' | 'cannotDisseminateFormat' | 'idDoesNotExist'
  | 'noRecordsMatch' | 'noMetadataFormats' | 'noSetHierarchy';

export class OaiError {
  constructor(readonly code: OaiErrorCode, readonly message: string) {}
}

export const METADATA_FORMATS = {
  oai_dc: { schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd', namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/' },
  ead3: { schema: 'https://www.loc.gov/ead/ead3.xsd', namespace: 'http://ead3.archivists.org/schema/' },
  'eac-cpf': { schema: 'https://eac.staatsbibliothek-berlin.de/schema/v2/eac.xsd', namespace: 'https://archivists.org/ns/eac/v2' },
} as const;
export type MetadataPrefix = keyof typeof METADATA_FORMATS;
export const isPrefix = (p: string): p is MetadataPrefix => Object.hasOwn(METADATA_FORMATS, p);

const ALLOWED: Record<Verb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
};

export interface ParsedRequest {
  verb: Verb;
  args: Record<string, string>;
}

/** A bound on the datestamp, with the granularity it was given in (both bounds must share one). */
export interface DateBound {
  at: Date;
  dayOnly: boolean;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** UTC date or dateTime at second granularity; a calendar-impossible value (2021-02-30) is not a date. */
export function parseDatestamp(value: string, end: boolean): DateBound | null {
  const d = DAY.exec(value);
  const s = d ? null : SECOND.exec(value);
  const m = d ?? s;
  if (!m) return null;
  const [y, mo, da, h = '0', mi = '0', se = '0'] = m.slice(1).map((x) => x ?? '0');
  const at = new Date(Date.UTC(+y!, +mo! - 1, +da!, +h, +mi, +se));
  if (at.getUTCFullYear() !== +y! || at.getUTCMonth() !== +mo! - 1 || at.getUTCDate() !== +da! || +h > 23 || +mi > 59 || +se > 59) return null;
  // A day-only `until` covers that whole day.
  if (d && end) at.setUTCSeconds(at.getUTCSeconds() + 86_399);
  return { at, dayOnly: Boolean(d) };
}

/** Arguments arrive as query or form fields; a repeated argument is itself a badArgument (spec §3.6). */
export function parseRequest(raw: Record<string, unknown>): ParsedRequest | OaiError[] {
  const verbValue = raw.verb;
  if (Array.isArray(verbValue)) return [new OaiError('badVerb', 'Tham số verb bị lặp lại (the verb argument is repeated).')];
  if (typeof verbValue !== 'string' || !verbValue) return [new OaiError('badVerb', 'Thiếu tham số verb (missing verb).')];
  if (!(VERBS as readonly string[]).includes(verbValue)) return [new OaiError('badVerb', `Verb không hợp lệ: "${verbValue.slice(0, 40)}" (illegal verb).`)];
  const verb = verbValue as Verb;
  const rule = ALLOWED[verb];
  const errors: OaiError[] = [];
  const args: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'verb') continue;
    if (Array.isArray(v)) { errors.push(new OaiError('badArgument', `Tham số ${k.slice(0, 40)} bị lặp lại (repeated argument).`)); continue; }
    if (typeof v !== 'string') { errors.push(new OaiError('badArgument', `Tham số ${k.slice(0, 40)} không hợp lệ.`)); continue; }
    if (![...rule.required, ...rule.optional, rule.exclusive].includes(k)) {
      errors.push(new OaiError('badArgument', `Verb ${verb} không nhận tham số ${k.slice(0, 40)} (illegal argument).`));
      continue;
    }
    args[k] = v;
  }
  if (errors.length) return errors;
  if (rule.exclusive && args[rule.exclusive] !== undefined) {
    if (Object.keys(args).length > 1) return [new OaiError('badArgument', 'resumptionToken phải là tham số duy nhất ngoài verb (exclusive argument).')];
    return { verb, args };
  }
  for (const r of rule.required) if (!args[r]) errors.push(new OaiError('badArgument', `Thiếu tham số bắt buộc ${r} (missing required argument).`));
  const from = args.from !== undefined ? parseDatestamp(args.from, false) : undefined;
  const until = args.until !== undefined ? parseDatestamp(args.until, true) : undefined;
  if (from === null) errors.push(new OaiError('badArgument', 'Tham số from không đúng dạng YYYY-MM-DD hoặc YYYY-MM-DDThh:mm:ssZ.'));
  if (until === null) errors.push(new OaiError('badArgument', 'Tham số until không đúng dạng YYYY-MM-DD hoặc YYYY-MM-DDThh:mm:ssZ.'));
  if (from && until) {
    if (from.dayOnly !== until.dayOnly) errors.push(new OaiError('badArgument', 'from và until phải cùng độ chi tiết thời gian (different granularities).'));
    else if (from.at > until.at) errors.push(new OaiError('badArgument', 'from phải trước hoặc bằng until.'));
  }
  return errors.length ? errors : { verb, args };
}

/** Set specs: type[:file|agency], fonds[:id], agency[:id], level[:province|district|commune]. */
const SET_SPEC = /^(type|fonds|agency|level)(?::([A-Za-z0-9_-]+))?$/;

export interface ParsedSet { kind?: 'file' | 'agency'; fondsId?: number | 'any'; agencyId?: number; level?: string; none?: boolean }

/** The filter for a setSpec, `{ none: true }` for a well-formed spec naming no set we have, null when malformed. */
export function parseSet(spec: string): ParsedSet | null {
  const m = SET_SPEC.exec(spec);
  if (!m) return /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/.test(spec) ? { none: true } : null;
  const [, top, sub] = m;
  const id = sub && /^[1-9]\d{0,8}$/.test(sub) ? Number(sub) : null;
  switch (top) {
    case 'type': return !sub ? {} : sub === 'file' || sub === 'agency' ? { kind: sub } : { none: true };
    case 'fonds': return !sub ? { kind: 'file', fondsId: 'any' } : id ? { kind: 'file', fondsId: id } : { none: true };
    case 'agency': return !sub ? {} : id ? { agencyId: id } : { none: true };
    default: return !sub ? {} : ['province', 'district', 'commune'].includes(sub) ? { level: sub } : { none: true };
  }
}
