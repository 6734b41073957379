import crypto from 'node:crypto';

/** Sessions are stored under the hash of their cookie token, so a leaked sessions table opens no session. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
