/**
 * Remembers the main window's size and position in the `window-state` document, and puts the
 * window back where it was, or somewhere visible if that screen is gone.
 */
import { z } from 'zod';

/** The stored document's name. */
export const WINDOW_STATE_KEY = 'window-state';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
  fullScreen: boolean;
}

export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
export const MIN_SIZE = { width: 640, height: 480 } as const;

const rectangleSchema = z.strictObject({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
});

const windowStateSchema = z.strictObject({
  bounds: rectangleSchema,
  maximized: z.boolean(),
  fullScreen: z.boolean(),
});

/** Parses the stored text; anything unexpected gives null (and the default placement). */
export function parseWindowState(text: string): WindowState | null {
  try {
    const result = windowStateSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Where to open the window: the saved bounds when at least a third of the window still falls on
 * one of the current screens' work areas (shrunk to fit that screen), otherwise undefined
 * position and the default size, which lets the OS centre it.
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rectangle[],
): { x?: number; y?: number; width: number; height: number } {
  if (saved === null) return { ...DEFAULT_SIZE };
  const { bounds } = saved;
  let best: Rectangle | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(bounds, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (best === undefined || bestArea < (bounds.width * bounds.height) / 3) {
    return { ...DEFAULT_SIZE };
  }
  const width = Math.max(MIN_SIZE.width, Math.min(bounds.width, best.width));
  const height = Math.max(MIN_SIZE.height, Math.min(bounds.height, best.height));
  const x = Math.min(Math.max(bounds.x, best.x), best.x + best.width - width);
  const y = Math.min(Math.max(bounds.y, best.y), best.y + best.height - height);
  return { x, y, width, height };
}
