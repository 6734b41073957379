/** What this build is: its version (package.json) and the schema migrations it knows, for the manifest and restore. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const APP_VERSION: string = (JSON.parse(fs.readFileSync(path.join(here, '../../package.json'), 'utf8')) as { version: string }).version;

/** Migration file names this code applies (server/db/migrations), in order. */
export function knownMigrations(): string[] {
  return fs
    .readdirSync(path.join(here, '../db/migrations'))
    .filter((f) => f.endsWith('.sql'))
    .sort();
}
