/**
 * The network interfaces a room may listen on: this machine's IPv4 addresses, loopback ("This
 * computer only", the default) first. Phones in a hall reach the trainer's laptop over IPv4 on a
 * hotspot or a local router; IPv6 link-local addresses would need zone ids nobody can type.
 */
import { networkInterfaces } from 'node:os';
import type { RoomInterface } from '../../renderer/src/core/room/protocol';

const LOOPBACK: RoomInterface = { address: '127.0.0.1', name: 'loopback', loopback: true };

export function listRoomInterfaces(): RoomInterface[] {
  const found: RoomInterface[] = [];
  for (const [name, entries] of Object.entries(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family !== 'IPv4' || entry.address === LOOPBACK.address) continue;
      if (found.some((known) => known.address === entry.address)) continue;
      found.push({ address: entry.address, name, loopback: entry.internal });
    }
  }
  // Loopback first, then the rest as the system lists them.
  return [LOOPBACK, ...found.filter((item) => item.loopback), ...found.filter((i) => !i.loopback)];
}
