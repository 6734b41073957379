/** Digitisation, viewing and search shapes, taken from the server's own types (type-only; erased at build). */
import type { AsJson } from '../types.js';
import type { createDigitizationService, pageView } from '../../../server/digitization/digitization.service.js';
import type { createMetadataService } from '../../../server/digitization/metadata.service.js';
import type { SearchResult as SearchResultRow } from '../../../server/search/search.service.js';
import type { WordBox } from '../../../server/search/word-match.js';
export type { DigitizableFile } from '../../../server/digitization/file-lookup.js';

type Digitization = ReturnType<typeof createDigitizationService>;
type Metadata = ReturnType<typeof createMetadataService>;

export type Batch = AsJson<Awaited<ReturnType<Digitization['createBatch']>>>;
export type BatchProgress = AsJson<Awaited<ReturnType<Digitization['progress']>>>;
export type UploadResult = AsJson<Awaited<ReturnType<Digitization['upload']>>>;
export type PageView = AsJson<ReturnType<typeof pageView>>;
export type FilePages = AsJson<Awaited<ReturnType<Digitization['filePages']>>>;
export type FileMetadata = AsJson<Awaited<ReturnType<Metadata['getFile']>>>;
export type DocumentMeta = FileMetadata['documents'][number];
export type SearchResult = AsJson<SearchResultRow>;
export type SearchHit = SearchResult['hits'][number];
export type { WordBox };
export interface PageHits {
  pageId: number;
  width: number;
  height: number;
  words: WordBox[];
}

