/** Accounts and roles. */
export const access = {
  roles: { admin: 'Quản trị', archivist: 'Lưu trữ viên', agency: 'Cơ quan nộp lưu', researcher: 'Nghiên cứu' } as Record<string, string>,

  users: {
    title: 'Tài khoản',
    username: 'Tên đăng nhập',
    displayName: 'Họ tên',
    role: 'Vai trò',
    agency: 'Cơ quan',
    active: 'Hoạt động',
    locked: 'Đã khóa',
    create: 'Tạo tài khoản',
    password: 'Mật khẩu (tối thiểu 10 ký tự)',
    lock: 'Khóa',
    unlock: 'Mở khóa',
    resetPassword: 'Đặt lại mật khẩu',
    newPassword: 'Mật khẩu mới',
    agencyRequired: 'Tài khoản cơ quan phải gắn với một cơ quan.',
    createdAt: 'Ngày tạo',
  },
};
