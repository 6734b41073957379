/**
 * The CLI's way in when a running server holds the embedded data dir: only that process can snapshot PGlite, so
 * `npm run backup` asks it through the admin API (login, POST /api/admin/backups, poll the job) instead of opening
 * the directory a second time, which would corrupt it.
 */
export class RemoteBackupError extends Error {}

interface Answer {
  status: number;
  body: any;
}

export async function backupThroughServer(opts: { url: string; username: string; password: string; timeoutMs?: number; log?: (line: string) => void }) {
  const base = opts.url.replace(/\/$/, '');
  let cookie = '';
  let csrf = '';
  const call = async (method: string, p: string, body?: unknown): Promise<Answer> => {
    const headers: Record<string, string> = { origin: base };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (cookie) headers.cookie = cookie;
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    const res = await fetch(base + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const fail = (what: string, a: Answer) => new RemoteBackupError(`${what}: HTTP ${a.status} ${a.body?.error?.message ?? ''}`.trim());

  try {
    await call('GET', '/api/health');
  } catch {
    throw new RemoteBackupError(`Không có máy chủ trả lời tại ${base}.`);
  }
  const login = await call('POST', '/api/auth/login', { username: opts.username, password: opts.password });
  if (login.status !== 200) throw fail(`Đăng nhập "${opts.username}" vào máy chủ không thành công`, login);
  csrf = login.body?.csrfToken ?? '';
  const started = await call('POST', '/api/admin/backups');
  if (started.status !== 202) throw fail('Máy chủ không nhận yêu cầu sao lưu', started);
  const jobId: string = started.body.jobId;
  opts.log?.(`Máy chủ đang sao lưu (tác vụ ${jobId})…`);
  const until = Date.now() + (opts.timeoutMs ?? 6 * 3_600_000);
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    const job = await call('GET', `/api/admin/backups/jobs/${jobId}`);
    if (job.status !== 200) throw fail('Không đọc được trạng thái sao lưu', job);
    if (job.body.state === 'completed') {
      const list = await call('GET', '/api/admin/backups');
      const item = (list.body?.items ?? []).find((b: { name: string }) => b.name === job.body.backup);
      if (!item) throw new RemoteBackupError('Máy chủ báo đã sao lưu xong nhưng không thấy bộ sao lưu trong BACKUP_DIR.');
      return item as { name: string; dir: string; pauseMs: number; totalMs: number; objects: number; bytes: number };
    }
    if (job.body.state === 'failed' || job.body.state === 'cancelled') throw new RemoteBackupError(`Sao lưu trên máy chủ thất bại: ${job.body.error ?? job.body.state}`);
  }
  throw new RemoteBackupError('Hết thời gian chờ máy chủ sao lưu.');
}
