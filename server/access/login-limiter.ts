/**
 * Failed-login throttle per (client address, username) and per address alone, in a fixed window.
 * In-process: enough for the single-node deployment this service targets; a cluster would move it to the DB.
 */
export class LoginLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  private keys(ip: string, username: string) {
    return [`u:${ip}:${username.toLowerCase()}`, `ip:${ip}`];
  }

  isBlocked(ip: string, username: string, now = Date.now()): boolean {
    const [userKey, ipKey] = this.keys(ip, username);
    return this.over(userKey, this.maxFailures, now) || this.over(ipKey, this.maxFailures * 5, now);
  }

  fail(ip: string, username: string, now = Date.now()) {
    for (const key of this.keys(ip, username)) {
      const h = this.hits.get(key);
      if (!h || h.resetAt <= now) this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
      else h.count++;
    }
    if (this.hits.size > 10_000) for (const [k, h] of this.hits) if (h.resetAt <= now) this.hits.delete(k);
  }

  succeed(ip: string, username: string) {
    this.hits.delete(this.keys(ip, username)[0]);
  }

  private over(key: string, max: number, now: number) {
    const h = this.hits.get(key);
    return !!h && h.resetAt > now && h.count >= max;
  }
}
