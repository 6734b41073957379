import { z } from 'zod';
import type { Deps } from '../deps.js';
import { STAFF } from '../core/actor.js';
import { DOCX_TYPE, XLSX_TYPE } from '../core/download.js';
import { BodyId } from '../core/schemas.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import { IdParams, calendarDate } from '../intake/intake.schemas.js';
import { DispatchChannel, ReminderBatch, ReminderDetail, ReminderList } from '../contract/reminders.js';
import type { RemindersService } from './reminders.service.js';

const RegisterNumber = z.number('Số công văn phải là số nguyên dương').int('Số công văn phải là số nguyên dương').positive('Số công văn phải là số nguyên dương').max(999_999, 'Số công văn quá lớn');

const CreateBody = z
  .strictObject({
    agencyIds: z.array(BodyId).max(1000, 'Mỗi lần gửi tối đa 1.000 cơ quan').optional(),
    allOverdue: z.boolean().optional(),
    firstNumber: RegisterNumber.nullish(),
    replyBy: calendarDate.nullish(),
  })
  .refine((b) => !(b.allOverdue && b.agencyIds?.length), { message: 'Chọn danh sách cơ quan hoặc "tất cả cơ quan quá hạn", không chọn cả hai.', path: ['allOverdue'] });

const DispatchBody = z.strictObject({ dispatchedOn: calendarDate, channel: DispatchChannel, number: RegisterNumber.nullish() });

export function remindersRoutes(_deps: Deps, s: { reminders: RemindersService }): AnyRoute[] {
  const r = s.reminders;
  const tag = 'reminders';
  return [
    defineRoute({
      method: 'post', path: '/api/reminders', response: ReminderBatch, tag, access: STAFF, body: CreateBody, status: 201,
      summary: 'Gửi công văn đôn đốc giao nộp cho một hoặc nhiều cơ quan có hồ sơ quá hạn (mỗi cơ quan một công văn)',
      handler: ({ actor, body }) => r.create(actor, body),
    }),
    defineRoute({
      method: 'get', path: '/api/reminders/mine', response: ReminderList, tag, access: ['agency'],
      summary: 'Công văn đôn đốc cơ quan mình đã nhận (tài khoản cơ quan)',
      handler: ({ actor }) => r.mine(actor),
    }),
    defineRoute({
      method: 'get', path: '/api/reminders/batches/:id/letters.docx', tag, access: STAFF, params: IdParams, produces: DOCX_TYPE,
      summary: 'Tất cả công văn của một đợt gửi trong một tệp Word (mỗi công văn một trang mới)',
      handler: ({ params }) => r.batchDocx(params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/reminders/:id', response: ReminderDetail, tag, access: [...STAFF, 'agency'], params: IdParams,
      summary: 'Một công văn đôn đốc, kèm danh sách hồ sơ quá hạn tại ngày ban hành',
      handler: ({ actor, params }) => r.get(actor, params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/reminders/:id/letter.docx', tag, access: [...STAFF, 'agency'], params: IdParams, produces: DOCX_TYPE,
      summary: 'Công văn đôn đốc (Word, thể thức Nghị định 30/2020/NĐ-CP)',
      handler: ({ actor, params }) => r.letterDocx(actor, params.id),
    }),
    defineRoute({
      method: 'get', path: '/api/reminders/:id/files.xlsx', tag, access: [...STAFF, 'agency'], params: IdParams, produces: XLSX_TYPE,
      summary: 'Danh sách hồ sơ quá hạn kèm theo công văn đôn đốc (Excel)',
      handler: ({ actor, params }) => r.filesXlsx(actor, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/reminders/:id/dispatch', response: ReminderDetail, tag, access: STAFF, params: IdParams, body: DispatchBody,
      summary: 'Ghi nhận đã gửi bản công văn có chữ ký (ngày gửi, hình thức gửi, số công văn nếu chưa có)',
      handler: ({ actor, params, body }) => r.dispatch(actor, params.id, body),
    }),
    defineRoute({
      method: 'get', path: '/api/agencies/:id/reminders', response: ReminderList, tag, access: [...STAFF, 'agency'], params: IdParams,
      summary: 'Các công văn đôn đốc đã gửi một cơ quan',
      handler: ({ actor, params }) => r.forAgency(actor, params.id),
    }),
  ];
}
