/**
 * The OAI-PMH 2.0 data provider: public records only, no login. Items are public files (oai_dc, ead3) and source
 * agencies (oai_dc, eac-cpf); a file that stops being public (restricted, made secret, removed) stays listed as a
 * deleted record forever (deletedRecord = persistent). Every answer, errors included, is an OAI-PMH XML document
 * with HTTP 200, as the protocol wants; the caller only supplies the raw arguments and the base URL.
 */
import type { Queryable } from '../../db/db.js';
import { currentYear, type Clock } from '../../core/time/index.js';
import type { InteropContext } from '../records/descriptions.js';
import { el, NS, serialize } from '../xml/xml.js';
import { allSets, countItems, databaseNow, earliestStamp, findItem, listItems, type ItemQuery } from './oai.repository.js';
import { isPrefix, METADATA_FORMATS, OaiError, parseDatestamp, parseRequest, parseSet, type ParsedRequest } from './protocol.js';
import { appendItem, FORMATS_OF, identifierOf, KINDS_OF, loadMetadata, parseIdentifier } from './items.js';
import { decodeToken, encodeToken, TOKEN_LIFETIME_MS, type ListToken } from './token.js';
import { appendToken, envelope, errorDocument, utcSeconds } from './writer.js';

export interface OaiSettings {
  centreName: string;
  repositoryId: string;
  adminEmail: string;
  pageSize: number;
}

export interface OaiProvider {
  /** `raw`: the query (GET) or form fields (POST); `baseUrl`: this endpoint's absolute URL; `apiBase`: the API root. */
  respond(raw: Record<string, unknown>, baseUrl: string, apiBase: string): Promise<string>;
}

const LEVEL_NAMES = { province: 'Cơ quan cấp tỉnh', district: 'Cơ quan cấp huyện', commune: 'Cơ quan cấp xã' } as const;

export function createOaiProvider(deps: { db: Queryable; clock: Clock; settings: OaiSettings }): OaiProvider {
  const { db, settings } = deps;

  async function identify(req: ParsedRequest, now: Date, baseUrl: string): Promise<string> {
    const { doc, root } = envelope(now, baseUrl, req);
    const id = el(root, 'Identify');
    el(id, 'repositoryName', settings.centreName);
    el(id, 'baseURL', baseUrl);
    el(id, 'protocolVersion', '2.0');
    el(id, 'adminEmail', settings.adminEmail);
    const earliest = await earliestStamp(db, currentYear(now));
    el(id, 'earliestDatestamp', utcSeconds(earliest ?? new Date(Date.UTC(2000, 0, 1))));
    el(id, 'deletedRecord', 'persistent');
    el(id, 'granularity', 'YYYY-MM-DDThh:mm:ssZ');
    const desc = el(id, 'description');
    const oid = desc.ele(NS.oaiId, 'oai-identifier')
      .att(NS.xsi, 'xsi:schemaLocation', 'http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd');
    el(oid, 'scheme', 'oai');
    el(oid, 'repositoryIdentifier', settings.repositoryId);
    el(oid, 'delimiter', ':');
    el(oid, 'sampleIdentifier', identifierOf(settings.repositoryId, 'file', 1));
    return serialize(doc);
  }

  async function listMetadataFormats(req: ParsedRequest, now: Date, baseUrl: string): Promise<string> {
    let prefixes = Object.keys(METADATA_FORMATS) as (keyof typeof METADATA_FORMATS)[];
    if (req.args.identifier !== undefined) {
      const ref = parseIdentifier(settings.repositoryId, req.args.identifier);
      const item = ref && (await findItem(db, ref.kind, ref.id, currentYear(now)));
      if (!ref || !item) return errorDocument(now, baseUrl, req, [new OaiError('idDoesNotExist', 'Không có bản ghi với định danh này (unknown identifier).')]);
      prefixes = FORMATS_OF[ref.kind];
    }
    const { doc, root } = envelope(now, baseUrl, req);
    const list = el(root, 'ListMetadataFormats');
    for (const p of prefixes) {
      const f = el(list, 'metadataFormat');
      el(f, 'metadataPrefix', p);
      el(f, 'schema', METADATA_FORMATS[p].schema);
      el(f, 'metadataNamespace', METADATA_FORMATS[p].namespace);
    }
    return serialize(doc);
  }

  async function listSets(req: ParsedRequest, now: Date, baseUrl: string): Promise<string> {
    let offset = 0;
    if (req.args.resumptionToken !== undefined) {
      const t = decodeToken(req.args.resumptionToken, 'S', now);
      if (!t.ok) return errorDocument(now, baseUrl, req, [new OaiError('badResumptionToken', tokenMessage(t.reason))]);
      offset = t.token.a;
    }
    const [fonds, agencies] = await allSets(db);
    const sets: [string, string][] = [
      ['type', 'Theo loại bản ghi'], ['type:file', 'Hồ sơ lưu trữ'], ['type:agency', 'Cơ quan, tổ chức thuộc nguồn nộp lưu'],
      ['level', 'Theo cấp cơ quan'], ...Object.entries(LEVEL_NAMES).map(([k, v]) => [`level:${k}`, v] as [string, string]),
      ['fonds', 'Theo phông lưu trữ'], ...fonds.map((f) => [`fonds:${f.id}`, `Phông ${f.name} (${f.code})`] as [string, string]),
      ['agency', 'Theo cơ quan nộp lưu'], ...agencies.map((a) => [`agency:${a.id}`, `${a.name} (${a.code})`] as [string, string]),
    ];
    if (offset >= sets.length && offset > 0) return errorDocument(now, baseUrl, req, [new OaiError('badResumptionToken', tokenMessage('malformed'))]);
    const { doc, root } = envelope(now, baseUrl, req);
    const list = el(root, 'ListSets');
    const page = sets.slice(offset, offset + settings.pageSize);
    for (const [spec, name] of page) {
      const s = el(list, 'set');
      el(s, 'setSpec', spec);
      el(s, 'setName', name);
    }
    const next = offset + page.length;
    if (offset > 0 || next < sets.length) {
      const expires = new Date(now.getTime() + TOKEN_LIFETIME_MS);
      appendToken(list, { token: next < sets.length ? encodeToken({ v: 1, k: 'S', a: next, c: next, x: expires.getTime() }) : null, completeListSize: sets.length, cursor: offset, expires });
    }
    return serialize(doc);
  }

  async function list(req: ParsedRequest, now: Date, baseUrl: string, apiBase: string, headersOnly: boolean): Promise<string> {
    const kind = headersOnly ? 'I' : 'R';
    let t: ListToken;
    if (req.args.resumptionToken !== undefined) {
      const d = decodeToken(req.args.resumptionToken, kind, now);
      if (!d.ok) return errorDocument(now, baseUrl, req, [new OaiError('badResumptionToken', tokenMessage(d.reason))]);
      t = d.token;
    } else {
      const from = req.args.from !== undefined ? parseDatestamp(req.args.from, false)!.at : undefined;
      const until = req.args.until !== undefined ? parseDatestamp(req.args.until, true)!.at : undefined;
      const frozen = await databaseNow(db);
      t = { v: 1, k: kind, m: req.args.metadataPrefix, s: req.args.set, f: from?.getTime(), u: (until && until < frozen ? until : frozen).getTime(), a: 0, c: 0, x: 0 };
    }
    const prefix = t.m ?? '';
    if (!isPrefix(prefix)) return errorDocument(now, baseUrl, req, [new OaiError('cannotDisseminateFormat', `Định dạng siêu dữ liệu "${prefix.slice(0, 40)}" không được hỗ trợ.`)]);
    const set = t.s !== undefined ? parseSet(t.s) : {};
    if (set === null) return errorDocument(now, baseUrl, req, [new OaiError('badArgument', 'Tham số set không đúng cú pháp setSpec.')]);
    const noMatch = () => errorDocument(now, baseUrl, req, [new OaiError('noRecordsMatch', 'Không có bản ghi nào khớp điều kiện.')]);
    if (set.none) return noMatch();
    const year = currentYear(now);
    const q: Omit<ItemQuery, 'afterKey' | 'limit'> = {
      kinds: KINDS_OF[prefix], set, from: t.f !== undefined ? new Date(t.f) : null, until: t.u !== undefined ? new Date(t.u) : null, year,
    };
    const items = await listItems(db, { ...q, afterKey: t.a, limit: settings.pageSize + 1 });
    const more = items.length > settings.pageSize;
    const page = items.slice(0, settings.pageSize);
    if (!page.length) return noMatch();
    const [meta, total] = await Promise.all([loadMetadata(db, page, year), countItems(db, q)]);
    const ctx = { apiBase, centreName: settings.centreName, now, repositoryId: settings.repositoryId } satisfies InteropContext & { repositoryId: string };
    const { doc, root } = envelope(now, baseUrl, req);
    const listEl = el(root, headersOnly ? 'ListIdentifiers' : 'ListRecords');
    let written = 0;
    for (const item of page) if (appendItem(listEl, item, prefix, meta, ctx, headersOnly)) written++;
    if (!written) return noMatch();
    if (more || t.c > 0) {
      const expires = new Date(now.getTime() + TOKEN_LIFETIME_MS);
      const next: ListToken = { ...t, a: page[page.length - 1]!.key, c: t.c + page.length, x: expires.getTime() };
      appendToken(listEl, { token: more ? encodeToken(next) : null, completeListSize: total, cursor: t.c, expires });
    }
    return serialize(doc);
  }

  async function getRecord(req: ParsedRequest, now: Date, baseUrl: string, apiBase: string): Promise<string> {
    const ref = parseIdentifier(settings.repositoryId, req.args.identifier!);
    const year = currentYear(now);
    const item = ref && (await findItem(db, ref.kind, ref.id, year));
    if (!ref || !item) return errorDocument(now, baseUrl, req, [new OaiError('idDoesNotExist', 'Không có bản ghi với định danh này (unknown identifier).')]);
    const prefix = req.args.metadataPrefix!;
    if (!isPrefix(prefix) || !FORMATS_OF[ref.kind].includes(prefix)) {
      return errorDocument(now, baseUrl, req, [new OaiError('cannotDisseminateFormat', `Bản ghi này không có định dạng "${prefix.slice(0, 40)}".`)]);
    }
    const meta = await loadMetadata(db, [item], year);
    const { doc, root } = envelope(now, baseUrl, req);
    const ctx = { apiBase, centreName: settings.centreName, now, repositoryId: settings.repositoryId };
    if (!appendItem(el(root, 'GetRecord'), item, prefix, meta, ctx, false)) {
      return errorDocument(now, baseUrl, req, [new OaiError('idDoesNotExist', 'Không có bản ghi với định danh này (unknown identifier).')]);
    }
    return serialize(doc);
  }

  return {
    async respond(raw, baseUrl, apiBase) {
      const now = deps.clock();
      const parsed = parseRequest(raw);
      if (Array.isArray(parsed)) return errorDocument(now, baseUrl, null, parsed);
      switch (parsed.verb) {
        case 'Identify': return identify(parsed, now, baseUrl);
        case 'ListMetadataFormats': return listMetadataFormats(parsed, now, baseUrl);
        case 'ListSets': return listSets(parsed, now, baseUrl);
        case 'ListIdentifiers': return list(parsed, now, baseUrl, apiBase, true);
        case 'ListRecords': return list(parsed, now, baseUrl, apiBase, false);
        case 'GetRecord': return getRecord(parsed, now, baseUrl, apiBase);
      }
    },
  };
}

function tokenMessage(reason: 'malformed' | 'expired' | 'wrongVerb'): string {
  if (reason === 'expired') return 'resumptionToken đã hết hạn; hãy bắt đầu lại lượt thu thập (expired token).';
  if (reason === 'wrongVerb') return 'resumptionToken không thuộc verb này (token issued for another verb).';
  return 'resumptionToken không hợp lệ (malformed token).';
}
