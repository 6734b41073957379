/** Reading-room admin screens: staff duties, service holds, and the reader's own copy orders. */
import { download, get, id, post, put } from './transport.js';
import type { z } from 'zod';
import type { ReadingHold as HoldSchema } from '../../../server/contract/reading-room.js';
import type { CopyOrderList } from '../types/reading-room-circulation.js';

export type Duty = 'reading_room_head' | 'director' | 'stacks';
export const DUTIES: Duty[] = ['reading_room_head', 'director', 'stacks'];
/** Mirrors server/reading-room/staff-duties.routes.ts (kept out of the shared contract files). */
export interface StaffDuties { id: number; username: string; displayName: string; role: 'admin' | 'archivist'; active: boolean; duties: string[] }
export type ReadingHold = z.output<typeof HoldSchema>;
export interface HoldInput { recordFileId: number; reason: 'processing' | 'restoration'; untilDay?: string | null; note?: string | null }

export const readingRoomAdminApi = {
  staff: () => get<{ items: StaffDuties[] }>('/api/reading-room/staff'),
  setDuties: (userId: number, duties: Duty[]) => put<{ userId: number; duties: string[] }>(`/api/reading-room/staff/${id(userId)}/duties`, { duties }),
  holds: (activeOnly: boolean) => get<{ items: ReadingHold[] }>('/api/reading-room/holds', { activeOnly: activeOnly ? 'true' : undefined }),
  placeHold: (b: HoldInput) => post<ReadingHold>('/api/reading-room/holds', b),
  liftHold: (holdId: number) => post<ReadingHold>(`/api/reading-room/holds/${id(holdId)}/lift`, {}),
  myCopyOrders: () => get<CopyOrderList>('/api/reading-room/copy-orders/mine'),
  downloadMyCopy: (orderId: number) => download(`/api/reading-room/copy-orders/mine/${id(orderId)}/copy.pdf`, 'ban-sao.pdf'),
  downloadMyDip: (orderId: number) => download(`/api/reading-room/copy-orders/mine/${id(orderId)}/dip.zip`, `dip-don-sao-${orderId}.zip`),
};
