/**
 * The workshop room module's public face: what the desktop's utilityProcess entry
 * (roomProcess.ts) and `npm run serve -- --room` use. Node only; no Electron imports.
 */
export { isLoopbackAddress } from './roomHttp';
export { listRoomInterfaces } from './roomInterfaces';
export { ROOM_PAGE_FILE } from './roomPage';
export {
  ROOM_DEFAULT_PORT,
  startRoom,
  type RoomCloseReason,
  type RoomConnectionRules,
  type RoomOptions,
  type RunningRoom,
} from './roomServer';
export type { RoomLimits } from './roomState';
