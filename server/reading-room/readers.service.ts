/**
 * Readers: online registration (a researcher account and a pending reader), registration at the counter by staff,
 * verification with a reader card numbered in the year's register, rejection with a reason, the register and its
 * export. A researcher only ever reaches their own reader row (`mine`); staff reach all, and only staff the letter.
 */
import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import type { Actor } from '../core/actor.js';
import type { UploadedFile } from '../core/upload.js';
import { READING_ERRORS } from '../core/errors-reading.js';
import { Download, XLSX_TYPE } from '../core/download.js';
import { addDays, vnDate, vnToday, yearOf } from '../core/time/index.js';
import { recordEvent } from '../audit/audit.repository.js';
import { hashPassword } from '../access/password.js';
import { insertUser } from '../access/users.repository.js';
import { writeXlsx } from '../spreadsheet/write-xlsx.js';
import * as repo from './readers.repository.js';
import { withStoredLetter } from './letters.js';

export interface ReaderFields {
  fullName: string; idDocumentKind: 'cccd' | 'passport' | 'other'; idDocumentNo: string; birthYear?: number | null;
  organisation?: string | null; position?: string | null; phone?: string | null; email?: string | null; purpose: string;
  researchTopic?: string | null;
}
export interface OnlineRegistration extends ReaderFields { username: string; password: string }

const KIND_LABEL = { cccd: 'CCCD', passport: 'Hộ chiếu', other: 'Giấy tờ khác' } as const;
const STATUS_LABEL = { pending: 'Chờ duyệt', verified: 'Đã cấp thẻ', rejected: 'Từ chối' } as const;

/** Public view: the object key stays on the server. */
export function publicReader(r: repo.ReaderRow) {
  const { letterKey: _k, ...rest } = r;
  return rest;
}

export function createReadersService(deps: Deps) {
  const { db } = deps;
  const today = () => vnToday(deps.clock);

  function fields(b: ReaderFields, extra: Pick<repo.NewReader, 'userId' | 'registeredVia' | 'createdBy'>, letter: repo.NewReader['letter']): repo.NewReader {
    return {
      ...extra, fullName: b.fullName, idDocumentKind: b.idDocumentKind, idDocumentNo: b.idDocumentNo.toUpperCase(), birthYear: b.birthYear ?? null,
      organisation: b.organisation || null, position: b.position || null, phone: b.phone || null, email: b.email || null,
      purpose: b.purpose, researchTopic: b.researchTopic || null, letter,
    };
  }

  async function assertNew(tx: Queryable, b: ReaderFields) {
    const [dup] = await tx.query('SELECT 1 FROM readers WHERE id_document_kind = $1 AND id_document_no = $2', [b.idDocumentKind, b.idDocumentNo.toUpperCase()]);
    if (dup) throw READING_ERRORS.readerExists();
  }

  async function load(id: number) {
    const r = await repo.getReader(db, id);
    if (!r) throw READING_ERRORS.readerNotFound();
    return r;
  }

  return {
    async registerOnline(body: OnlineRegistration) {
      const passwordHash = await hashPassword(body.password);
      return db.transaction(async (tx) => {
        const [taken] = await tx.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [body.username]);
        if (taken) throw READING_ERRORS.usernameTaken();
        await assertNew(tx, body);
        const userId = await insertUser(tx, { username: body.username, displayName: body.fullName, passwordHash, role: 'researcher', agencyId: null });
        const id = await repo.insertReader(tx, fields(body, { userId, registeredVia: 'online', createdBy: userId }, null));
        const row = publicReader((await repo.getReader(tx, id))!);
        await recordEvent(tx, { id: userId, username: body.username, displayName: body.fullName, role: 'researcher', agencyId: null },
          { entityType: 'reader', entityId: id, action: 'reader.registered', after: { ...row, idDocumentNo: undefined } });
        return row;
      });
    },

    async registerAtCounter(actor: Actor, body: ReaderFields & { userId?: number | null }) {
      return db.transaction(async (tx) => {
        await assertNew(tx, body);
        if (body.userId) {
          const [u] = await tx.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [body.userId]);
          if (!u || u.role !== 'researcher') throw READING_ERRORS.readerNotFound();
          const [has] = await tx.query('SELECT 1 FROM readers WHERE user_id = $1', [body.userId]);
          if (has) throw READING_ERRORS.readerAlreadyAccount();
        }
        const id = await repo.insertReader(tx, fields(body, { userId: body.userId ?? null, registeredVia: 'counter', createdBy: actor.id }, null));
        const row = publicReader((await repo.getReader(tx, id))!);
        await recordEvent(tx, actor, { entityType: 'reader', entityId: id, action: 'reader.registered', after: row });
        return row;
      });
    },

    /**
     * Attaches (or replaces) the letter of introduction: the reader themself while pending, or staff. The new object is
     * stored first and removed again if the row cannot be updated; a replaced object is deleted after the commit.
     */
    async attachLetter(actor: Actor, target: { readerId: number } | { own: true }, file: UploadedFile) {
      const reader = 'own' in target ? await repo.readerOfUser(db, actor.id) : await repo.getReader(db, target.readerId);
      if (!reader) throw 'own' in target ? READING_ERRORS.notAReader() : READING_ERRORS.readerNotFound();
      let previous: string | null = null;
      const row = await withStoredLetter(deps, file, (letter) => db.transaction(async (tx) => {
        await repo.lockReader(tx, reader.id);
        const cur = (await repo.getReader(tx, reader.id))!;
        if ('own' in target && cur.status !== 'pending') throw READING_ERRORS.readerNotPending();
        previous = cur.letterKey;
        await repo.setLetter(tx, reader.id, letter!);
        await recordEvent(tx, actor, { entityType: 'reader', entityId: reader.id, action: 'reader.letter_attached', after: { name: letter!.name, bytes: letter!.bytes, contentType: letter!.contentType, sha256: letter!.sha256 } });
        return publicReader((await repo.getReader(tx, reader.id))!);
      }));
      if (previous) await deps.blobs.delete(previous).catch((err) => deps.log.warn({ key: previous, err }, 'không xoá được giấy giới thiệu cũ'));
      return row;
    },

    async mine(actor: Actor) {
      const r = await repo.readerOfUser(db, actor.id);
      if (!r) throw READING_ERRORS.notAReader();
      return publicReader(r);
    },

    get: async (id: number) => publicReader(await load(id)),

    list: async (q: repo.ReaderFilter) => {
      const { items, total } = await repo.listReaders(db, q);
      return { items: items.map(publicReader), total };
    },

    /** Verifies the reader and issues the card: the next number in the year's register, valid READING_CARD_VALID_DAYS. */
    async verify(actor: Actor, id: number, body: { validUntil?: string | null }) {
      return db.transaction(async (tx) => {
        await repo.lockReader(tx, id);
        const before = await repo.getReader(tx, id);
        if (!before) throw READING_ERRORS.readerNotFound();
        if (before.status !== 'pending') throw READING_ERRORS.readerNotPending();
        if (deps.config.READING_LETTER_REQUIRED_FOR_ORG && before.organisation && !before.letterKey) throw READING_ERRORS.letterRequired();
        const from = today();
        const until = body.validUntil ?? addDays(from, deps.config.READING_CARD_VALID_DAYS - 1);
        if (until < from) throw READING_ERRORS.cardValidityInvalid();
        const year = yearOf(from);
        const seq = await repo.nextCardSeq(tx, year);
        const cardNo = `${String(seq).padStart(4, '0')}/${year}`;
        await repo.setCard(tx, id, { year, seq, cardNo, from, until, by: actor.id });
        const after = publicReader((await repo.getReader(tx, id))!);
        await recordEvent(tx, actor, { entityType: 'reader', entityId: id, action: 'reader.verified', before: { status: before.status }, after: { status: after.status, cardNo, validUntil: until } });
        return after;
      });
    },

    async reject(actor: Actor, id: number, reason: string) {
      return db.transaction(async (tx) => {
        await repo.lockReader(tx, id);
        const before = await repo.getReader(tx, id);
        if (!before) throw READING_ERRORS.readerNotFound();
        if (before.status !== 'pending') throw READING_ERRORS.readerNotPending();
        await repo.setRejected(tx, id, reason, actor.id);
        await recordEvent(tx, actor, { entityType: 'reader', entityId: id, action: 'reader.rejected', after: { reason } });
        return publicReader((await repo.getReader(tx, id))!);
      });
    },

    /** The letter of introduction, for staff only (the route says so); served as stored. */
    async letter(id: number) {
      const r = await load(id);
      if (!r.letterKey) throw READING_ERRORS.letterMissing();
      const key = r.letterKey;
      const ext = key.split('.').pop();
      return new Download({ contentType: r.letterContentType ?? 'application/octet-stream', filename: `giay-gioi-thieu-${r.id}.${ext}`, disposition: 'attachment', body: () => deps.blobs.get(key) });
    },

    /** The reader register (sổ đăng ký độc giả) as XLSX. */
    async registerXlsx() {
      const { items } = await repo.listReaders(db, { limit: 100_000, offset: 0 });
      const rows = [...items].reverse();
      const body = await writeXlsx([{
        name: 'Sổ đăng ký độc giả', title: `SỔ ĐĂNG KÝ ĐỘC GIẢ — ${deps.config.CENTRE_NAME}`,
        columns: [
          { header: 'STT', width: 6, value: (_r: repo.ReaderRow) => rows.indexOf(_r) + 1 },
          { header: 'Số thẻ', width: 12, value: (r: repo.ReaderRow) => r.cardNo },
          { header: 'Họ và tên', width: 28, value: (r: repo.ReaderRow) => r.fullName },
          { header: 'Giấy tờ', width: 12, value: (r: repo.ReaderRow) => KIND_LABEL[r.idDocumentKind] },
          { header: 'Số giấy tờ', width: 16, value: (r: repo.ReaderRow) => r.idDocumentNo },
          { header: 'Cơ quan, tổ chức', width: 28, value: (r: repo.ReaderRow) => r.organisation },
          { header: 'Mục đích', width: 30, value: (r: repo.ReaderRow) => r.purpose },
          { header: 'Đề tài nghiên cứu', width: 30, value: (r: repo.ReaderRow) => r.researchTopic },
          { header: 'Hiệu lực thẻ từ', width: 14, value: (r: repo.ReaderRow) => vnDate(r.cardValidFrom) },
          { header: 'Đến', width: 14, value: (r: repo.ReaderRow) => vnDate(r.cardValidUntil) },
          { header: 'Trạng thái', width: 14, value: (r: repo.ReaderRow) => STATUS_LABEL[r.status] },
        ],
        rows,
      }]);
      return Download.attachment(`so-dang-ky-doc-gia-${today()}.xlsx`, XLSX_TYPE, body);
    },
  };
}

export type ReadersService = ReturnType<typeof createReadersService>;
