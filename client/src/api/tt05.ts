/** TT 05/2025 metadata of a digitised file and its documents (beside TT 02/2019). */
import { get, id, post, put } from './transport.js';
import type { Tt05FileView } from '../../../server/contract/tt05.js';

export type { Tt05FileView };
export type Tt05DocumentView = Tt05FileView['documents'][number];
export type Tt05Flag = Tt05FileView['flags'][number];

export const tt05Api = {
  get: (fileId: number) => get<Tt05FileView>(`/api/digitization/files/${id(fileId)}/tt05`),
  convert: (fileId: number) => post<Tt05FileView>(`/api/digitization/files/${id(fileId)}/tt05/convert`, {}),
  updateFile: (fileId: number, body: Record<string, unknown>) => put<Tt05FileView>(`/api/digitization/files/${id(fileId)}/tt05`, body),
  updateDocument: (documentId: number, body: Record<string, unknown>) => put<Tt05FileView>(`/api/digitization/documents/${id(documentId)}/tt05`, body),
};
