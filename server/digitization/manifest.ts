/**
 * IIIF Presentation 3 manifest of one file: a canvas per visible page whose images are ready, each painted by the
 * page's IIIF Image service; OCR reachable as ALTO (seeAlso) and plain text / searchable PDF (rendering).
 * Every URL points back into the API, so each fetch passes the same access checks again.
 */
import type { FileHead, PageRow } from './pages.repository.js';

const vi = (s: string) => ({ vi: [s] });

export function buildManifest(baseUrl: string, file: FileHead, pages: PageRow[], centreName: string) {
  const api = `${baseUrl}/api`;
  const id = `${api}/iiif/3/file-${file.id}/manifest.json`;
  const fileExport = (fmt: string) => `${api}/digitization/files/${file.id}/export/${fmt}`;
  const canvases = pages
    .filter((p) => p.derivativesStatus === 'done')
    .map((p) => {
      const canvas = `${api}/iiif/3/file-${file.id}/canvas/${p.id}`;
      const service = `${api}/iiif/3/page-${p.id}`;
      const pageExport = (fmt: string) => `${api}/digitization/pages/${p.id}/export/${fmt}`;
      const ocr = p.ocrStatus === 'done';
      return {
        id: canvas,
        type: 'Canvas',
        label: vi(`Trang ${p.seq}`),
        width: p.width,
        height: p.height,
        ...(p.fixityStatus === 'corrupt' || p.fixityStatus === 'missing'
          ? { metadata: [{ label: vi('Cảnh báo toàn vẹn'), value: vi('Bản gốc không còn nguyên vẹn (kiểm tra mã băm thất bại).') }] }
          : {}),
        thumbnail: [{ id: `${api}/digitization/pages/${p.id}/thumbnail`, type: 'Image', format: 'image/webp' }],
        items: [
          {
            id: `${canvas}/page`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${canvas}/page/image`,
                type: 'Annotation',
                motivation: 'painting',
                target: canvas,
                body: {
                  id: `${service}/full/max/0/default.jpg`,
                  type: 'Image',
                  format: 'image/jpeg',
                  width: p.width,
                  height: p.height,
                  service: [{ id: service, type: 'ImageService3', profile: 'level1' }],
                },
              },
            ],
          },
        ],
        ...(ocr
          ? {
              seeAlso: [{ id: pageExport('alto'), type: 'Dataset', format: 'application/xml', profile: 'http://www.loc.gov/standards/alto/v4/alto.xsd', label: vi('Văn bản nhận dạng (ALTO XML)') }],
              rendering: [{ id: pageExport('txt'), type: 'Text', format: 'text/plain', label: vi('Văn bản nhận dạng (TXT)') }],
            }
          : {}),
      };
    });
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id,
    type: 'Manifest',
    label: vi(`${file.fileNotation} — ${file.title}`),
    summary: vi(`Hồ sơ số hóa, ${canvases.length} trang`),
    metadata: [
      { label: vi('Số và ký hiệu hồ sơ'), value: vi(file.fileNotation) },
      ...(file.fileCode ? [{ label: vi('Mã hồ sơ'), value: vi(file.fileCode) }] : []),
      { label: vi('Tiêu đề hồ sơ'), value: vi(file.title) },
      { label: vi('Chế độ sử dụng'), value: vi(file.accessLevel === 'restricted' ? 'Hạn chế sử dụng' : 'Sử dụng rộng rãi') },
    ],
    requiredStatement: { label: vi('Nguồn'), value: vi(centreName) },
    viewingDirection: 'left-to-right',
    behavior: ['paged'],
    rendering: [
      { id: fileExport('pdf'), type: 'Text', format: 'application/pdf', label: vi('PDF có lớp chữ tìm kiếm được') },
      { id: fileExport('txt'), type: 'Text', format: 'text/plain', label: vi('Toàn văn nhận dạng (TXT)') },
      { id: fileExport('hocr'), type: 'Text', format: 'text/html', label: vi('Toàn văn nhận dạng (hOCR)') },
    ],
    items: canvases,
  };
}
