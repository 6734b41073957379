/** Digitisation: batches, scan uploads, pages, viewing links, IIIF documents and TT 02/2019 metadata. */
import { z } from 'zod';
import { Day, Timestamp, list } from './common.js';
import { AuthProbeService2 } from './iiif-auth.js';

export const DigitizableFile = z.object({
  id: z.number(),
  fileNotation: z.string(),
  fileCode: z.string().nullable(),
  title: z.string(),
  agencyName: z.string(),
  fondsCode: z.string().nullable(),
  accessLevel: z.enum(['unrestricted', 'restricted']),
  pages: z.number(),
});
export type DigitizableFile = z.output<typeof DigitizableFile>;
export const DigitizableFileList = list(DigitizableFile);

export const Batch = z.object({
  id: z.number(),
  fondsId: z.number(),
  recordFileId: z.number(),
  documentId: z.number().nullable(),
  label: z.string().nullable(),
  createdBy: z.number().nullable(),
  createdAt: Timestamp,
  fileNotation: z.string(),
  fileTitle: z.string(),
});
export type Batch = z.output<typeof Batch>;
export const BatchList = list(Batch.extend({
  pages: z.number(), masters: z.number(), ocrDone: z.number(), derivativesDone: z.number(),
  /** Pages whose stored quality says a person should look at them (ocr/page-quality.ts). */
  needsReview: z.number(),
}));

export const FixityStatus = z.enum(['unchecked', 'ok', 'corrupt', 'missing']);

export const BatchProgress = Batch.extend({
  pages: z.number(),
  ocr: z.object({ queued: z.number(), running: z.number(), done: z.number(), failed: z.number() }),
  derivatives: z.object({ pending: z.number(), done: z.number(), failed: z.number() }),
  finished: z.boolean(),
  /** Pages needing review, and pages whose quality is known (OCR done). */
  quality: z.object({ needsReview: z.number(), measured: z.number() }),
  masters: z.array(
    z.object({
      id: z.number(),
      originalName: z.string(),
      sha256: z.string(),
      sizeBytes: z.number(),
      format: z.string(),
      pageCount: z.number(),
      fixityStatus: z.string(),
      createdAt: Timestamp,
      ocrDone: z.number(),
      ocrFailed: z.number(),
      derivativesDone: z.number(),
      pageIds: z.array(z.number()),
    }),
  ),
});
export type BatchProgress = z.output<typeof BatchProgress>;

export const QualityReasonCode = z.enum(['low_mean_confidence', 'many_low_confidence_words', 'text_missed', 'table_not_read', 'no_text']);
/** One page of a batch with its OCR quality signal; the quality fields are null until OCR is done. */
export const BatchPageQuality = z.object({
  id: z.number(),
  seq: z.number(),
  masterId: z.number(),
  masterPage: z.number(),
  ocrStatus: z.enum(['queued', 'running', 'done', 'failed']),
  derivativesStatus: z.enum(['pending', 'done', 'failed']),
  meanWordConfidence: z.number().nullable(),
  lowConfidenceShare: z.number().nullable(),
  wordCount: z.number().nullable(),
  /** Share of the page's ink outside the words read (null: not measured, e.g. recognised before migration 0064). */
  uncoveredInkShare: z.number().nullable(),
  suspectedTable: z.boolean().nullable(),
  tableRead: z.boolean(),
  needsReview: z.boolean().nullable(),
  reasons: z.array(z.object({ code: QualityReasonCode, message: z.string() })),
  links: z.object({ thumbnail: z.string() }),
});
export type BatchPageQuality = z.output<typeof BatchPageQuality>;
export const BatchPages = z.object({
  batchId: z.number(),
  /** Pages of the batch, and of them needing review, whatever the filter. */
  total: z.number(),
  needsReview: z.number(),
  items: z.array(BatchPageQuality),
});
export type BatchPages = z.output<typeof BatchPages>;

/** One uploaded file's outcome. */
export const ScanOutcome = z.discriminatedUnion('status', [
  z.object({ name: z.string(), status: z.literal('stored'), masterId: z.number(), sha256: z.string(), format: z.string(), pageIds: z.array(z.number()) }),
  z.object({ name: z.string(), status: z.literal('duplicate'), masterId: z.number(), sha256: z.string(), message: z.string() }),
  z.object({ name: z.string(), status: z.literal('rejected'), code: z.string(), message: z.string() }),
  z.object({ name: z.string(), status: z.literal('failed'), code: z.string(), message: z.string() }),
]);
export const UploadResult = z.object({
  batchId: z.number(),
  summary: z.object({ stored: z.number(), duplicate: z.number(), rejected: z.number(), failed: z.number() }),
  files: z.array(ScanOutcome),
});
export type UploadResult = z.output<typeof UploadResult>;

export const ReocrQueued = z.object({ queued: z.number(), pageIds: z.array(z.number()) });
export type ReocrQueued = z.output<typeof ReocrQueued>;

export const PageView = z.object({
  id: z.number(),
  recordFileId: z.number(),
  documentId: z.number().nullable(),
  batchId: z.number(),
  masterId: z.number(),
  masterPage: z.number(),
  seq: z.number(),
  width: z.number(),
  height: z.number(),
  dpi: z.number().nullable(),
  colourMode: z.string(),
  bitDepth: z.number(),
  derivativesStatus: z.enum(['pending', 'done', 'failed']),
  ocrStatus: z.enum(['queued', 'running', 'done', 'failed']),
  ocrConfidence: z.number().nullable(),
  ocrEngine: z.string().nullable(),
  ocrAttempts: z.number(),
  ocrError: z.string().nullable(),
  ocrDoneAt: Timestamp.nullable(),
  masterSha256: z.string(),
  fixityStatus: FixityStatus,
  fixityOk: z.boolean(),
  fileNotation: z.string(),
  fileTitle: z.string(),
  links: z.object({ thumbnail: z.string(), image: z.string(), iiif: z.string(), text: z.string() }),
});
export type PageView = z.output<typeof PageView>;

export const FilePages = z.object({
  file: z.object({
    id: z.number(),
    fileNotation: z.string(),
    fileCode: z.string().nullable(),
    title: z.string(),
    fondsId: z.number().nullable(),
    accessLevel: z.string(),
    secrecy: z.string().nullable(),
  }),
  items: z.array(PageView),
});
export type FilePages = z.output<typeof FilePages>;

export const PresignedImage = z.object({ url: z.string(), expiresInSeconds: z.number(), fixityStatus: FixityStatus });

// ---------------------------------------------------------------- IIIF (JSON-LD documents)
const LangMap = z.object({ vi: z.array(z.string()) });
const LabelValue = z.object({ label: LangMap, value: LangMap });
const Rendering = z.object({ id: z.string(), type: z.string(), format: z.string(), label: LangMap });

export const IiifInfo = z.object({
  '@context': z.string(),
  id: z.string(),
  type: z.literal('ImageService3'),
  protocol: z.literal('http://iiif.io/api/image'),
  profile: z.literal('level2'),
  width: z.number(),
  height: z.number(),
  maxWidth: z.number().optional(),
  maxHeight: z.number().optional(),
  maxArea: z.number().optional(),
  tiles: z.array(z.object({ width: z.number(), height: z.number(), scaleFactors: z.array(z.number()) })),
  sizes: z.array(z.object({ width: z.number(), height: z.number() })),
  extraFormats: z.array(z.string()),
  extraQualities: z.array(z.string()),
  extraFeatures: z.array(z.string()),
  /** IIIF Auth 2 probe of the page (with IIIF_AUTH_ORIGINS). */
  service: z.array(AuthProbeService2).optional(),
});

const Canvas = z.object({
  id: z.string(),
  type: z.string(),
  label: LangMap,
  width: z.number(),
  height: z.number(),
  metadata: z.array(LabelValue).optional(),
  thumbnail: z.array(z.object({ id: z.string(), type: z.string(), format: z.string() })),
  seeAlso: z.array(Rendering.extend({ profile: z.string() })).optional(),
  rendering: z.array(Rendering).optional(),
  items: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      items: z.array(
        z.object({
          id: z.string(),
          type: z.string(),
          motivation: z.string(),
          target: z.string(),
          body: z.object({
            id: z.string(),
            type: z.string(),
            format: z.string(),
            width: z.number(),
            height: z.number(),
            service: z.array(z.union([z.object({ id: z.string(), type: z.string(), profile: z.string() }), AuthProbeService2])),
          }),
        }),
      ),
    }),
  ),
});
export const IiifManifest = z.object({
  '@context': z.string(),
  id: z.string(),
  type: z.string(),
  label: LangMap,
  summary: LangMap,
  metadata: z.array(LabelValue),
  requiredStatement: LabelValue,
  viewingDirection: z.string(),
  behavior: z.array(z.string()),
  rendering: z.array(Rendering),
  /** Content Search 2.0 and 1.0 (1.0 with JSON-LD 1.0 keys, as Mirador 4 finds it). */
  service: z.array(z.union([
    z.object({ id: z.string(), type: z.literal('SearchService2') }),
    z.object({ '@id': z.string(), '@type': z.literal('SearchService1'), profile: z.string() }),
    AuthProbeService2,
  ])),
  items: z.array(Canvas),
  /** One Range per document of the file that has canvases here: the viewer's table of contents. */
  structures: z.array(z.object({ id: z.string(), type: z.literal('Range'), label: LangMap, items: z.array(z.object({ id: z.string(), type: z.literal('Canvas') })) })).optional(),
});

/**
 * The placeholder of a whole restricted file for a caller who may not see it (IIIF Auth 2 on): strict, so that a
 * thumbnail, a search service, a text link or a table of contents can never slip in. Each image keeps its image
 * service id — it answers 404 without a token — and the page's probe (iiif/placeholder-manifest.ts).
 */
const PlaceholderImageService = z.strictObject({ id: z.string(), type: z.literal('ImageService3'), profile: z.string() });
export const IiifPlaceholderManifest = z.strictObject({
  '@context': z.string(),
  id: z.string(),
  type: z.literal('Manifest'),
  label: LangMap,
  summary: LangMap,
  metadata: z.array(LabelValue),
  requiredStatement: LabelValue,
  viewingDirection: z.string(),
  behavior: z.array(z.string()),
  service: z.array(AuthProbeService2),
  items: z.array(z.strictObject({
    id: z.string(), type: z.literal('Canvas'), label: LangMap, width: z.number(), height: z.number(),
    items: z.array(z.strictObject({
      id: z.string(), type: z.literal('AnnotationPage'),
      items: z.array(z.strictObject({
        id: z.string(), type: z.literal('Annotation'), motivation: z.literal('painting'), target: z.string(),
        body: z.strictObject({
          id: z.string(), type: z.literal('Image'), format: z.string(), width: z.number(), height: z.number(),
          service: z.array(z.union([PlaceholderImageService, AuthProbeService2])),
        }),
      })),
    })),
  })),
});
export const IiifManifestOrPlaceholder = z.union([IiifManifest, IiifPlaceholderManifest]);

// ---------------------------------------------------------------- TT 02/2019 metadata
const opt = <T extends z.ZodType>(t: T) => t.nullable().optional();
export const DocumentMeta = z.object({
  id: z.number(),
  recordFileId: z.number(),
  pages: z.number(),
  updatedAt: Timestamp,
  docOrdinal: z.number(),
  subject: z.string(),
  docCode: opt(z.string()),
  typeName: opt(z.string()),
  codeNumber: opt(z.string()),
  codeNotation: opt(z.string()),
  issuedDate: opt(Day),
  organName: opt(z.string()),
  language: z.string().optional(),
  pageAmount: opt(z.number()),
  notes: opt(z.string()),
  inforSign: opt(z.string()),
  keyword: opt(z.string()),
  accessLevel: z.enum(['unrestricted', 'restricted']).optional(),
  secrecy: opt(z.enum(['mat', 'toi_mat', 'tuyet_mat'])),
  declassifiedYear: opt(z.number()),
  confidenceLevel: opt(z.enum(['original', 'copy'])),
  autograph: opt(z.string()),
  physicalCondition: opt(z.enum(['01', '02', '03', '04', '05', '06'])),
});
export type DocumentMeta = z.output<typeof DocumentMeta>;
export const DocumentList = list(DocumentMeta);

export const FileMetadataFields = z.object({
  recordFileId: z.number(),
  fileCode: z.string().nullable(),
  fileNotation: z.string(),
  title: z.string(),
  startDate: Day.nullable(),
  endDate: Day,
  retention: z.string(),
  accessLevel: z.string(),
  secrecy: z.string().nullable(),
  sheets: z.number().nullable(),
  physicalCondition: z.string().nullable(),
  fondsId: z.number().nullable(),
  fondsCode: z.string().nullable(),
  identifier: z.string().nullable(),
  organId: z.string().nullable(),
  fileCatalog: z.string().nullable(),
  language: z.string(),
  totalDoc: z.number().nullable(),
  description: z.string().nullable(),
  inforSign: z.string().nullable(),
  keyword: z.string().nullable(),
  pageNumber: z.number().nullable(),
  digitizedPages: z.number(),
  updatedAt: Timestamp.nullable(),
});
export const FileMetadata = FileMetadataFields.extend({ documents: z.array(DocumentMeta) });
export type FileMetadata = z.output<typeof FileMetadata>;

/** The JSON export, keyed by the TT 02/2019 tag names. */
const ns = z.string().nullable();
export const MetadataExport = z.object({
  standard: z.string(),
  exportedAt: Timestamp,
  files: z.array(
    z.object({
      FileCode: ns,
      Identifier: ns,
      OrganId: ns,
      FileCatalog: ns,
      FileNotation: z.string(),
      Title: z.string(),
      Maintenance: z.string(),
      Rights: z.string(),
      Language: z.string(),
      StartDate: ns,
      EndDate: z.string(),
      TotalDoc: z.number().nullable(),
      Description: ns,
      InforSign: ns,
      Keyword: ns,
      SheetNumber: z.number().nullable(),
      PageNumber: z.number().nullable(),
      Format: ns,
      documents: z.array(
        z.object({
          DocCode: opt(z.string()),
          FileCode: ns,
          Identifier: ns,
          OrganId: ns,
          FileCatalog: ns,
          FileNotation: z.string(),
          DocOrdinal: z.number(),
          TypeName: opt(z.string()),
          CodeNumber: opt(z.string()),
          CodeNotation: opt(z.string()),
          IssuedDate: opt(z.string()),
          OrganName: opt(z.string()),
          Subject: z.string(),
          Language: z.string().optional(),
          PageAmount: opt(z.number()),
          Description: opt(z.string()),
          InforSign: opt(z.string()),
          Keyword: opt(z.string()),
          Mode: z.string(),
          ConfidenceLevel: ns,
          Autograph: opt(z.string()),
          Format: ns,
        }),
      ),
    }),
  ),
});
