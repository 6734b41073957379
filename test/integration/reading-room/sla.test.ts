/** SLA timers on the centre's calendar: statutory holidays (Tết with its substitute days), weekends and closures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { dueAt, slaState, slaWorkingDays } from '../../../server/reading-room/sla.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t?.close());

describe('due times', () => {
  it('when a slip arrives on the Thursday before Tết 2027, then its days start after the Tết holidays and their substitute days', async () => {
    const thu = new Date('2027-02-04T16:30:00+07:00');
    expect((await dueAt(t.db, thu, 1)).dueDay).toBe('2027-02-12');
    expect((await dueAt(t.db, thu, 2)).dueDay).toBe('2027-02-15');
    expect((await dueAt(t.db, thu, 7)).dueDay).toBe('2027-02-22');
    expect((await dueAt(t.db, thu, 1)).dueAt.toISOString()).toBe('2027-02-12T10:00:00.000Z');
  });

  it('when the centre adds a closure, then it counts as a non-working day too; removing it restores the date', async () => {
    const fri = new Date('2026-11-27T23:30:00+07:00');
    expect((await dueAt(t.db, fri, 1)).dueDay).toBe('2026-11-30');
    const [c] = await t.db.query<{ id: number }>(`INSERT INTO calendar_closures (date, reason) VALUES ('2026-11-30', 'Kiểm kê') RETURNING id`);
    expect((await dueAt(t.db, fri, 1)).dueDay).toBe('2026-12-01');
    await t.db.query(`DELETE FROM calendar_closures WHERE id = $1`, [c!.id]);
    expect((await dueAt(t.db, fri, 1)).dueDay).toBe('2026-11-30');
  });

  it('when a slip arrives on a Sunday just after midnight UTC, then the Vietnam day decides', async () => {
    // 2026-11-29T17:30Z is Monday 00:30 in Vietnam: one working day is Tuesday, not Monday.
    expect((await dueAt(t.db, new Date('2026-11-29T17:30:00Z'), 1)).dueDay).toBe('2026-12-01');
  });

  it('when the kind and class differ, then the settings choose the working days', () => {
    expect([slaWorkingDays(t.config, 'read', false), slaWorkingDays(t.config, 'copy', false), slaWorkingDays(t.config, 'certified_copy', false),
      slaWorkingDays(t.config, 'read', true), slaWorkingDays(t.config, 'access', false)]).toEqual([1, 2, 2, 7, 7]);
  });
});

describe('states', () => {
  const due = '2026-12-01T10:00:00.000Z'; // 17:00 in Vietnam
  const at = (s: string) => new Date(s);
  it('when a slip is open, then it is on time, a warning on its due day or within 4 hours, overdue after', () => {
    const open = { status: 'submitted', dueAt: due, servedAt: null, decidedAt: null };
    expect(slaState(open, at('2026-11-30T16:00:00+07:00'))).toBe('on_time');
    expect(slaState(open, at('2026-11-30T23:59:00+07:00'))).toBe('on_time');
    expect(slaState(open, at('2026-12-01T08:00:00+07:00'))).toBe('warning');
    expect(slaState(open, at('2026-12-01T17:00:00+07:00'))).toBe('warning');
    expect(slaState(open, at('2026-12-01T17:00:01+07:00'))).toBe('overdue');
  });
  it('when a slip is finished, then it met or breached its time whatever the clock says now', () => {
    expect(slaState({ status: 'served', dueAt: due, servedAt: '2026-12-01T09:59:00Z', decidedAt: null }, at('2027-06-01'))).toBe('met');
    expect(slaState({ status: 'served', dueAt: due, servedAt: '2026-12-01T10:01:00Z', decidedAt: null }, at('2027-06-01'))).toBe('breached');
    expect(slaState({ status: 'refused', dueAt: due, servedAt: null, decidedAt: '2026-12-02T01:00:00Z' }, at('2027-06-01'))).toBe('breached');
  });
});
