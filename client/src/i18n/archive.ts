/** Digital archive: AIP packages (TT 05/2025, E-ARK CSIP) and PDF/A-2b. */
export const archive = {
  arch: {
    title: 'Lưu trữ số: gói AIP và PDF/A-2b',
    link: 'Lưu trữ số (AIP, PDF/A)',
    fileNo: (id: number) => `Hồ sơ #${id}`,
    export: 'Đóng gói AIP',
    pdfa: 'Tải PDF/A-2b (đã tự kiểm tra)',
    pdfaHint: 'PDF/A-2b, tự kiểm tra (pdfaid, OutputIntent sRGB, phông nhúng, lớp chữ khớp OCR, qpdf --check); không phải kiểm định bằng veraPDF.',
    exports: 'Các lần đóng gói',
    none: 'Chưa đóng gói AIP nào cho hồ sơ này.',
    package: 'Mã gói',
    status: 'Trạng thái',
    progress: 'Tiến độ',
    lock: 'Ghi một lần',
    size: 'Dung lượng',
    download: 'Tải gói ZIP',
    fixity: 'Toàn vẹn',
    statusLabel: { queued: 'Đang chờ', running: 'Đang đóng gói', done: 'Hoàn tất', failed: 'Thất bại' } as Record<string, string>,
    lockLabel: { 'object-lock': 'S3 Object Lock', 'read-only-fs': 'Thư mục chỉ đọc', none: 'KHÔNG khóa' } as Record<string, string>,
    fixityLabel: { unchecked: 'Chưa kiểm tra', ok: 'Nguyên vẹn', corrupt: 'Sai mã băm', missing: 'Mất tệp' } as Record<string, string>,
    started: 'Đã xếp lịch đóng gói; tiến độ cập nhật tự động.',
  },
};
