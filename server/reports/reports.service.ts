import type { Deps } from '../deps.js';
export function createReportsService(_deps: Deps) { return {}; }
export type ReportsService = ReturnType<typeof createReportsService>;
