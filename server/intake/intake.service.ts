/**
 * The intake register (docs/domain.md §2): source agencies and their fonds, the provincial list import,
 * the yearly collection plans. Deposit deadlines (server/deadlines/) build on this area, never the other way.
 */
import type { Deps } from '../deps.js';
import { createAgencyService } from './agency.service.js';
import { createAgencyImportService } from './agency-import.service.js';
import { createFondsService } from './fonds.service.js';
import { createPlanService } from './plan.service.js';

export function createIntakeService(deps: Deps) {
  const agencies = createAgencyService(deps);
  const agencyImport = createAgencyImportService(deps);
  const fonds = createFondsService(deps);
  const plans = createPlanService(deps);
  return {
    agencies,
    importAgencies: agencyImport.importAgencies,
    fonds,
    plans,
    /** Used by the handover workflow inside its transaction; see PlanService.setPlanAgencyStatus. */
    setPlanAgencyStatus: plans.setPlanAgencyStatus,
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
