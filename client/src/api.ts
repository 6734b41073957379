/** The client's API: one object per area, every request through ./api/transport.ts. */
import { adminApi } from './api/admin.js';
import { recordsApi } from './api/records.js';
import { workApi } from './api/work.js';
import { readingRoomCirculationApi } from './api/reading-room-circulation.js';
import { readingRoomApi } from './api/reading-room.js';

export { ApiError, download, qs, setCsrfToken, setUnauthenticatedHandler, uploadWithProgress } from './api/transport.js';

export const api = { ...adminApi, ...recordsApi, ...workApi, ...readingRoomCirculationApi, ...readingRoomApi };
