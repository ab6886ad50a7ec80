import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The committed files that electron-builder packages (written by build/icons/generate-icons.ts).
const ICONS = join(import.meta.dirname, '../../../build/icons');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const ICNS_SIZES: Record<string, number> = {
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
};

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer, label: string): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), `${label}: PNG signature`).toBe(true);
  expect(png.toString('ascii', 12, 16), `${label}: first chunk`).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * The RGBA pixels of an 8-bit RGBA PNG, top row first. Handles only filter type 0, which is all
 * generate-icons.ts writes; enough to compare an ICO bitmap with the PNG of the same size.
 */
function pngPixels(png: Buffer): Buffer {
  const { width, height } = pngSize(png, 'PNG');
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') {
      idat.push(png.subarray(at + 8, at + 8 + png.readUInt32BE(at)));
    }
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rowBytes = width * 4;
  const pixels = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y += 1) {
    expect(raw.readUInt8(y * (rowBytes + 1)), `row ${y}: filter type`).toBe(0);
    raw.copy(pixels, y * rowBytes, y * (rowBytes + 1) + 1, (y + 1) * (rowBytes + 1));
  }
  return pixels;
}

/** A DIB's 32-bit colour plane (BGRA, bottom row first) turned into RGBA, top row first. */
function dibPixels(dib: Buffer, size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    for (let x = 0; x < size; x += 1) {
      const from = 40 + (row * size + x) * 4;
      const to = ((size - 1 - row) * size + x) * 4;
      pixels.writeUInt8(dib.readUInt8(from + 2), to);
      pixels.writeUInt8(dib.readUInt8(from + 1), to + 1);
      pixels.writeUInt8(dib.readUInt8(from), to + 2);
      pixels.writeUInt8(dib.readUInt8(from + 3), to + 3);
    }
  }
  return pixels;
}

interface IcoEntry {
  readonly size: number;
  readonly height: number;
  readonly planes: number;
  readonly bitCount: number;
  readonly data: Buffer;
}

/** The ICONDIR header and its 16-byte entries; a 0 width or height byte means 256. */
function readIco(ico: Buffer): IcoEntry[] {
  expect(ico.readUInt16LE(0), 'reserved').toBe(0);
  expect(ico.readUInt16LE(2), 'type: icon').toBe(1);
  const count = ico.readUInt16LE(4);
  const directoryEnd = 6 + 16 * count;
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + 16 * i;
    const bytes = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    expect(offset, `entry ${i} starts after the directory`).toBeGreaterThanOrEqual(directoryEnd);
    expect(offset + bytes, `entry ${i} ends inside the file`).toBeLessThanOrEqual(ico.length);
    return {
      size: ico.readUInt8(at) || 256,
      height: ico.readUInt8(at + 1) || 256,
      planes: ico.readUInt16LE(at + 4),
      bitCount: ico.readUInt16LE(at + 6),
      data: ico.subarray(offset, offset + bytes),
    };
  });
}

/** Checks a classic icon DIB: header, data length, and an AND mask that agrees with the alpha. */
function expectIconDib(dib: Buffer, size: number): void {
  const label = `${size}px DIB`;
  expect(dib.readUInt32LE(0), `${label}: BITMAPINFOHEADER`).toBe(40);
  expect(dib.readInt32LE(4), `${label}: width`).toBe(size);
  expect(dib.readInt32LE(8), `${label}: height doubled for the mask`).toBe(size * 2);
  expect(dib.readUInt16LE(12), `${label}: planes`).toBe(1);
  expect(dib.readUInt16LE(14), `${label}: bits per pixel`).toBe(32);
  expect(dib.readUInt32LE(16), `${label}: BI_RGB`).toBe(0);
  const maskBytes = Math.ceil(size / 32) * 4 * size;
  expect(dib.length, `${label}: header, colour and mask`).toBe(40 + size * size * 4 + maskBytes);
  const { opaque, wronglyMasked } = compareMaskWithAlpha(dib, size);
  expect(wronglyMasked, `${label}: mask hides exactly the transparent pixels`).toBe(0);
  expect(opaque, `${label}: draws something`).toBeGreaterThan((size * size) / 2);
}

/**
 * Counts opaque pixels, and pixels whose AND-mask bit disagrees with their alpha (transparent
 * but shown, or opaque but hidden). Both planes are bottom-up, so row r of one is row r of the
 * other; mask rows are padded to 32 bits and the leftmost pixel is the high bit.
 */
function compareMaskWithAlpha(
  dib: Buffer,
  size: number,
): { opaque: number; wronglyMasked: number } {
  const colourStart = 40;
  const maskStart = colourStart + size * size * 4;
  const maskRowBytes = Math.ceil(size / 32) * 4;
  let opaque = 0;
  let wronglyMasked = 0;
  for (let row = 0; row < size; row += 1) {
    for (let x = 0; x < size; x += 1) {
      const alpha = dib.readUInt8(colourStart + (row * size + x) * 4 + 3);
      const maskByte = dib.readUInt8(maskStart + row * maskRowBytes + (x >> 3));
      const hidden = ((maskByte >> (7 - (x & 7))) & 1) === 1;
      if (alpha === 255) opaque += 1;
      if ((alpha === 0 && !hidden) || (alpha === 255 && hidden)) wronglyMasked += 1;
    }
  }
  return { opaque, wronglyMasked };
}

/** The elements of an icns file, after checking its magic and total length. */
function readIcns(icns: Buffer): Map<string, Buffer> {
  expect(icns.toString('ascii', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4), 'header length is the file length').toBe(icns.length);
  const elements = new Map<string, Buffer>();
  let at = 8;
  while (at < icns.length) {
    const type = icns.toString('ascii', at, at + 4);
    const length = icns.readUInt32BE(at + 4);
    expect(length, `${type}: length covers its header`).toBeGreaterThan(8);
    expect(at + length, `${type}: ends inside the file`).toBeLessThanOrEqual(icns.length);
    elements.set(type, icns.subarray(at + 8, at + length));
    at += length;
  }
  expect(at, 'elements fill the file exactly').toBe(icns.length);
  return elements;
}

describe('build/icons', () => {
  it('has the full Linux set, each PNG the size its name says', async () => {
    const names = (await readdir(ICONS)).filter((name) => /^\d+x\d+\.png$/.test(name));
    expect(names.sort()).toEqual(LINUX_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of LINUX_SIZES) {
      const name = `${size}x${size}.png`;
      expect(pngSize(await readFile(join(ICONS, name)), name)).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it('has a 1024 px icon.png as the macOS source image', async () => {
    const png = await readFile(join(ICONS, 'icon.png'));
    expect(pngSize(png, 'icon.png')).toEqual({ width: 1024, height: 1024 });
  });

  it('has an icon.ico with 32-bit DIBs from 16 to 128 px and a PNG at 256 px', async () => {
    const entries = readIco(await readFile(join(ICONS, 'icon.ico')));
    expect(entries.map((entry) => entry.size)).toEqual(ICO_SIZES);
    for (const { size, height, planes, bitCount, data } of entries) {
      expect(height, `${size}px: square`).toBe(size);
      expect(planes, `${size}px: planes`).toBe(1);
      expect(bitCount, `${size}px: bits per pixel`).toBe(32);
      if (size === 256) {
        expect(pngSize(data, '256px ICO entry')).toEqual({ width: 256, height: 256 });
      } else {
        expectIconDib(data, size);
        // Same picture as the Linux PNG: catches swapped channels or an upside-down bitmap.
        const png = await readFile(join(ICONS, `${size}x${size}.png`));
        expect(dibPixels(data, size).equals(pngPixels(png)), `${size}px matches its PNG`).toBe(
          true,
        );
      }
    }
  });

  it('has an icon.icns with a PNG of the right size for every entry type', async () => {
    const elements = readIcns(await readFile(join(ICONS, 'icon.icns')));
    for (const [type, size] of Object.entries(ICNS_SIZES)) {
      const png = elements.get(type);
      expect(png, `${type} present`).toBeDefined();
      expect(pngSize(png ?? Buffer.alloc(0), type)).toEqual({ width: size, height: size });
    }
  });
});
