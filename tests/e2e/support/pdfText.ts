import { readFile } from 'node:fs/promises';
import { getDocument, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF file, read with pdfjs-dist's Node build.
 *
 * This exists so that the print tests need no system tool: they once ran poppler's `pdftotext`,
 * which a fresh machine (or CI image) does not have, so the tests failed there or skipped their
 * text checks. pdfjs-dist is a devDependency and runs entirely in this process: in Node it has no
 * DOM and no Web Worker, and loads its worker code from the installed package ("fake worker"),
 * so nothing is downloaded.
 *
 * Words on a line are separated by single spaces; lines and pages end with a newline. Exact
 * spacing differs from `pdftotext -layout`, so callers should collapse whitespace before matching.
 */
export async function pdfText(file: string): Promise<string> {
  // A copy as a plain Uint8Array: pdfjs refuses Node Buffers and takes ownership of the bytes.
  const data = new Uint8Array(await readFile(file));
  const doc = await getDocument({
    data,
    // Text extraction needs no rendering and no font loading: no @font-face, no system fonts,
    // and no standard-font or CMap URLs, so no fetch of those is ever attempted (Chromium embeds
    // the fonts it prints with). No eval of PDF functions either.
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: true,
    // Errors only: pdfjs's warnings about optional Node polyfills are not this test's concern.
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      pages.push(pageText(content.items));
      page.cleanup();
    }
    return pages.join('\n');
  } finally {
    await doc.destroy();
  }
}

/** A text item, or a marked-content boundary, of a page's text content. */
type Item = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number];

/** Joins one page's text items into lines, breaking at end-of-line marks and baseline changes. */
function pageText(items: readonly Item[]): string {
  const lines: string[] = [];
  let line = '';
  let lastY: number | null = null;
  let lastEnd: number | null = null;
  const endLine = (): void => {
    const trimmed = line.replace(/\s+/g, ' ').trim();
    if (trimmed) lines.push(trimmed);
    line = '';
    lastEnd = null;
  };
  for (const item of items) {
    if (!('str' in item)) continue; // Marked-content boundaries carry no text.
    const [, , , , x = 0, y = 0] = item.transform as number[];
    const size = Math.max(Math.abs(item.height), 1);
    // A new baseline is a new line, whether or not pdfjs marked the previous item's end.
    if (lastY !== null && Math.abs(y - lastY) > size / 2) endLine();
    if (item.str) {
      // Items on one line are words or runs of a word: a visible gap between them is a space.
      if (lastEnd !== null && x - lastEnd > size * 0.1) line += ' ';
      line += item.str;
      lastEnd = x + item.width;
      lastY = y;
    }
    if (item.hasEOL) endLine();
  }
  endLine();
  return lines.map((text) => `${text}\n`).join('');
}
