/**
 * IIIF Image API 3 over each page's pyramid: info.json and images cut on request. The pyramid is copied once from
 * object storage into a local LRU cache (tiles need random access), then each tile costs a few milliseconds.
 * Pages are found through visibleSql first: an invisible page has no info.json and no tiles (404).
 */
import path from 'node:path';
import type { Deps } from '../deps.js';
import type { Scope } from '../core/scope.js';
import { Download } from '../core/download.js';
import { buildInfoJson } from '../iiif/info-json.js';
import { parseIiifRequest, type IiifLimits, type IiifParams } from '../iiif/iiif-params.js';
import { cutIiif, IIIF_CONTENT_TYPES } from '../../ocr/image/iiif.js';
import { PyramidCache } from '../../ocr/image/pyramid-cache.js';
import { derivativesReady, type createViewing } from './viewing.service.js';

/** Pyramid tile edge written by renderDerivatives (its default). */
export const TILE_SIZE = 512;
/** A whole page at most ~16 Mpx per request: enough for a 4K screen, bounded CPU per request. */
export const IIIF_LIMITS: IiifLimits = { maxWidth: 4096, maxHeight: 4096, maxArea: 16_777_216 };
const CACHE_BYTES = 2 * 1024 ** 3;

export function createIiif(deps: Deps, viewing: ReturnType<typeof createViewing>) {
  const cache = new PyramidCache({ dir: path.join(deps.config.DATA_DIR, 'cache', 'pyramids'), maxBytes: CACHE_BYTES, fetch: (key) => deps.blobs.get(key) });

  async function info(scope: Scope, pageId: number, baseUrl: string) {
    const p = await viewing.visiblePage(scope, pageId);
    derivativesReady(p);
    return buildInfoJson({
      id: `${baseUrl}/api/iiif/3/page-${p.id}`, width: p.width, height: p.height, tileSize: TILE_SIZE, colour: p.colourMode === 'colour', limits: IIIF_LIMITS,
    });
  }

  async function image(scope: Scope, pageId: number, params: IiifParams) {
    const p = await viewing.visiblePage(scope, pageId);
    derivativesReady(p);
    const req = parseIiifRequest(params, { width: p.width, height: p.height }, IIIF_LIMITS);
    const version = `i${p.id}-${p.masterSha256.slice(0, 12)}-${req.region.x}.${req.region.y}.${req.region.w}.${req.region.h}-${req.size.w}.${req.size.h}-${req.rotation.mirror ? 'm' : ''}${req.rotation.degrees}-${req.quality}.${req.format}`;
    const pyramidKey = p.pyramidKey;
    return new Download({
      contentType: IIIF_CONTENT_TYPES[req.format],
      version,
      freshFor: 'day',
      fixity: { status: p.fixityStatus },
      body: async () => (await cache.use(pyramidKey, (file) => cutIiif(file, req))).data,
    });
  }

  return { info, image, cache };
}
