/** Reminder letters, công văn đôn đốc (contract: server/contract/reminders.ts). */
export type { DispatchChannel, Reminder, ReminderBatch, ReminderDetail, ReminderList } from '../../../server/contract/reminders.js';
