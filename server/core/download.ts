/**
 * What a use case returns when the answer is a file rather than data: a generated document, a scan, an export.
 * It says what the content is and how long a copy stays good; the HTTP layer turns that into headers.
 */
import type { Readable } from 'node:stream';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_TYPE = 'application/pdf';

/**
 * How long a viewer may keep a copy without asking again: a derivative image changes only with its master
 * ('hour'), a IIIF tile is a pure function of the pyramid ('day'), anything else is checked each time.
 */
export type Freshness = 'revalidate' | 'hour' | 'day';

export interface DownloadSpec {
  contentType: string;
  /** Lazily opened so a client holding the current version never makes us touch storage. */
  body: Buffer | Readable | (() => Promise<Buffer | Readable>);
  /** Omitted = the client names nothing (tiles). */
  filename?: string;
  disposition?: 'inline' | 'attachment';
  size?: number;
  /** Fingerprint of the content: equal versions are equal bytes. */
  version?: string;
  /** Omitted = a one-off document generated for this request, never cached. */
  freshFor?: Freshness;
  /** The master's integrity state (and digest), so a viewer can flag a damaged original. */
  fixity?: { status: string; sha256?: string };
}

export class Download {
  constructor(readonly spec: DownloadSpec) {}

  /** A document generated in memory (report, spreadsheet, minutes) offered as a file to save. */
  static attachment(filename: string, contentType: string, body: Buffer): Download {
    return new Download({ filename, contentType, body, disposition: 'attachment' });
  }
}
