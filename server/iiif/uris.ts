/** Where a file's canvases and search services live: one spelling for manifests, placeholders and search answers. */
export const canvasUri = (baseUrl: string, fileId: number, pageId: number) => `${baseUrl}/api/iiif/3/file-${fileId}/canvas/${pageId}`;
export const searchUri = (baseUrl: string, fileId: number, version: 1 | 2) => `${baseUrl}/api/iiif/search/${version}/file-${fileId}`;
