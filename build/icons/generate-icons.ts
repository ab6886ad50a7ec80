/**
 * Draws the OnMuni Toolkit icon (an original design: a page of notes with a check mark on a teal
 * tile; no government marks) and writes the PNG and ICO files electron-builder packages:
 *   build/icons/icon.png (512), 512x512.png, 256x256.png (Linux set), icon.ico (Windows, 256).
 * Run with `npx tsx build/icons/generate-icons.ts`; the outputs are committed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const TEAL: Rgba = [11, 79, 108, 255];
const PAPER: Rgba = [255, 255, 255, 255];
const LINE: Rgba = [11, 79, 108, 255];
const GOLD: Rgba = [242, 169, 0, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Signed distance-free test: is (x, y) inside a rounded rectangle (unit coordinates 0..1)? */
function inRoundedRect(
  x: number,
  y: number,
  left: number,
  top: number,
  right: number,
  bottom: number,
  r: number,
): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function nearSegment(
  x: number,
  y: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  width: number,
): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= (width / 2) ** 2;
}

/** The colour at a point of the icon, painted back to front. */
function paint(x: number, y: number): Rgba {
  let colour = CLEAR;
  if (inRoundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.18)) colour = TEAL;
  if (inRoundedRect(x, y, 0.24, 0.16, 0.72, 0.8, 0.05)) colour = PAPER;
  for (const lineY of [0.3, 0.41, 0.52]) {
    if (inRoundedRect(x, y, 0.32, lineY - 0.025, 0.64, lineY + 0.025, 0.025)) colour = LINE;
  }
  if ((x - 0.7) ** 2 + (y - 0.72) ** 2 <= 0.17 ** 2) colour = GOLD;
  if (
    nearSegment(x, y, 0.62, 0.72, 0.68, 0.79, 0.05) ||
    nearSegment(x, y, 0.68, 0.79, 0.79, 0.65, 0.05)
  ) {
    colour = PAPER;
  }
  return colour;
}

/** Renders the icon at `size` pixels with 4x4 supersampling for smooth edges. */
function render(size: number): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py += 1) {
    const row = Buffer.alloc(1 + size * 4); // leading 0: PNG filter type "none"
    for (let px = 0; px < size; px += 1) {
      let [sr, sg, sb, sa] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const [r, g, b, a] = paint(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          );
          sr += r * a;
          sg += g * a;
          sb += b * a;
          sa += a;
        }
      }
      const offset = 1 + px * 4;
      row[offset] = sa === 0 ? 0 : Math.round(sr / sa);
      row[offset + 1] = sa === 0 ? 0 : Math.round(sg / sa);
      row[offset + 2] = sa === 0 ? 0 : Math.round(sb / sa);
      row[offset + 3] = Math.round(sa / (samples * samples));
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA scanlines (each with its filter byte) as a PNG file. */
export function encodePng(size: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Wraps one 256-pixel PNG in an ICO container (Windows Vista and later read PNG entries). */
export function encodeIco(png256: Buffer): Buffer {
  const header = Buffer.from([0, 0, 1, 0, 1, 0]);
  const entry = Buffer.alloc(16);
  entry[0] = 0; // width 256
  entry[1] = 0; // height 256
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(png256.length, 8);
  entry.writeUInt32LE(header.length + entry.length, 12);
  return Buffer.concat([header, entry, png256]);
}

const outDir = import.meta.dirname;
const png512 = encodePng(512, render(512));
const png256 = encodePng(256, render(256));
writeFileSync(join(outDir, 'icon.png'), png512);
writeFileSync(join(outDir, '512x512.png'), png512);
writeFileSync(join(outDir, '256x256.png'), png256);
writeFileSync(join(outDir, 'icon.ico'), encodeIco(png256));
console.log(`Icons written to ${outDir}`);
