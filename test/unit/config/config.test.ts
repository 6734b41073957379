import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config.js';

describe('loadConfig', () => {
  it('when nothing is set, then the documented defaults apply (PGlite under ./data, port 3000)', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.dbDir).toMatch(/data[/\\]db$/);
    expect(c.DEADLINE_TRANSITION_RULE).toBe('law2011');
    expect(c.BOX_WIDTH_CM).toBe(10);
  });

  it('when several variables are invalid, then the error names each of them', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DEADLINE_TRANSITION_RULE: 'whatever' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'DEADLINE_TRANSITION_RULE']) expect(msg).toContain(name);
  });

  it('when MINIO_ENDPOINT is set without keys, then start-up is refused naming the keys', () => {
    expect(() => loadConfig({ MINIO_ENDPOINT: 'minio.local' })).toThrow(/MINIO_ACCESS_KEY/);
  });
});
