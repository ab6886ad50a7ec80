// @vitest-environment jsdom
/**
 * The browser edition's `saveFile`: text and bytes (a content pack) both download as a Blob with
 * exactly the contents given. jsdom does not download, so the test reads the Blob the link gets.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

/** Loaded at run time: tests/unit is type-checked without DOM types (see browserHostLinks). */
interface SaveOptions {
  suggestedName: string;
  mimeType: string;
  extensions: string[];
  contents: string | Uint8Array;
}
const HOST = '../../../renderer/src/host/browserHost.ts';
const { createBrowserHost } = (await import(/* @vite-ignore */ HOST)) as {
  createBrowserHost: (win: unknown) => {
    saveFile(options: SaveOptions): Promise<{ status: string; where?: string }>;
  };
};

interface BlobLike {
  type: string;
}

/** A Blob's bytes, read with FileReader (jsdom's Blob has no arrayBuffer()). */
function bytesOf(blob: BlobLike): Promise<Uint8Array> {
  const { FileReader } = globalThis as unknown as {
    FileReader: new () => {
      result: ArrayBuffer;
      onload: () => void;
      onerror: () => void;
      readAsArrayBuffer(blob: BlobLike): void;
    };
  };
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result));
    reader.onerror = () => reject(new Error('unreadable blob'));
    reader.readAsArrayBuffer(blob);
  });
}
const urls = URL as unknown as {
  createObjectURL?: (blob: BlobLike) => string;
  revokeObjectURL?: (href: string) => void;
};

/** Saves through the real host and returns the Blob it offered for download and the link's name. */
async function saved(contents: string | Uint8Array): Promise<{ blob: BlobLike; name: string }> {
  const blobs: BlobLike[] = [];
  urls.createObjectURL = (blob) => {
    blobs.push(blob);
    return 'blob:test';
  };
  urls.revokeObjectURL = () => undefined;
  const doc = (globalThis as unknown as { document: { createElement(tag: string): unknown } })
    .document;
  let name = '';
  const realCreate = doc.createElement.bind(doc);
  vi.spyOn(doc, 'createElement').mockImplementation((tag: string) => {
    const element = realCreate(tag) as { download: string; click: () => void };
    element.click = () => {
      name = element.download;
    };
    return element;
  });
  const host = createBrowserHost(globalThis);
  const result = await host.saveFile({
    suggestedName: 'north.onmunipack',
    mimeType: 'application/zip',
    extensions: ['onmunipack'],
    contents,
  });
  expect(result.status).toBe('saved');
  const [blob] = blobs;
  if (blob === undefined || blobs.length !== 1) throw new Error(`${blobs.length} downloads`);
  return { blob, name };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the browser host saves', () => {
  it('bytes exactly, a view into a larger buffer included', async () => {
    const whole = new Uint8Array([9, 9, 0x50, 0x4b, 0x00, 0xff, 0x80, 9]);
    const { blob, name } = await saved(whole.subarray(2, 7));
    expect(name).toBe('north.onmunipack');
    expect(blob.type).toBe('application/zip');
    expect([...(await bytesOf(blob))]).toEqual([0x50, 0x4b, 0x00, 0xff, 0x80]);
  });

  it('text as UTF-8, as before', async () => {
    const { blob } = await saved('é,"a"\n');
    expect(new TextDecoder().decode(await bytesOf(blob))).toBe('é,"a"\n');
  });
});
