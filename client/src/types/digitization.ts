/** Digitisation, viewing and search shapes (contract: server/contract/digitization.ts, server/contract/search.ts). */
export type {
  Batch,
  BatchProgress,
  DigitizableFile,
  DocumentMeta,
  FileMetadata,
  FilePages,
  PageView,
  ReocrQueued,
  UploadResult,
} from '../../../server/contract/digitization.js';
export type { PageHits, SearchHit, SearchResult, WordBox } from '../../../server/contract/search.js';
