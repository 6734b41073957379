/** The digitisation area's services, wired once (server/services.ts holds this as `digitization`). */
import type { Deps } from '../deps.js';
import { createDigitizationService } from './digitization.service.js';
import { createViewing } from './viewing.service.js';
import { createMetadataService } from './metadata.service.js';
import { createExports } from './exports.service.js';
import { createIiif } from './iiif.service.js';

export function createDigitizationArea(deps: Deps) {
  const viewing = createViewing(deps);
  return {
    batches: createDigitizationService(deps),
    viewing,
    iiif: createIiif(deps, viewing),
    metadata: createMetadataService(deps),
    exports: createExports(deps),
  };
}

export type DigitizationArea = ReturnType<typeof createDigitizationArea>;
