/**
 * Draws the OnMuni Toolkit icon (an original design: a page of notes with a check mark on a teal
 * tile; no government marks) and writes every file electron-builder packages:
 *   - Linux: NxN.png for 16, 24, 32, 48, 64, 128, 256, 512 and 1024 (`linux.icon: build/icons`
 *     picks them up by name);
 *   - Windows: icon.ico with 16, 24, 32, 48, 64, 128 (32-bit DIBs) and 256 (PNG);
 *   - macOS: icon.icns with PNG entries from 16 to 1024, and icon.png (1024) as the source image.
 * Run with `npx tsx build/icons/generate-icons.ts`; the outputs are committed.
 * Dependency-free on purpose: node:zlib is all a PNG needs, and the containers are a few headers.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

/** A square RGBA image: `rgba` holds size * size pixels, top row first, 4 bytes each. */
interface Image {
  readonly size: number;
  readonly rgba: Buffer;
}

/** An axis-aligned box in unit coordinates (0..1 across the icon). */
interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** A rounded rectangle: a box and its corner radius. */
interface RoundedRect {
  readonly box: Box;
  readonly radius: number;
}

/** A point in unit coordinates. */
type Point = readonly [number, number];

/** Everything `paint` draws, in unit coordinates, for one pixel size (see `geometryFor`). */
interface Geometry {
  readonly tile: RoundedRect;
  readonly page: RoundedRect;
  readonly lines: readonly Box[];
  readonly badge: { readonly centre: Point; readonly radius: number };
  /** The check mark: a polyline of three points and its stroke width. */
  readonly check: { readonly points: readonly [Point, Point, Point]; readonly width: number };
}

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** icns entry types and their pixel sizes; all hold PNG data (macOS 10.7 and later). */
const ICNS_ENTRIES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
] as const;

const TEAL: Rgba = [11, 79, 108, 255];
const PAPER: Rgba = [255, 255, 255, 255];
const LINE: Rgba = [11, 79, 108, 255];
const GOLD: Rgba = [242, 169, 0, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

// The design, in unit coordinates (0..1 across the icon).
const TILE: RoundedRect = {
  box: { left: 0.04, top: 0.04, right: 0.96, bottom: 0.96 },
  radius: 0.18,
};
const PAGE: RoundedRect = {
  box: { left: 0.24, top: 0.16, right: 0.72, bottom: 0.8 },
  radius: 0.05,
};
/** Vertical centres, thickness and horizontal extent of the three note lines on the page. */
const LINE_CENTRES = [0.3, 0.41, 0.52] as const;
const LINE_THICKNESS = 0.05;
const LINE_LEFT = 0.32;
const LINE_RIGHT = 0.64;
const BADGE_CENTRE: Point = [0.7, 0.72];
const BADGE_RADIUS = 0.17;
/** The check mark's corners, relative to the badge centre. */
const CHECK_OFFSETS: readonly [Point, Point, Point] = [
  [-0.08, 0],
  [-0.02, 0.07],
  [0.09, -0.07],
];
const CHECK_WIDTH = 0.05;

/** Up to this size the drawing is snapped to whole pixels, or its thin strokes smear to grey. */
const LARGEST_SNAPPED_SIZE = 64;
/** The smallest badge radius, in pixels, that leaves room for a readable check mark. */
const MIN_BADGE_PIXELS = 3.25;
/** The thinnest check-mark stroke, in pixels, that still reads as a tick on the gold disc. */
const MIN_CHECK_PIXELS = 1.25;

/** Is (x, y) inside a rounded rectangle (unit coordinates 0..1)? */
function inRoundedRect(x: number, y: number, box: Box, r: number): boolean {
  const { left, top, right, bottom } = box;
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Is (x, y) within `width / 2` of the segment from `from` to `to`? */
function nearSegment(x: number, y: number, from: Point, to: Point, width: number): boolean {
  const [ax, ay] = from;
  const [bx, by] = to;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= (width / 2) ** 2;
}

/** The note lines as designed: used as-is above 64 px, where a fractional edge barely shows. */
function designLines(): Box[] {
  return LINE_CENTRES.map((centre) => ({
    left: LINE_LEFT,
    top: centre - LINE_THICKNESS / 2,
    right: LINE_RIGHT,
    bottom: centre + LINE_THICKNESS / 2,
  }));
}

/** Moves each edge of a box to the nearest pixel boundary, so small sizes get crisp edges. */
function snapBox(box: Box, size: number): Box {
  const snap = (value: number): number => Math.round(value * size) / size;
  return {
    left: snap(box.left),
    top: snap(box.top),
    right: snap(box.right),
    bottom: snap(box.bottom),
  };
}

/**
 * The note lines for small sizes: whole-pixel thickness (at least 1) and pitch (at least one
 * pixel of paper between lines), starting on a pixel boundary. Unsnapped, a 0.8 px line at 16 px
 * lands across two rows and the three lines blur into one grey block.
 */
function snappedLines(size: number): Box[] {
  const thickness = Math.max(1, Math.round(LINE_THICKNESS * size));
  const designPitch = (LINE_CENTRES[1] - LINE_CENTRES[0]) * size;
  const pitch = Math.max(thickness + 1, Math.round(designPitch));
  const firstTop = Math.round(LINE_CENTRES[0] * size - thickness / 2);
  const left = Math.round(LINE_LEFT * size) / size;
  const right = Math.round(LINE_RIGHT * size) / size;
  return LINE_CENTRES.map((_, i) => ({
    left,
    top: (firstTop + i * pitch) / size,
    right,
    bottom: (firstTop + i * pitch + thickness) / size,
  }));
}

/** Moves a point to the centre of the pixel it falls in, so strokes through it render evenly. */
function snapToPixelCentre([x, y]: Point, size: number): Point {
  return [(Math.floor(x * size) + 0.5) / size, (Math.floor(y * size) + 0.5) / size];
}

/** The badge and its check mark, grown by `scale` about the badge centre. */
function badgeGeometry(
  scale: number,
  checkWidth: number,
  snap: (point: Point) => Point = (point) => point,
): Pick<Geometry, 'badge' | 'check'> {
  const centre = snap(BADGE_CENTRE);
  const at = ([dx, dy]: Point): Point => snap([centre[0] + dx * scale, centre[1] + dy * scale]);
  const [a, b, c] = CHECK_OFFSETS;
  return {
    badge: { centre, radius: BADGE_RADIUS * scale },
    check: { points: [at(a), at(b), at(c)], width: checkWidth },
  };
}

/**
 * The design for one pixel size. Above 64 px it is drawn exactly as designed. Up to 64 px,
 * edges and note lines snap to whole pixels and the tick's corners to pixel centres; at 16 px the
 * badge also grows a little and the tick thickens, because the designed 0.8 px tick on a 5 px disc
 * renders as a pale smudge rather than a check mark.
 */
function geometryFor(size: number): Geometry {
  if (size > LARGEST_SNAPPED_SIZE) {
    return { tile: TILE, page: PAGE, lines: designLines(), ...badgeGeometry(1, CHECK_WIDTH) };
  }
  const scale = Math.max(1, MIN_BADGE_PIXELS / (BADGE_RADIUS * size));
  const checkWidth = Math.max(CHECK_WIDTH * scale, MIN_CHECK_PIXELS / size);
  return {
    tile: { ...TILE, box: snapBox(TILE.box, size) },
    page: { ...PAGE, box: snapBox(PAGE.box, size) },
    lines: snappedLines(size),
    ...badgeGeometry(scale, checkWidth, (point) => snapToPixelCentre(point, size)),
  };
}

/** The colour at a point of the icon, painted back to front. */
function paint(x: number, y: number, geometry: Geometry): Rgba {
  const { tile, page, lines, badge, check } = geometry;
  let colour = CLEAR;
  if (inRoundedRect(x, y, tile.box, tile.radius)) colour = TEAL;
  if (inRoundedRect(x, y, page.box, page.radius)) colour = PAPER;
  for (const line of lines) {
    if (inRoundedRect(x, y, line, (line.bottom - line.top) / 2)) colour = LINE;
  }
  const [cx, cy] = badge.centre;
  if ((x - cx) ** 2 + (y - cy) ** 2 <= badge.radius ** 2) colour = GOLD;
  const [a, b, c] = check.points;
  if (nearSegment(x, y, a, b, check.width) || nearSegment(x, y, b, c, check.width)) {
    colour = PAPER;
  }
  return colour;
}

/** Renders the icon at `size` pixels with 4x4 supersampling for smooth edges. */
function render(size: number): Image {
  const samples = 4;
  const geometry = geometryFor(size);
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let [sr, sg, sb, sa] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const [r, g, b, a] = paint(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
            geometry,
          );
          // Weight colour by alpha so transparent samples do not darken the edges.
          sr += r * a;
          sg += g * a;
          sb += b * a;
          sa += a;
        }
      }
      const offset = (py * size + px) * 4;
      rgba[offset] = sa === 0 ? 0 : Math.round(sr / sa);
      rgba[offset + 1] = sa === 0 ? 0 : Math.round(sg / sa);
      rgba[offset + 2] = sa === 0 ? 0 : Math.round(sb / sa);
      rgba[offset + 3] = Math.round(sa / (samples * samples));
    }
  }
  return { size, rgba };
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

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** PNG scanlines: each row of RGBA prefixed with filter type 0 ("none"). */
function pngScanlines({ size, rgba }: Image): Buffer {
  const rowBytes = size * 4;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    rows.push(Buffer.from([0]), rgba.subarray(y * rowBytes, (y + 1) * rowBytes));
  }
  return Buffer.concat(rows);
}

/** Encodes an image as an 8-bit RGBA PNG file. */
function encodePng(image: Image): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.size, 0);
  header.writeUInt32BE(image.size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pngScanlines(image), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The XOR (colour) part of an icon DIB: 32-bit BGRA rows, bottom row first. */
function dibColour({ size, rgba }: Image): Buffer {
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    const target = (size - 1 - y) * size * 4;
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = target + x * 4;
      out.writeUInt8(rgba.readUInt8(from + 2), to); // blue
      out.writeUInt8(rgba.readUInt8(from + 1), to + 1); // green
      out.writeUInt8(rgba.readUInt8(from), to + 2); // red
      out.writeUInt8(rgba.readUInt8(from + 3), to + 3); // alpha
    }
  }
  return out;
}

/**
 * The AND mask of an icon DIB: 1 bit a pixel (1 = transparent), rows padded to 32 bits, bottom
 * row first. Windows uses the alpha channel for 32-bit images, but the mask must still be present
 * and older renderers draw with it, so it follows the alpha at a 50% threshold.
 */
function dibMask({ size, rgba }: Image): Buffer {
  const rowBytes = Math.ceil(size / 32) * 4;
  const out = Buffer.alloc(rowBytes * size);
  for (let y = 0; y < size; y += 1) {
    const target = (size - 1 - y) * rowBytes;
    for (let x = 0; x < size; x += 1) {
      if (rgba.readUInt8((y * size + x) * 4 + 3) < 128) {
        const byte = target + (x >> 3);
        out.writeUInt8(out.readUInt8(byte) | (0x80 >> (x & 7)), byte); // leftmost pixel: high bit
      }
    }
  }
  return out;
}

/**
 * Encodes an image as a classic icon DIB: a BITMAPINFOHEADER whose height is doubled (colour
 * plus mask), the 32-bit colour rows, then the AND mask. Every ICO reader accepts this, unlike PNG
 * entries below 256, which some resource compilers and older tools reject.
 */
function encodeDib(image: Image): Buffer {
  const colour = dibColour(image);
  const mask = dibMask(image);
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0); // biSize: BITMAPINFOHEADER
  header.writeInt32LE(image.size, 4); // biWidth
  header.writeInt32LE(image.size * 2, 8); // biHeight: colour and mask stacked
  header.writeUInt16LE(1, 12); // biPlanes
  header.writeUInt16LE(32, 14); // biBitCount
  header.writeUInt32LE(0, 16); // biCompression: BI_RGB
  header.writeUInt32LE(colour.length + mask.length, 20); // biSizeImage
  return Buffer.concat([header, colour, mask]);
}

/** Packs icon images into an ICO file: DIBs below 256 px, PNG at 256 (Windows Vista and later). */
function encodeIco(images: readonly Image[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length + 16 * images.length;
  const entries: Buffer[] = [];
  const payloads: Buffer[] = [];
  for (const image of images) {
    const payload = image.size >= 256 ? encodePng(image) : encodeDib(image);
    const dimension = image.size >= 256 ? 0 : image.size; // a byte: 0 means 256
    const entry = Buffer.alloc(16);
    entry[0] = dimension; // width
    entry[1] = dimension; // height
    entry[2] = 0; // palette colours: none
    entry[3] = 0; // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(payload.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += payload.length;
    entries.push(entry);
    payloads.push(payload);
  }
  return Buffer.concat([header, ...entries, ...payloads]);
}

/** One icns element: a four-character type, a big-endian length that counts the 8-byte header. */
function icnsElement(type: string, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(type, 0, 'ascii');
  header.writeUInt32BE(data.length + 8, 4);
  return Buffer.concat([header, data]);
}

/** Packs PNG files into an icns file: the 'icns' magic and total length, then the elements. */
function encodeIcns(entries: readonly (readonly [string, Buffer])[]): Buffer {
  return icnsElement('icns', Buffer.concat(entries.map(([type, png]) => icnsElement(type, png))));
}

/** Wraps a per-size function so each size is rendered and encoded once (1024 px takes seconds). */
function memoise<T>(make: (size: number) => T): (size: number) => T {
  const cache = new Map<number, T>();
  return (size) => {
    const cached = cache.get(size);
    if (cached !== undefined) return cached;
    const made = make(size);
    cache.set(size, made);
    return made;
  };
}

function main(): void {
  const outDir = import.meta.dirname;
  const imageAt = memoise(render);
  const pngAt = memoise((size) => encodePng(imageAt(size)));

  for (const size of LINUX_SIZES) writeFileSync(join(outDir, `${size}x${size}.png`), pngAt(size));
  writeFileSync(join(outDir, 'icon.png'), pngAt(1024));
  writeFileSync(join(outDir, 'icon.ico'), encodeIco(ICO_SIZES.map(imageAt)));
  const icnsEntries = ICNS_ENTRIES.map(([type, size]) => [type, pngAt(size)] as const);
  writeFileSync(join(outDir, 'icon.icns'), encodeIcns(icnsEntries));
  console.log(`Icons written to ${outDir}`);
}

main();
