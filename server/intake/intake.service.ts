import type { Deps } from '../deps.js';
export function createIntakeService(_deps: Deps) { return {}; }
export type IntakeService = ReturnType<typeof createIntakeService>;
