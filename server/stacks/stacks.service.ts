import type { Deps } from '../deps.js';
export function createStacksService(_deps: Deps) { return {}; }
export type StacksService = ReturnType<typeof createStacksService>;
