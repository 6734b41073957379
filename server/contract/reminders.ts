/** Reminder letters (công văn đôn đốc) to agencies with overdue files. */
import { z } from 'zod';
import { AgencyRef, Day, Timestamp, list } from './common.js';

export const DispatchChannel = z.enum(['post', 'e_office', 'email', 'by_hand']);
export type DispatchChannel = z.output<typeof DispatchChannel>;

export const Reminder = z.object({
  id: z.number(),
  batchId: z.number(),
  agency: AgencyRef,
  number: z.number().nullable(),
  notation: z.string(),
  /** "15/TTLT-NV", or "……/TTLT-NV" before the clerk numbers it. */
  reference: z.string(),
  issuedOn: Day,
  replyBy: Day,
  createdAt: Timestamp,
  createdByName: z.string(),
  overdueFiles: z.number(),
  earliestDueYear: z.number(),
  currentYear: z.number(),
  dispatchedOn: Day.nullable(),
  dispatchChannel: DispatchChannel.nullable(),
});
export type Reminder = z.output<typeof Reminder>;

export const ReminderFile = z.object({ fileNotation: z.string(), title: z.string(), endYear: z.number(), dueYear: z.number(), dueRule: z.string() });
export const LatePlan = z.object({ planYear: z.number(), decisionNo: z.string(), scheduledMonth: z.number(), status: z.string() });

/** One reminder with what was overdue on the day it was made. */
export const ReminderDetail = Reminder.extend({ files: z.array(ReminderFile), latePlans: z.array(LatePlan) });
export type ReminderDetail = z.output<typeof ReminderDetail>;

export const ReminderList = list(Reminder);
export type ReminderList = z.output<typeof ReminderList>;

export const ReminderBatch = z.object({ batchId: z.number(), items: z.array(Reminder) });
export type ReminderBatch = z.output<typeof ReminderBatch>;
