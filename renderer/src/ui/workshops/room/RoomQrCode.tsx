import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/** Modules of white around the code: the QR standard's quiet zone, which scanners need. */
const QUIET_ZONE = 4;

/**
 * The dark modules of a QR code of `text`, as one SVG path (one square per module), with the
 * matrix size including the quiet zone. Level M survives a smudged projector or a glare.
 */
export function qrPath(text: string): { path: string; size: number } {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const count = code.getModuleCount();
  const squares: string[] = [];
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (code.isDark(row, col)) squares.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { path: squares.join(''), size: count + 2 * QUIET_ZONE };
}

/**
 * A QR code, drawn here from the module matrix (no network, no markup strings): always dark on
 * white whatever the theme, as phone cameras read inverted codes badly. `label` names it for
 * screen readers (what it opens).
 */
export function RoomQrCode({ text, label }: { text: string; label: string }) {
  const { path, size } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      className="room-qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
