/**
 * Failed-login throttle. A reading room or an agency office shares one public address, so the address alone must not
 * decide; an account under attack from many addresses must slow down, yet its owner must still get in. Three counters,
 * each over a sliding window (15 min by default):
 * - per (address, account): `maxFailures` failures block that pair until the window ends — the usual mistyped password;
 * - per account, from any address: from `2 × maxFailures` failures on, each further attempt waits an exponentially
 *   growing delay after the last failure (1 s, 2 s, 4 s … capped at `maxAccountDelayMs`, 5 min by default). Attempts
 *   inside the delay are refused unchecked, so a distributed guesser gets one guess per delay; the right password from
 *   a fresh address gets in at most `maxAccountDelayMs` after the last failure. The account is never locked;
 * - per address, across accounts: `20 × maxFailures` failures (password spraying) block the address for the window —
 *   high enough that a room full of people mistyping never reaches it.
 * A successful login clears its pair and its account counter. In-process: enough for the single-node deployment this
 * service targets; a cluster would move the counters to the database.
 */
interface Counter {
  count: number;
  resetAt: number;
  lastAt: number;
}

export interface LoginLimiterOptions {
  windowMs?: number;
  maxAccountDelayMs?: number;
}

export class LoginLimiter {
  private readonly hits = new Map<string, Counter>();
  private readonly windowMs: number;
  private readonly maxAccountDelayMs: number;

  constructor(
    private readonly maxFailures: number,
    opts: LoginLimiterOptions | number = {},
  ) {
    const o = typeof opts === 'number' ? { windowMs: opts } : opts;
    this.windowMs = o.windowMs ?? 15 * 60 * 1000;
    this.maxAccountDelayMs = o.maxAccountDelayMs ?? 5 * 60 * 1000;
  }

  private keys(ip: string, username: string) {
    const account = username.normalize('NFC').trim().toLowerCase();
    return { pair: `p:${ip}:${account}`, account: `a:${account}`, address: `ip:${ip}` };
  }

  private live(key: string, now: number): Counter | null {
    const h = this.hits.get(key);
    return h && h.resetAt > now ? h : null;
  }

  /** Milliseconds the account must still wait before its password is checked again (0 = may try now). */
  accountDelayMs(username: string, now = Date.now()): number {
    const h = this.live(this.keys('', username).account, now);
    const over = h ? h.count - 2 * this.maxFailures : -1;
    if (!h || over < 0) return 0;
    const delay = Math.min(1000 * 2 ** Math.min(over, 30), this.maxAccountDelayMs);
    return Math.max(0, h.lastAt + delay - now);
  }

  isBlocked(ip: string, username: string, now = Date.now()): boolean {
    const k = this.keys(ip, username);
    const pair = this.live(k.pair, now);
    const address = this.live(k.address, now);
    return (
      (!!pair && pair.count >= this.maxFailures) ||
      (!!address && address.count >= this.maxFailures * 20) ||
      this.accountDelayMs(username, now) > 0
    );
  }

  fail(ip: string, username: string, now = Date.now()) {
    const k = this.keys(ip, username);
    for (const key of [k.pair, k.account, k.address]) {
      const h = this.live(key, now);
      if (!h) this.hits.set(key, { count: 1, resetAt: now + this.windowMs, lastAt: now });
      else {
        h.count++;
        h.lastAt = now;
        // Sliding: an account under steady attack stays throttled, instead of resetting mid-attack.
        if (key === k.account) h.resetAt = now + this.windowMs;
      }
    }
    if (this.hits.size > 10_000) for (const [key, h] of this.hits) if (h.resetAt <= now) this.hits.delete(key);
  }

  succeed(ip: string, username: string) {
    const k = this.keys(ip, username);
    this.hits.delete(k.pair);
    this.hits.delete(k.account);
  }
}
