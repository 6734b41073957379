/** The digitisation area's services, wired once (server/services.ts holds this as `digitization`). */
import type { Deps } from '../deps.js';
import { createDigitizationService } from './digitization.service.js';
import { createViewing } from './viewing.service.js';
import { createMetadataService } from './metadata.service.js';
import { createTt05Service } from './tt05.service.js';
import { createProposals } from './proposals.service.js';
import { createExports } from './exports.service.js';
import { createIiif } from './iiif.service.js';
import { createPageEdit } from './page-edit.service.js';
import { createContentSearch } from '../iiif/content-search.service.js';
import { createInventoryReview } from './inventory-review.service.js';

export function createDigitizationArea(deps: Deps) {
  const viewing = createViewing(deps);
  const iiif = createIiif(deps, viewing);
  return {
    batches: createDigitizationService(deps),
    viewing,
    iiif,
    pages: createPageEdit(deps, { pyramidReplaced: (key) => iiif.cache.invalidate(key) }),
    metadata: createMetadataService(deps),
    tt05: createTt05Service(deps),
    proposals: createProposals(deps),
    exports: createExports(deps),
    contentSearch: createContentSearch(deps.db),
    inventoryReview: createInventoryReview(deps),
  };
}

export type DigitizationArea = ReturnType<typeof createDigitizationArea>;
