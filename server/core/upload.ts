/** A file received from a client, already on local disk; the caller removes it after the use case returns. */
export interface UploadedFile {
  path: string;
  originalName: string;
  size: number;
}
