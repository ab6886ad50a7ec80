/**
 * The room benchmark's room, in a process of its own (as on the desktop, where it runs in a
 * utilityProcess), so its heap is measured apart from the 300 clients. Started with Node's IPC
 * channel: it sends the room's events to the parent with the time they left, takes presenter
 * commands, and samples its own heap (after a forced collection for the baseline and the end).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { startRoom } from '../../../electron/room';
import type { PresenterCommand, RoomEvent } from '../../../renderer/src/core/room/protocol';

export type ToChild = { type: 'command'; command: PresenterCommand } | { type: 'finish' };
export type FromChild =
  | { type: 'event'; event: RoomEvent }
  | { type: 'heap'; baseline: number; peak: number; end: number; samples: number };

const send = (message: FromChild): void => {
  process.send?.(message);
};

/** The heap in use now (cheaper than process.memoryUsage(), which also reads the RSS). */
const heapUsed = (): number => getHeapStatistics().used_heap_size;

function collect(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return heapUsed();
}

const pageDir = mkdtempSync(path.join(tmpdir(), 'room-bench-page-'));
writeFileSync(path.join(pageDir, 'room.html'), '<!doctype html><title>Room</title>');

const baseline = collect();
let peak = baseline;
let samples = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, heapUsed());
  samples += 1;
}, 25);

const room = await startRoom({
  address: '127.0.0.1',
  port: 0,
  pageDir,
  onEvent: (event) => send({ type: 'event', event }),
});

process.on('message', (message: ToChild) => {
  if (message.type === 'command') {
    room.command(message.command);
    return;
  }
  clearInterval(sampler);
  peak = Math.max(peak, heapUsed());
  void room.close().then(() => {
    send({ type: 'heap', baseline, peak, end: collect(), samples });
    rmSync(pageDir, { recursive: true, force: true });
    process.disconnect();
  });
});
