import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Db } from './db/db.js';

/** What every service receives explicitly; nothing reads globals. */
export interface Deps {
  db: Db;
  config: Config;
  log: Logger;
  /** Injectable "now", so deadline and lateness logic is testable for any date. */
  clock: () => Date;
}
