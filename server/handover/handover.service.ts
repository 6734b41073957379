import type { Deps } from '../deps.js';
import type { IntakeService } from '../intake/intake.service.js';
import type { StacksService } from '../stacks/stacks.service.js';
export function createHandoverService(_deps: Deps, _others: { intake: IntakeService; stacks: StacksService }) { return {}; }
export type HandoverService = ReturnType<typeof createHandoverService>;
