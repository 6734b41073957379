/**
 * IIIF Presentation 3 manifest of one file: a canvas per visible page whose images are ready, each painted by the
 * page's IIIF Image service; OCR reachable as ALTO (seeAlso) and plain text / searchable PDF (rendering); search
 * inside the file through Content Search 2.0 and 1.0 (Mirador 4 reads only 1.0); one Range per document, the
 * viewer's table of contents. Every URL points back into the API, so each fetch passes the same access checks again.
 */
import { IIIF_IMAGE_PROFILE } from '../iiif/info-json.js';
import { canvasUri, searchUri } from '../iiif/uris.js';
import type { FileHead, PageRow } from './pages.repository.js';

const vi = (s: string) => ({ vi: [s] });

/** A document of the file, as its Range in the table of contents needs it. */
export interface ManifestDocument {
  id: number;
  ordinal: number;
  typeName: string | null;
  codeNotation: string | null;
  subject: string;
}


export function documentLabel(d: ManifestDocument): string {
  const head = [d.typeName ?? 'Văn bản', d.codeNotation ? `số ${d.codeNotation}` : null].filter(Boolean).join(' ');
  return `${d.ordinal}. ${head}: ${d.subject}`;
}

/**
 * A file (hồ sơ) binds separate documents: showing it as a book would pair the last page of one document with the
 * first of the next. Pages of one document, or a file not split into documents, are a paged object; several
 * documents are individuals, and the Ranges say where each one starts.
 */
export function fileBehavior(pages: Pick<PageRow, 'documentId'>[]): 'paged' | 'individuals' {
  return new Set(pages.map((p) => p.documentId)).size > 1 ? 'individuals' : 'paged';
}

export function buildManifest(baseUrl: string, file: FileHead, pages: PageRow[], centreName: string, documents: ManifestDocument[] = []) {
  const api = `${baseUrl}/api`;
  const id = `${api}/iiif/3/file-${file.id}/manifest.json`;
  const fileExport = (fmt: string) => `${api}/digitization/files/${file.id}/export/${fmt}`;
  const shown = pages.filter((p) => p.derivativesStatus === 'done');
  const canvases = shown.map((p) => {
    const canvas = canvasUri(baseUrl, file.id, p.id);
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
      // From the image service, not the app's WebP thumbnail route: that one is same-origin and login-only, and an
      // outside viewer's thumbnail strip must get what the canvas gets (CORS, IIIF_PUBLIC). A pyramid level: cheap.
      thumbnail: [{ id: `${service}/full/!200,200/0/default.jpg`, type: 'Image', format: 'image/jpeg' }],
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
                service: [{ id: service, type: 'ImageService3', profile: IIIF_IMAGE_PROFILE }],
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
  // Only documents that still have a canvas here: a hidden document's pages are not canvases, so it gets no Range.
  const structures = documents
    .map((d) => ({ d, items: shown.filter((p) => p.documentId === d.id) }))
    .filter((r) => r.items.length > 0)
    .map(({ d, items }) => ({
      id: `${api}/iiif/3/file-${file.id}/range/document-${d.id}`,
      type: 'Range',
      label: vi(documentLabel(d)),
      items: items.map((p) => ({ id: canvasUri(baseUrl, file.id, p.id), type: 'Canvas' })),
    }));
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
    behavior: [fileBehavior(shown)],
    rendering: [
      { id: fileExport('pdf'), type: 'Text', format: 'application/pdf', label: vi('PDF có lớp chữ tìm kiếm được') },
      { id: fileExport('txt'), type: 'Text', format: 'text/plain', label: vi('Toàn văn nhận dạng (TXT)') },
      { id: fileExport('hocr'), type: 'Text', format: 'text/html', label: vi('Toàn văn nhận dạng (hOCR)') },
    ],
    service: [
      { id: searchUri(baseUrl, file.id, 2), type: 'SearchService2' },
      // Content Search 1.0 as Mirador 4 looks it up (by profile, with the JSON-LD 1.0 keys).
      { '@id': searchUri(baseUrl, file.id, 1), '@type': 'SearchService1', profile: 'http://iiif.io/api/search/1/search' },
    ],
    items: canvases,
    ...(structures.length ? { structures } : {}),
  };
}
