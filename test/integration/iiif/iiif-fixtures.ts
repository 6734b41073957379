/**
 * IIIF test data: OCR'd pages from the search factory (words with boxes, 3400×4800 canvases) plus real derivatives
 * (WebP thumbnail, JPEG access copy, tiled pyramidal TIFF) so info.json and tiles answer as in production.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sharp } from '../../../ocr/image/sharp.js';
import type { TestApp } from '../../support/test-app.js';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { SCHEMAS_DIR } from '../interop/xml-schemas.js';

let images: { thumb: Buffer; access: Buffer; pyramid: Buffer } | null = null;

export async function withBlobs(t: TestApp, pageId: number) {
  if (!images) {
    const base = () => sharp({ create: { width: 640, height: 900, channels: 3, background: { r: 240, g: 235, b: 220 } } });
    images = {
      thumb: await base().resize(160).webp().toBuffer(),
      access: await base().jpeg({ quality: 80 }).toBuffer(),
      pyramid: await base().tiff({ tile: true, pyramid: true, tileWidth: 256, tileHeight: 256, compression: 'jpeg', quality: 80 }).toBuffer(),
    };
  }
  const keys = { thumb: `test/thumbs/${pageId}.webp`, access: `test/access/${pageId}.jpg`, pyramid: `test/pyramids/${pageId}.tif` };
  await t.blobs.put(keys.thumb, images.thumb, { contentType: 'image/webp' });
  await t.blobs.put(keys.access, images.access, { contentType: 'image/jpeg' });
  await t.blobs.put(keys.pyramid, images.pyramid, { contentType: 'image/tiff' });
  // The pyramid is 640×900: the page says so too, so regions and sizes are checked against the real image.
  await t.db.query(`UPDATE pages SET thumb_key = $2, access_key = $3, pyramid_key = $4, width = 640, height = 900 WHERE id = $1`, [pageId, keys.thumb, keys.access, keys.pyramid]);
}

/** The derivative images withBlobs stored, to compare with what allowed users receive. */
export const blobImages = () => images!;

/** JSON of an answer whatever its JSON type (the test client parses only application/json). */
export const json = (r: { buffer: Buffer }) => JSON.parse(r.buffer.toString('utf8'));

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** The official IIIF Presentation 3 JSON Schema (../shared/schemas/iiif), compiled once per test file. */
export function presentation3Validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, 'iiif/iiif-presentation-3.schema.json'), 'utf8')));
}
