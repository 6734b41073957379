/**
 * Every Vietnamese string the user sees lives in this folder, one module per area, so wording is reviewed
 * in one place; pages read them all through `vi`.
 */
import { access } from './access.js';
import { admin } from './admin.js';
import { common } from './common.js';
import { dashboard } from './dashboard.js';
import { deadlines } from './deadlines.js';
import { reminders } from './reminders.js';
import { handover } from './handover.js';
import { intake } from './intake.js';
import { imports } from './imports.js';
import { stacks } from './stacks.js';
import { scheduling } from './scheduling.js';
import { digitization } from './digitization.js';
import { readingRoomCirculation } from './reading-room-circulation.js';
import { readingRoom } from './reading-room.js';

export const vi = { ...common, ...access, ...dashboard, ...intake, ...deadlines, ...reminders, ...handover, ...stacks, ...scheduling, ...digitization, ...admin, ...imports, ...readingRoomCirculation, ...readingRoom };
