/**
 * The pack import worker's message loop (see packProtocol.ts): reads and checks a pack with the
 * real core functions, builds its index segment, and keeps the result until the page asks for
 * the files to install. It talks to a port, not to the worker global, so tests run it over a
 * real MessageChannel.
 */
import type { ContentDocument } from '../../../core/content/model';
import type { Vocabulary } from '../../../core/content/vocabulary';
import { messageOf } from '../../../core/common/errorMessage';
import { PACK_LIMITS, sizeValues } from '../../../core/packs/limits';
import { installKind, packDocumentChanges } from '../../../core/packs/packPreview';
import { packProblem } from '../../../core/packs/problems';
import { readPack, type ReadPack } from '../../../core/packs/readPack';
import {
  decodeStoredDocuments,
  encodeStoredPack,
  storedDocument,
  versionShown,
} from '../../../core/packs/storedPack';
import { buildSegment } from '../../../core/search/layout/buildSegment';
import type { SegmentFragments } from '../../../core/search/layout/format';
import type { PackPreview, PackReply, PackRequest } from './packProtocol';

/** The worker's end of the channel to the page. */
export interface PackPort {
  postMessage(message: PackReply): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** A checked pack waiting for Install. */
interface Held {
  pack: ReadPack;
  fragments: SegmentFragments;
}

/** Progress is posted at most this many times per stage: enough for a smooth bar. */
const PROGRESS_STEPS = 100;

/** Starts answering the page's requests on `port`. */
export function servePackImport(port: PackPort): void {
  let held: Held | null = null;
  /** Resolves the wait for `installed-documents`. */
  let awaitingInstalled: ((bytes: Uint8Array | null) => void) | null = null;
  port.addEventListener('message', (event) => {
    // Only the page's own code can post to a dedicated worker, and it posts these types.
    const request = event.data as PackRequest;
    if (request.type === 'installed-documents') {
      awaitingInstalled?.(request.bytes);
      awaitingInstalled = null;
      return;
    }
    void answer(request).then(
      (reply) => reply && port.postMessage(reply),
      (error: unknown) => port.postMessage({ type: 'failed', detail: messageOf(error) }),
    );
  });

  async function answer(request: PackRequest): Promise<PackReply | null> {
    switch (request.type) {
      case 'check': {
        held = null;
        return check(request);
      }
      case 'prepare-install': {
        if (!held) return { type: 'nothing-held' };
        const { pack, fragments } = held;
        return { type: 'to-store', pack: encodeStoredPack(pack, fragments, request.installedAt) };
      }
      case 'installed-documents':
        return null;
    }
  }

  async function check(request: Extract<PackRequest, { type: 'check' }>): Promise<PackReply> {
    const { file, vocabulary } = request;
    // Refused before reading: a file over the limit is never loaded into memory.
    if (file.size > PACK_LIMITS.maxFileBytes) {
      const values = sizeValues(file.size, PACK_LIMITS.maxFileBytes);
      return {
        type: 'refused',
        problems: [packProblem({ code: 'fileTooLarge', values })],
        warnings: [],
      };
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    let posted = -1;
    const result = await readPack(bytes, {
      vocabulary,
      bundledIds: new Set(request.bundledIds),
      appVersion: request.appVersion,
      releaseText: request.releaseText,
      onProgress: (done, total) => {
        const step = total === 0 ? PROGRESS_STEPS : Math.floor((done / total) * PROGRESS_STEPS);
        if (step === posted) return;
        posted = step;
        port.postMessage({ type: 'progress', stage: 'unpack', done, total });
        if (done === total) port.postMessage({ type: 'progress', stage: 'check' });
      },
    });
    if (!result.ok)
      return { type: 'refused', problems: result.problems, warnings: result.warnings };
    const { pack } = result;

    port.postMessage({ type: 'progress', stage: 'index' });
    const fragments = buildSegment(pack.documents, vocabulary);

    const current = request.installed.find((installed) => installed.id === pack.manifest.id);
    const installedDocuments = current
      ? await documentsOf(current.id, current.version, vocabulary)
      : null;
    held = { pack, fragments };
    const { manifest } = pack;
    const preview: PackPreview = {
      id: manifest.id,
      ...versionShown(pack),
      installedVersion: current?.version ?? null,
      kind: installKind(current?.version ?? null, manifest.version),
      changes: packDocumentChanges(installedDocuments, pack.documents.map(storedDocument)),
      warnings: pack.warnings,
    };
    return { type: 'preview', preview };
  }

  /**
   * The installed version's documents, asked of the page (which alone reaches the storage). An
   * installed version that cannot be read compares as empty: every document shows as new.
   */
  async function documentsOf(
    id: string,
    version: string,
    vocabulary: Vocabulary,
  ): Promise<ContentDocument[] | null> {
    const bytes = await new Promise<Uint8Array | null>((resolve) => {
      awaitingInstalled = resolve;
      port.postMessage({ type: 'need-installed', id, version });
    });
    if (bytes === null) return null;
    try {
      return decodeStoredDocuments(id, bytes, vocabulary);
    } catch {
      return null;
    }
  }
}
