import type { Deps } from '../deps.js';
import type { AnyRoute } from '../http/route.js';
import type { Services } from '../services.js';
export function handoverRoutes(_deps: Deps, _s: Services): AnyRoute[] { return []; }
