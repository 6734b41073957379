/** One's own account, the change log, integrity of the digital holdings, register edits and date fields. */
import { formatNumber } from '../format.js';

const ENTITIES: Record<string, string> = {
  agency: 'Cơ quan', fonds: 'Phông', plan: 'Kế hoạch thu', handover: 'Đợt giao nhận', user: 'Tài khoản', access_grant: 'Quyền khai thác',
  box_type: 'Loại hộp', repository: 'Kho', room: 'Phòng kho', shelf_unit: 'Giá', shelf: 'Tầng giá', stacks: 'Kho', backlog: 'Tồn đọng',
  restoration: 'Tu bổ', progress: 'Tiến độ', schedule_plan: 'Kế hoạch chỉnh lý', digitization_batch: 'Đợt số hóa', record_file: 'Hồ sơ',
  document: 'Văn bản', page: 'Trang ảnh', master: 'Bản gốc', file_metadata: 'Đặc tả hồ sơ', fixity: 'Kiểm tra toàn vẹn', batch: 'Đợt số hóa',
  reminder: 'Công văn đôn đốc',
};

const ACTIONS: Record<string, string> = {
  'user.created': 'Tạo tài khoản', 'user.updated': 'Sửa tài khoản', 'user.password_changed': 'Tự đổi mật khẩu',
  'agency.created': 'Thêm cơ quan', 'agency.updated': 'Sửa cơ quan', 'agency.register_imported': 'Nhập sổ đăng ký hồ sơ',
  'agency.register_deposited': 'Ghi nhận đã nộp lưu', 'fonds.created': 'Thêm phông', 'fonds.updated': 'Sửa phông',
  'plan.created': 'Lập kế hoạch thu', 'plan.agency_added': 'Thêm cơ quan vào kế hoạch', 'plan.agency_updated': 'Sửa cơ quan trong kế hoạch',
  'plan.agency_status_changed': 'Đổi trạng thái cơ quan trong kế hoạch',
  'handover.created': 'Tạo đợt giao nhận', 'handover.updated': 'Sửa đợt giao nhận', 'handover.inventory_imported': 'Nhập mục lục hồ sơ',
  'handover.submitted': 'Gửi thẩm định', 'handover.returned': 'Trả lại để sửa', 'handover.appraised': 'Thẩm định',
  'handover.approved': 'Phê duyệt', 'handover.received': 'Tiếp nhận', 'handover.amended': 'Đính chính sau tiếp nhận',
  'access_grant.created': 'Cấp quyền khai thác', 'access_grant.revoked': 'Thu hồi quyền khai thác',
  'box_type.created': 'Thêm loại hộp', 'repository.created': 'Thêm kho', 'room.created': 'Thêm phòng kho', 'shelf_unit.created': 'Thêm giá',
  'shelf.updated': 'Sửa tầng giá', 'stacks.boxes_placed': 'Xếp hộp lên giá',
  'backlog.imported': 'Nhập danh sách tồn đọng', 'restoration.imported': 'Nhập danh sách tu bổ',
  'progress.recorded': 'Ghi nhận tiến độ', 'progress.deleted': 'Xóa ghi nhận tiến độ',
  'batch.created': 'Tạo đợt số hóa', 'batch.upload_rejected': 'Từ chối ảnh tải lên', 'master.stored': 'Lưu bản gốc',
  'page.ocr_done': 'Nhận dạng chữ xong', 'page.ocr_requeued': 'Nhận dạng lại', 'fixity.checked': 'Kiểm tra toàn vẹn',
  'file_metadata.updated': 'Sửa đặc tả hồ sơ', 'document.created': 'Thêm văn bản', 'document.updated': 'Sửa văn bản', deny: 'Từ chối truy cập',
  'reminder.created': 'Gửi công văn đôn đốc', 'reminder.dispatched': 'Ghi nhận đã gửi công văn đôn đốc',
};

/** For actions added later: the last word of the code says what happened. */
const VERBS: Record<string, string> = {
  created: 'thêm mới', updated: 'sửa', deleted: 'xóa', imported: 'nhập từ tệp', cancelled: 'hủy', sent: 'gửi', changed: 'thay đổi',
  added: 'thêm', removed: 'bỏ', reordered: 'sắp xếp lại', replaced: 'thay thế', recorded: 'ghi nhận', exported: 'xuất',
};

export const admin = {
  account: {
    title: 'Tài khoản của tôi',
    changePassword: 'Đổi mật khẩu',
    signedInAs: (name: string, username: string) => `Đang đăng nhập: ${name} (${username}).`,
    current: 'Mật khẩu hiện tại',
    next: 'Mật khẩu mới',
    confirm: 'Nhập lại mật khẩu mới',
    rule: 'Tối thiểu 10 ký tự.',
    mismatch: 'Hai lần nhập mật khẩu mới không khớp.',
    submit: 'Đổi mật khẩu',
    changed: (others: number) =>
      others > 0 ? `Đã đổi mật khẩu. ${formatNumber(others)} phiên đăng nhập khác đã bị đăng xuất.` : 'Đã đổi mật khẩu.',
  },

  audit: {
    title: 'Nhật ký thay đổi',
    hint: 'Mọi thay đổi dữ liệu được ghi lại và không sửa, không xóa được: ai làm, lúc nào, trên bản ghi nào.',
    filters: 'Lọc nhật ký',
    at: 'Thời điểm',
    who: 'Người thực hiện',
    whoPlaceholder: 'Tên người dùng',
    what: 'Thao tác',
    entity: 'Đối tượng',
    details: 'Chi tiết',
    from: 'Từ ngày',
    to: 'Đến ngày',
    system: 'Hệ thống',
    none: 'Không có thay đổi nào khớp bộ lọc.',
    newer: 'Mới hơn',
    older: 'Cũ hơn',
    changed: (n: number) => `${formatNumber(n)} trường thay đổi`,
    entityLabel: (type: string) => ENTITIES[type] ?? 'Bản ghi',
    actionLabel: (action: string) => {
      if (ACTIONS[action]) return ACTIONS[action];
      const [entity, what = ''] = action.split('.');
      const verb = VERBS[what.split('_').pop() ?? ''] ?? 'thay đổi khác';
      return `${ENTITIES[entity] ?? 'Bản ghi'}: ${verb}`;
    },
  },

  integrity: {
    title: 'Toàn vẹn dữ liệu số',
    refresh: 'Cập nhật',
    fixity: 'Kiểm tra toàn vẹn bản gốc',
    fixityHint: 'Băm lại (SHA-256) từng bản gốc trong kho lưu trữ và so với mã băm ghi lúc tải lên; bản gốc hỏng hoặc mất được đánh dấu.',
    runFixity: 'Kiểm tra ngay',
    corrupt: 'Bị hỏng',
    missing: 'Mất đối tượng',
    lastChecked: 'Lần kiểm tra gần nhất',
    flagged: 'Bản gốc bị đánh dấu',
    noProblems: 'Không có bản gốc nào hỏng hoặc mất.',
    depositFlagged: 'Tệp PDF/A nộp lưu số không đạt lần kiểm tra gần nhất',
    depositFile: 'Tệp trong gói nộp lưu',
    depositDetail: 'Chi tiết',
    noDepositProblems: 'Mọi tệp PDF/A nộp lưu số đều khớp SHA-256 ở lần kiểm tra gần nhất.',
    master: 'Bản gốc',
    masterNo: (id: string) => `Bản gốc số ${id}`,
    file: 'Hồ sơ',
    fileNo: (id: number) => `Hồ sơ số ${id}`,
    status: 'Kết quả',
    checkedAt: 'Lúc kiểm tra',
    recentChecks: 'Các lần kiểm tra gần đây',
    noChecks: 'Chưa có lần kiểm tra nào.',
    orphans: 'Đối tượng mồ côi và tác vụ bị sót',
    orphansHint: 'Dọn các tệp trong kho lưu trữ không còn bản ghi nào tham chiếu (cũ hơn 1 giờ), và xếp lại việc tạo ảnh xem, nhận dạng chữ cho các trang bị sót. Cả hai cũng tự chạy định kỳ.',
    sweepOrphans: 'Dọn đối tượng mồ côi',
    reenqueue: 'Xếp lại tác vụ bị sót',
    started: { fixity: 'Đã bắt đầu kiểm tra toàn vẹn; kết quả hiện ở đây khi chạy xong (bấm Cập nhật).', orphans: 'Đã bắt đầu dọn đối tượng mồ côi.', reenqueue: 'Đã bắt đầu xếp lại tác vụ bị sót.' },
    alreadyQueued: 'Việc này đang chờ chạy; không xếp thêm lần nữa.',
    jobs: 'Tác vụ nền',
    jobName: 'Tác vụ',
    queued: 'Đang chờ',
    active: 'Đang chạy',
    failed: 'Thất bại',
    otherJob: 'Tác vụ khác',
    jobNames: {
      'integrity.fixity': 'Kiểm tra toàn vẹn', 'integrity.orphans': 'Dọn đối tượng mồ côi', 'integrity.reenqueue': 'Xếp lại tác vụ bị sót',
      'page.derivatives': 'Tạo ảnh xem và ảnh ghép lớp', 'page.ocr': 'Nhận dạng chữ (OCR)', 'backup.create': 'Sao lưu',
    } as Record<string, string>,
  },

  registerEdit: {
    edit: 'Sửa',
    agencyTitle: 'Sửa thông tin cơ quan',
    fondsTitle: (code: string) => `Sửa phông ${code}`,
    startYear: 'Từ năm',
    endYear: 'Đến năm',
    saved: 'Đã lưu thay đổi.',
  },

  dates: {
    placeholder: 'dd/mm/yyyy',
    hint: 'Ngày/tháng/năm, ví dụ 02/12/2026',
    invalid: 'Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 02/12/2026.',
  },
};
