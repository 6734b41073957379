/**
 * The cart and request slips. A slip is checked whole before anything is written (TT 10/2014 limits, secrecy,
 * servability), numbered in the year's request register, timed on the working calendar, and routed to the head of
 * the reading room; restricted files go on to the director (approvals.ts). A researcher reaches only their own
 * reader's cart and slips: every use case starts from the reader of the signed-in account.
 */
import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import { isStaff, type Actor } from '../core/actor.js';
import { scopeOf, type Scope } from '../core/scope.js';
import { READING_ERRORS } from '../core/errors-reading.js';
import { vnDate, vnToday, yearOf } from '../core/time/index.js';
import { recordEvent } from '../audit/audit.repository.js';
import * as readersRepo from './readers.repository.js';
import * as repo from './requests.repository.js';
import * as aids from './finding-aids.repository.js';
import { servabilityProblems } from './servability.js';
import { dueAt, slaState, slaWorkingDays, type RequestKind } from './sla.js';

export interface LineInput { recordFileId: number; pageFrom?: number | null; pageTo?: number | null }
export interface SubmitInput {
  kind: RequestKind; purpose?: string | null; note?: string | null;
  /** From the cart when omitted (online); staff entering a paper slip list the files. */
  lines?: LineInput[];
}
export interface StaffSubmitInput extends SubmitInput { readerId: number; channel: 'in_person' | 'post' | 'online'; lines: LineInput[] }

export function createRequestsService(deps: Deps) {
  const { db } = deps;
  const today = () => vnToday(deps.clock);
  const MAX_CART = 200;

  async function readerOf(actor: Actor) {
    const r = await readersRepo.readerOfUser(db, actor.id);
    if (!r) throw READING_ERRORS.notAReader();
    return r;
  }

  async function cart(scope: Scope, readerId: number) {
    const ids = await repo.cartFileIds(db, readerId);
    const { items } = ids.length ? await aids.findFiles(db, scope, { ids, limit: MAX_CART, offset: 0 }) : { items: [] };
    return { items, maxFiles: deps.config.READING_MAX_FILES };
  }

  /** A summary row for the API: the SLA state is computed against the clock, never stored. */
  const summary = (r: repo.RequestRow) => {
    const { readerUserId: _u, requestYear: _y, requestNo: _n, purpose: _p, note: _no, createdByName: _c, ...rest } = r;
    return { ...rest, sla: slaState(r, deps.clock()) };
  };

  async function detail(id: number) {
    const r = await repo.getRequest(db, id);
    if (!r) throw READING_ERRORS.requestNotFound();
    const lines = (await repo.requestLines(db, id)).map(({ digitised: _d, ...l }) => l);
    const { readerUserId: _u, requestYear: _y, requestNo: _n, ...rest } = r;
    return { ...rest, sla: slaState(r, deps.clock()), lines, decisions: await repo.requestDecisions(db, id) };
  }

  /** Checks and writes one slip inside the caller's transaction; throws before any write when anything is wrong. */
  async function create(tx: Queryable, actor: Actor, reader: readersRepo.ReaderRow, channel: string, input: SubmitInput & { lines: LineInput[] }) {
    const day = today();
    if (reader.status !== 'verified') throw READING_ERRORS.readerNotVerified();
    if (reader.cardValidUntil && reader.cardValidUntil < day) throw READING_ERRORS.readerCardExpired(vnDate(reader.cardValidUntil));
    const byFile = new Map<number, LineInput>();
    for (const l of input.lines) byFile.set(l.recordFileId, l);
    const lines = [...byFile.values()];
    if (!lines.length) throw READING_ERRORS.cartEmpty();
    if (lines.length > deps.config.READING_MAX_FILES) throw READING_ERRORS.requestTooManyFiles(deps.config.READING_MAX_FILES, lines.length);
    const copies = input.kind === 'copy' || input.kind === 'certified_copy';
    for (const l of lines) {
      if (!copies && (l.pageFrom || l.pageTo)) throw READING_ERRORS.pagesOnlyForCopies();
      if (l.pageFrom && l.pageTo && l.pageFrom > l.pageTo) throw READING_ERRORS.pageRangeInvalid();
    }
    const ids = lines.map((l) => l.recordFileId);
    // The reader's own view decides what exists: a secret file is as absent as a missing one, unless staff enter it.
    const { items: files } = await aids.findFiles(tx, scopeOf(actor, day), { ids, limit: ids.length, offset: 0 });
    const problems = await servabilityProblems(tx, ids, day);
    const secret = problems.filter((p) => p.code === 'FILE_SECRET');
    if (secret.length) throw READING_ERRORS.secretFile(secret.map((p) => p.fileNotation ?? String(p.recordFileId)));
    if (files.length < ids.length) throw READING_ERRORS.readingFileNotFound();
    if (problems.length) throw READING_ERRORS.notServable(problems);
    const restricted = files.some((f) => f.restricted);
    const digitised = new Set(files.filter((f) => f.digitised).map((f) => f.id));
    const now = deps.clock();
    const days = slaWorkingDays(deps.config, input.kind, restricted);
    const due = await dueAt(tx, now, days);
    const year = yearOf(day);
    const no = await repo.nextRequestNo(tx, year);
    const id = await repo.insertRequest(tx, {
      year, no, readerId: reader.id, kind: input.kind, channel, approvalLevel: 'reading_room_head', restricted,
      purpose: input.purpose || reader.purpose, note: input.note || null, submittedAt: now, slaWorkingDays: days, dueAt: due.dueAt, createdBy: actor.id,
    });
    // TT 10/2014 Điều 9: a digitised file is served as its digital copy; staff may override per line with a reason.
    for (const l of lines) await repo.insertLine(tx, { requestId: id, recordFileId: l.recordFileId, pageFrom: l.pageFrom ?? null, pageTo: l.pageTo ?? null, serveAs: digitised.has(l.recordFileId) ? 'digital' : 'original' });
    await recordEvent(tx, actor, { entityType: 'access_request', entityId: id, action: 'access_request.submitted', after: { number: `${no}/${year}`, kind: input.kind, channel, files: ids, restricted, dueAt: due.dueAt } });
    return id;
  }

  return {
    cart: async (actor: Actor, scope: Scope) => cart(scope, (await readerOf(actor)).id),

    async addToCart(actor: Actor, scope: Scope, body: { recordFileIds?: number[]; boxId?: number }) {
      const reader = await readerOf(actor);
      let ids: number[] = [];
      if (body.boxId) {
        const inBox = await aids.boxFileIds(db, scope, body.boxId);
        if (!inBox) throw READING_ERRORS.boxNotFound();
        ids = inBox;
      }
      if (body.recordFileIds?.length) {
        const { items } = await aids.findFiles(db, scope, { ids: body.recordFileIds, limit: body.recordFileIds.length, offset: 0 });
        if (items.length < new Set(body.recordFileIds).size) throw READING_ERRORS.readingFileNotFound();
        ids.push(...items.map((f) => f.id));
      }
      ids = [...new Set(ids)];
      const have = await repo.cartFileIds(db, reader.id);
      if (new Set([...have, ...ids]).size > MAX_CART) throw READING_ERRORS.requestTooManyFiles(MAX_CART, new Set([...have, ...ids]).size);
      const added = await repo.addToCart(db, reader.id, ids);
      return { ...(await cart(scope, reader.id)), added, alreadyInCart: ids.length - added };
    },

    async removeFromCart(actor: Actor, scope: Scope, recordFileId: number | null) {
      const reader = await readerOf(actor);
      await repo.removeFromCart(db, reader.id, recordFileId ? [recordFileId] : null);
      return cart(scope, reader.id);
    },

    /** The reader submits their cart (or the listed files of it) as one slip; the submitted files leave the cart. */
    async submit(actor: Actor, input: SubmitInput) {
      const reader = await readerOf(actor);
      const id = await db.transaction(async (tx) => {
        const inCart = await repo.cartFileIds(tx, reader.id);
        const lines = input.lines ?? inCart.map((recordFileId) => ({ recordFileId }));
        const created = await create(tx, actor, reader, 'online', { ...input, lines });
        await repo.removeFromCart(tx, reader.id, lines.map((l) => l.recordFileId));
        return created;
      });
      return detail(id);
    },

    /** Staff enter a slip received in person or by post on the reader's behalf. */
    async submitForReader(actor: Actor, input: StaffSubmitInput) {
      const reader = await readersRepo.getReader(db, input.readerId);
      if (!reader) throw READING_ERRORS.readerNotFound();
      const id = await db.transaction((tx) => create(tx, actor, reader, input.channel, input));
      return detail(id);
    },

    async mine(actor: Actor) {
      const reader = await readerOf(actor);
      const rows = await repo.listRequests(db, { readerId: reader.id, limit: 500 });
      const items = await Promise.all(rows.map((r) => detail(r.id)));
      return { items: items.sort((a, b) => b.id - a.id) };
    },

    /** One slip: staff see every slip, a researcher only the slips of their own reader (others are "not found"). */
    async get(actor: Actor, id: number) {
      const d = await detail(id);
      if (!isStaff(actor)) {
        const reader = await readersRepo.readerOfUser(db, actor.id);
        if (!reader || reader.id !== d.readerId) throw READING_ERRORS.requestNotFound();
      }
      return d;
    },

    /** The staff queue; `sla` narrows to overdue or warning (computed on the clock, open slips only). */
    async queue(q: { status?: string; level?: string; kind?: string; readerId?: number; sla?: 'overdue' | 'warning' | 'attention' }) {
      const open = ['submitted', 'needs_info', 'approved'];
      const rows = await repo.listRequests(db, { status: q.status ? [q.status] : q.sla ? open : undefined, level: q.level, kind: q.kind, readerId: q.readerId, limit: 1000 });
      let items = rows.map(summary);
      if (q.sla === 'attention') items = items.filter((r) => r.sla === 'overdue' || r.sla === 'warning');
      else if (q.sla) items = items.filter((r) => r.sla === q.sla);
      return { items };
    },

    detail,
  };
}

export type RequestsService = ReturnType<typeof createRequestsService>;
