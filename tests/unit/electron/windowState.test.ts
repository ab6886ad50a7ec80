import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, parseWindowState, placeWindow } from '../../../electron/main/windowState';

const screenA = { x: 0, y: 0, width: 1920, height: 1040 };
const screenB = { x: 1920, y: 0, width: 1280, height: 1000 };
const state = (x: number, y: number, width = 1000, height = 700) => ({
  bounds: { x, y, width, height },
  maximized: false,
  fullScreen: false,
});

describe('parseWindowState', () => {
  it.each(['', 'null', '{}', '{"bounds":{"x":"1"}}', '[1,2]', 'not json'])('ignores %j', (text) => {
    expect(parseWindowState(text)).toBeNull();
  });

  it('reads a valid state', () => {
    expect(parseWindowState(JSON.stringify(state(10, 20)))).toEqual(state(10, 20));
  });
});

describe('placeWindow', () => {
  it('uses the default size without a saved state', () => {
    expect(placeWindow(null, [screenA])).toEqual({ ...DEFAULT_SIZE });
  });

  it('keeps a placement that is on screen', () => {
    expect(placeWindow(state(100, 100), [screenA])).toEqual({
      x: 100,
      y: 100,
      width: 1000,
      height: 700,
    });
  });

  it('keeps a placement on a second screen', () => {
    expect(placeWindow(state(2000, 50), [screenA, screenB])).toEqual({
      x: 2000,
      y: 50,
      width: 1000,
      height: 700,
    });
  });

  it('falls back to the default when the saved screen is gone', () => {
    expect(placeWindow(state(2000, 50), [screenA])).toEqual({ ...DEFAULT_SIZE });
  });

  it('shrinks and moves a window that hangs off the screen', () => {
    expect(placeWindow(state(1000, 300, 1200, 900), [screenA])).toEqual({
      x: 720,
      y: 140,
      width: 1200,
      height: 900,
    });
    expect(placeWindow(state(-200, 0, 2400, 1000), [screenA])).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1000,
    });
  });
});
