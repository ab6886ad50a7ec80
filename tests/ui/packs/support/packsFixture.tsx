/**
 * The Content packs page over real parts: pack storage that keeps the storage contract in memory
 * (memoryPacks.ts says why not IndexedDB here), in-memory document storage for trusted keys, the pack worker's real message loop, and packs written by the app's pack writer. Only
 * what jsdom lacks is stood in for: the app server (`serveBundledLibrary` of the library's UI
 * tests) and a Worker thread (the worker's loop runs in this thread, its messages delivered
 * asynchronously, as a port does).
 */
import { getPublicKeyAsync } from '@noble/ed25519';
import { toHex } from '../../../../renderer/src/core/packs/sha256';
import { writePack, type PackManifestFields } from '../../../../renderer/src/core/packs/writePack';
import type { Host } from '../../../../renderer/src/host/Host';
import { HostContext } from '../../../../renderer/src/ui/common/HostContext';
import { ContentPacksPage } from '../../../../renderer/src/ui/packs/ContentPacksPage';
import type { StartPackWorker } from '../../../../renderer/src/ui/packs/worker/packClient';
import type { PackReply } from '../../../../renderer/src/ui/packs/worker/packProtocol';
import { servePackImport } from '../../../../renderer/src/ui/packs/worker/packService';
import { MemoryStorage } from '../../../unit/store/MemoryStorage';
import { MemoryPacks } from './memoryPacks';
import { PACK_DOCS } from '../../library/libraryFixture';

/** The fixture pack's manifest fields. */
export const PACK_FIELDS: PackManifestFields = {
  id: 'testville-notes',
  title: 'Testville notes',
  version: '1.2.0',
  publisher: 'Township of Testville',
  created: '2026-11-30',
};

/** A fixed Ed25519 secret key (tests only), and its public key in hex. */
export const SECRET_KEY = new Uint8Array(32).map((_, i) => i + 1);
export const PUBLIC_KEY_HEX = toHex(await getPublicKeyAsync(SECRET_KEY));

/** A `.onmunipack` written by the app's own pack writer. */
export async function packBytes(
  docs: Readonly<Record<string, string>> = PACK_DOCS,
  fields: Partial<PackManifestFields> = {},
  secretKey?: Uint8Array,
): Promise<Uint8Array> {
  const written = await writePack(
    { ...PACK_FIELDS, ...fields },
    Object.entries(docs).map(([path, text]) => ({ path, text })),
    secretKey === undefined ? {} : { secretKey },
  );
  if (!written.ok) throw new Error(JSON.stringify(written.refusals));
  return written.bytes;
}

/** A host with real pack storage; the rest of the host is not used by the page. */
export function packsHost(): Host & { storage: MemoryStorage; packs: MemoryPacks } {
  const unused = () => Promise.reject(new Error('not used by the Content packs page'));
  return {
    kind: 'browser',
    storage: new MemoryStorage(),
    packs: new MemoryPacks(),
    saveFile: unused,
    print: unused,
    openExternal: unused,
    appInfo: () =>
      Promise.resolve({
        name: 'OnMuni Toolkit',
        version: '0.1.0',
        host: 'browser',
        dataLocation: '',
      }),
  };
}

/**
 * What a port does to a message, for the parts jsdom cannot clone: byte arrays are copied into
 * this realm's `Uint8Array` (jsdom's globals differ from Node's, so `instanceof` fails on the
 * TextEncoder's output), and a chosen `File` arrives as a Blob the worker can read (jsdom's File
 * has no `arrayBuffer`).
 */
async function asPortDelivers(value: unknown): Promise<unknown> {
  if (value instanceof Blob) {
    const bytes = await new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(new Error('the file could not be read'));
      reader.readAsArrayBuffer(value);
    });
    return { size: value.size, arrayBuffer: () => Promise.resolve(bytes) };
  }
  if (ArrayBuffer.isView(value))
    return Uint8Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  if (Array.isArray(value)) return Promise.all(value.map(asPortDelivers));
  if (typeof value === 'object' && value !== null) {
    const entries = await Promise.all(
      Object.entries(value).map(async ([key, item]) => [key, await asPortDelivers(item)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

/** The worker's real loop in this thread. `hold` keeps the page's messages (a slow check). */
export function inThreadWorker(options: { hold?: boolean } = {}): StartPackWorker {
  return (events) => {
    let listener: ((event: { data: unknown }) => void) | null = null;
    let open = true;
    servePackImport({
      postMessage: (message) =>
        void asPortDelivers(message).then((data) => {
          if (open) events.message(data as PackReply);
        }),
      addEventListener: (_type, handler) => (listener = handler),
    });
    return {
      post: (message) => {
        if (options.hold) return;
        void asPortDelivers(message).then((data) => open && listener?.({ data }));
      },
      terminate: () => {
        open = false;
      },
    };
  };
}

/** The page with `host` and the in-thread worker. */
export function PacksPage({ host, start }: { host: Host; start: StartPackWorker }) {
  return (
    <HostContext.Provider value={host}>
      <ContentPacksPage startWorker={start} />
    </HostContext.Provider>
  );
}
