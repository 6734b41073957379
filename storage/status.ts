/**
 * Health of object storage. Digitization (a later issue) stores scans here; the foundation only
 * checks that the configured backend is reachable: the objects folder is writable, or the S3 endpoint answers TCP.
 */
import fs from 'node:fs';
import net from 'node:net';
import type { Config } from '../server/config.js';

export interface StorageStatus {
  status: 'ok' | 'unavailable';
  kind: 'filesystem' | 's3';
  detail?: string;
}

export async function storageStatus(config: Pick<Config, 'objectsDir' | 'MINIO_ENDPOINT' | 'MINIO_PORT'>): Promise<StorageStatus> {
  if (config.MINIO_ENDPOINT) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = net.connect({ host: config.MINIO_ENDPOINT, port: config.MINIO_PORT, timeout: 2000 });
      sock.once('connect', () => (sock.destroy(), resolve(true)));
      sock.once('timeout', () => (sock.destroy(), resolve(false)));
      sock.once('error', () => resolve(false));
    });
    return ok ? { status: 'ok', kind: 's3' } : { status: 'unavailable', kind: 's3', detail: `Không kết nối được ${config.MINIO_ENDPOINT}:${config.MINIO_PORT}` };
  }
  try {
    await fs.promises.mkdir(config.objectsDir, { recursive: true });
    await fs.promises.access(config.objectsDir, fs.constants.W_OK);
    return { status: 'ok', kind: 'filesystem' };
  } catch (err) {
    return { status: 'unavailable', kind: 'filesystem', detail: (err as Error).message };
  }
}
