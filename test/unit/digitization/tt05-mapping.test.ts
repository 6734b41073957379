import { describe, expect, it } from 'vitest';
import { fileList, mapAccess, mapDocument, mapFile, mapRetention, processingHistory, resolveFlags, type StoredEvent } from '../../../server/digitization/tt05-mapping.js';

const at = (s: string) => new Date(`2025-03-0${s}T02:00:00.000Z`);
const events: StoredEvent[] = [
  { at: at('3'), action: 'page.ocr_done', actorName: null, data: { engine: 'tesseract.js 5 vie' } },
  { at: at('1'), action: 'handover.received', actorName: 'Nguyễn Văn An', data: {} },
  { at: at('2'), action: 'master.stored', actorName: 'Trần Thị Bình', data: { name: 'trang-1.tif' } },
  { at: at('4'), action: 'page.ocr_done', actorName: null, data: { engine: 'tesseract.js 5 vie' } },
  { at: at('5'), action: 'fixity.checked', actorName: null, data: {} },
];
const file = { retention: 'Vĩnh viễn', permanent: true, accessLevel: 'unrestricted', secrecy: null, fileCode: 'HY.2010.01.12', documentConfidence: ['original', 'original'] };

describe('TT 02/2019 → TT 05/2025 mapping', () => {
  it('maps thời hạn bảo quản to thời hạn lưu trữ: Vĩnh viễn, N năm, and flags free text', () => {
    expect(mapRetention('Vĩnh viễn', false)).toEqual({ kind: 'permanent', years: null });
    expect(mapRetention('x', true)).toEqual({ kind: 'permanent', years: null });
    expect(mapRetention('20 năm', false)).toEqual({ kind: 'limited', years: 20 });
    expect(mapRetention('Đến khi hết hiệu lực', false)).toMatchObject({ field: 'retention', code: 'TT05_RETENTION_UNMAPPED', reason: expect.stringContaining('Đến khi hết hiệu lực') });
    expect(mapRetention('0 năm', false)).toMatchObject({ code: 'TT05_RETENTION_UNMAPPED' });
  });

  it('maps chế độ sử dụng to mức độ tiếp cận only when unambiguous; secret records are flagged', () => {
    expect(mapAccess('unrestricted', null)).toBe('01');
    expect(mapAccess('restricted', null)).toBe('02');
    expect(mapAccess('unrestricted', 'mat')).toMatchObject({ code: 'TT05_ACCESS_SECRET' });
  });

  it('builds the processing history from receipt, upload and OCR events (OCR collapsed, others ignored), in time order', () => {
    expect(processingHistory(events)).toEqual([
      { at: '2025-03-01T02:00:00.000Z', step: 'Tiếp nhận tài liệu vào Lưu trữ lịch sử', agent: 'Nguyễn Văn An' },
      { at: '2025-03-02T02:00:00.000Z', step: 'Số hóa (lưu bản gốc ảnh quét) — trang-1.tif', agent: 'Trần Thị Bình' },
      { at: '2025-03-04T02:00:00.000Z', step: 'Nhận dạng ký tự (OCR) — 2 trang', agent: 'tesseract.js 5 vie' },
    ]);
  });

  it('maps a file: derived fields filled, backup mode/status always flagged', () => {
    const m = mapFile(file, events);
    expect(m.fields).toMatchObject({ retentionKind: 'permanent', retentionYears: null, accessLevel: '01', confidenceLevel: '01', paperFileCode: 'HY.2010.01.12', backupMode: null });
    expect(m.fields.processingHistory).toHaveLength(3);
    expect(m.flags.map((f) => f.field)).toEqual(['backupMode', 'backupStatus']);
    expect(m.flags.every((f) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/.test(f.reason))).toBe(true);
  });

  it('flags what a file cannot give: mixed reliability, no file code, no events, secret', () => {
    const m = mapFile({ ...file, secrecy: 'mat', fileCode: null, documentConfidence: ['original', 'copy'], retention: '10 năm', permanent: false }, []);
    expect(m.fields).toMatchObject({ retentionKind: 'limited', retentionYears: 10, accessLevel: null, confidenceLevel: null, paperFileCode: null });
    expect(m.flags.map((f) => f.code)).toEqual(['TT05_ACCESS_SECRET', 'TT05_CONFIDENCE_UNKNOWN', 'TT05_PAPER_CODE_MISSING', 'TT05_BACKUP_UNKNOWN', 'TT05_BACKUP_UNKNOWN', 'TT05_HISTORY_EMPTY']);
    expect(mapFile({ ...file, documentConfidence: [] }, events).flags[0]).toMatchObject({ field: 'confidenceLevel', reason: expect.stringContaining('chưa có văn bản') });
  });

  it('maps a document: ConfidenceLevel and DocCode carried over; sheets never guessed from pages', () => {
    const m = mapDocument({ docCode: 'VN-KLT-01', accessLevel: 'restricted', secrecy: null, confidenceLevel: 'copy' }, file, events);
    expect(m.fields).toMatchObject({ accessLevel: '02', confidenceLevel: '02', archiveCode: 'VN-KLT-01', sheetCount: null, retentionKind: 'permanent' });
    expect(m.flags.map((f) => f.field)).toEqual(['sheetCount', 'backupMode', 'backupStatus']);
    const bare = mapDocument({ docCode: null, accessLevel: null, secrecy: null, confidenceLevel: null }, file, []);
    expect(bare.flags.map((f) => f.field)).toEqual(['confidenceLevel', 'archiveCode', 'sheetCount', 'backupMode', 'backupStatus', 'processingHistory']);
  });

  it('resolves a flag once its field is given a value; null leaves it; retention covers kind', () => {
    const flags = mapFile({ ...file, retention: 'khác', permanent: false }, events).flags;
    expect(resolveFlags(flags, { backupMode: '02', backupStatus: null }).map((f) => f.field)).toEqual(['retention', 'backupStatus']);
    expect(resolveFlags(flags, { retentionKind: 'permanent' }).map((f) => f.field)).toEqual(['backupMode', 'backupStatus']);
  });

  it('lists files from masters with their stored checksum', () => {
    expect(fileList([{ originalName: 'a.tif', format: 'tiff', sizeBytes: 12, sha256: 'ab'.repeat(32) }])).toEqual([{ name: 'a.tif', format: 'tiff', size: 12, sha256: 'ab'.repeat(32) }]);
  });
});
