import { describe, expect, it } from 'vitest';
import { LoginLimiter } from '../../../server/access/login-limiter.js';

const MIN = 60_000;

describe('login throttle', () => {
  it('when one person mistypes their password too often, then only that account from that address is blocked', () => {
    const l = new LoginLimiter(10);
    const t0 = 1_000_000;
    for (let i = 0; i < 10; i++) l.fail('10.0.0.1', 'lan', t0);
    expect(l.isBlocked('10.0.0.1', 'lan', t0)).toBe(true);
    expect(l.isBlocked('10.0.0.1', 'mai', t0)).toBe(false);
    expect(l.isBlocked('10.0.0.2', 'lan', t0)).toBe(false);
    expect(l.isBlocked('10.0.0.1', 'lan', t0 + 16 * MIN)).toBe(false);
  });

  it('when 50 people behind one address each fail a few times, then none of them is locked out', () => {
    const l = new LoginLimiter(10);
    const t0 = 1_000_000;
    for (let u = 0; u < 50; u++) for (let i = 0; i < 3; i++) l.fail('203.0.113.5', `docgia${u}`, t0);
    expect(l.isBlocked('203.0.113.5', 'docgia0', t0)).toBe(false);
    expect(l.isBlocked('203.0.113.5', 'nguoimoi', t0)).toBe(false);
  });

  it('when one address sprays many accounts, then that address is blocked, other addresses are not', () => {
    const l = new LoginLimiter(10);
    const t0 = 1_000_000;
    for (let u = 0; u < 200; u++) l.fail('198.51.100.9', `u${u}`, t0);
    expect(l.isBlocked('198.51.100.9', 'nguoimoi', t0)).toBe(true);
    expect(l.isBlocked('198.51.100.10', 'nguoimoi', t0)).toBe(false);
  });

  it('when an account is attacked from many addresses, then attempts slow down exponentially but the owner gets in from a fresh address within the bounded delay', () => {
    const l = new LoginLimiter(10);
    let now = 1_000_000;
    // 20 failures from 20 addresses: no pair or address limit is reached.
    for (let i = 0; i < 20; i++) l.fail(`192.0.2.${i}`, 'admin', now);
    expect(l.accountDelayMs('admin', now)).toBe(1000);
    expect(l.isBlocked('192.0.2.200', 'admin', now)).toBe(true);
    expect(l.isBlocked('192.0.2.200', 'admin', now + 1000)).toBe(false);
    // The attacker keeps going, one guess per delay; the delay doubles, then stops growing at 5 minutes.
    const delays: number[] = [];
    for (let i = 0; i < 20; i++) {
      now += l.accountDelayMs('admin', now);
      l.fail(`192.0.2.${100 + i}`, 'admin', now);
      delays.push(l.accountDelayMs('admin', now));
    }
    expect(delays.slice(0, 4)).toEqual([2000, 4000, 8000, 16000]);
    expect(Math.max(...delays)).toBe(5 * MIN);
    expect(l.isBlocked('192.0.2.250', 'admin', now + 5 * MIN)).toBe(false);
    l.succeed('192.0.2.250', 'admin');
    expect(l.accountDelayMs('admin', now + 5 * MIN)).toBe(0);
  });
});
