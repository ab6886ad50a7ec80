/**
 * The participant page as the room server serves it: the built `room.html` and exactly the
 * asset files it references (scripts, styles, their static imports, the files a stylesheet
 * points at), read into memory once when the room opens. Nothing else of the build folder (the
 * app's index.html, the content data, source maps) can be reached, whatever the request path.
 */
import { readFile, realpath } from 'node:fs/promises';
import { extname, posix, relative, resolve, isAbsolute } from 'node:path';
import { contentTypeForExtension } from '../shared/servingPolicy';

/** The file name of the participant page inside the build folder. */
export const ROOM_PAGE_FILE = 'room.html';

export interface PageFile {
  body: Buffer;
  contentType: string;
  /** Hashed assets never change; the page itself is re-checked. */
  immutable: boolean;
}

/** URL path (`/`, `/assets/room-abc123.js`) → file. */
export type RoomPage = ReadonlyMap<string, PageFile>;

/** Relative references in HTML attributes: `src="./assets/x.js"`, `href="assets/x.css"`. */
const HTML_REFERENCE = /\s(?:src|href)\s*=\s*["']([^"'#?]+)["']/gi;
/** Static and dynamic imports between built chunks: `from"./x.js"`, `import("./x.js")`. */
const JS_REFERENCE = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"'?#]+)["']/g;
/** Files a stylesheet points at: `url(./font.woff2)`. */
const CSS_REFERENCE = /url\(\s*["']?([^"')?#]+)["']?\s*\)/gi;

/** A reference that is a file of ours: relative, not a scheme (data:, https:) or a fragment. */
function isLocalReference(reference: string): boolean {
  return reference !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(reference) && !reference.startsWith('//');
}

function referencesIn(urlPath: string, text: string): string[] {
  const extension = extname(urlPath).toLowerCase();
  const pattern =
    extension === '.html' ? HTML_REFERENCE : extension === '.css' ? CSS_REFERENCE : JS_REFERENCE;
  if (extension !== '.html' && extension !== '.css' && extension !== '.js') return [];
  const folder = posix.dirname(urlPath);
  return [...text.matchAll(pattern)]
    .map((match) => match[1] ?? '')
    .filter(isLocalReference)
    .map((reference) =>
      reference.startsWith('/') ? posix.normalize(reference) : posix.join(folder, reference),
    );
}

/**
 * Reads room.html from `pageDir` and, transitively, every asset it references. Throws when the
 * page is missing (the renderer has not been built) or a reference leads outside `pageDir`.
 */
export async function loadRoomPage(pageDir: string): Promise<RoomPage> {
  const root = await realpath(pageDir);
  const files = new Map<string, PageFile>();
  const pending = [`/${ROOM_PAGE_FILE}`];
  while (pending.length > 0) {
    const urlPath = pending.pop() ?? '';
    if (files.has(urlPath)) continue;
    const segments = urlPath.split('/');
    if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) {
      throw new Error(`The participant page refers to ${urlPath}, which the room never serves.`);
    }
    const onDisk = await realpath(resolve(root, `.${urlPath}`));
    const inside = relative(root, onDisk);
    if (inside.startsWith('..') || isAbsolute(inside) || onDisk.endsWith('.map')) {
      throw new Error(`The participant page refers to ${urlPath}, outside the page folder.`);
    }
    const body = await readFile(onDisk);
    const isPage = urlPath === `/${ROOM_PAGE_FILE}`;
    files.set(urlPath, {
      body,
      contentType: contentTypeForExtension(extname(urlPath)),
      immutable: !isPage,
    });
    pending.push(...referencesIn(urlPath, body.toString('utf8')));
  }
  // The page is served at `/` only: /room.html is not a second name for it.
  const page = files.get(`/${ROOM_PAGE_FILE}`);
  files.delete(`/${ROOM_PAGE_FILE}`);
  if (page !== undefined) files.set('/', page);
  return files;
}
