import { z } from 'zod';
import type { Deps } from '../deps.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { backupBusy, backupDir, listBackups } from './backup.service.js';
import { jobState } from './backup.repository.js';
import { ERRORS } from '../core/errors.js';
import { BackupJob, BackupList, BackupStarted } from '../contract/backup.js';

const JobParams = z.strictObject({ jobId: z.uuid() });

export function backupRoutes(deps: Deps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post', path: '/api/admin/backups', tag: 'backup', access: ['admin'], status: 202, response: BackupStarted,
      summary: 'Sao lưu ngay (CSDL và mọi đối tượng) thành một bộ sao lưu có tổng kiểm tra; chạy nền, máy chủ vẫn phục vụ',
      handler: async () => {
        const jobId = await deps.jobs.send('backup.create', {});
        // The singleton queue already holds one waiting backup: a second would copy the same state.
        if (!jobId) throw backupBusy();
        return { jobId };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/admin/backups', tag: 'backup', access: ['admin'], response: BackupList,
      summary: 'Các bộ sao lưu trong BACKUP_DIR, mới nhất trước',
      handler: () => ({ dir: backupDir(deps.config), items: listBackups(deps.config) }),
    }),
    defineRoute({
      method: 'get', path: '/api/admin/backups/jobs/:jobId', tag: 'backup', access: ['admin'], params: JobParams, response: BackupJob,
      summary: 'Trạng thái một lượt sao lưu đã yêu cầu: đang chờ, đang chạy, xong (tên bộ sao lưu) hoặc lỗi',
      handler: async ({ params }) => {
        const job = await jobState(deps.db, params.jobId);
        if (!job) throw ERRORS.notFound('lượt sao lưu');
        const backup = job.state === 'completed' ? (listBackups(deps.config).find((b) => b.valid && b.jobId === params.jobId)?.name ?? null) : null;
        return { state: job.state, backup, error: job.error };
      },
    }),
  ];
}
