/**
 * The import worker's message loop: answers each request from the page with the real core
 * functions (through the planner and annotations jobs), keeps the checked file until the page
 * confirms or the worker is terminated, and never lets an exception go unanswered. It talks to a
 * port, not to the worker global, so unit tests run it over a real MessageChannel.
 */
import type { AnnotationSet, AnnotationsDatabase } from '../../../core/annotations';
import { MAX_IMPORT_BYTES } from '../../../core/annotations';
import { MAX_BACKUP_BYTES } from '../../../core/planner/import/parseBackup';
import type { PlannerDatabase } from '../../../core/planner/schema';
import {
  checkAnnotationsFile,
  mergeAnnotationsFile,
  previewAnnotationsFile,
} from './annotationsImportJob';
import { fileSizeProblem } from './fileSize';
import { problemLine } from '../../../core/common/problemLine';
import type { FileLike, ImportRequest, NamedRefusal, WorkerReply } from './importProtocol';
import { PART_WEIGHT, PartCollector, splitIntoParts, type ListPart } from './listParts';
import { applyPlannerBackup, checkPlannerBackup } from './plannerImportJob';
import { readStoredDocument } from './storedDocumentJob';

/** The worker's end of the channel to the page. */
export interface ImportPort {
  postMessage(message: WorkerReply | ListPart): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** What a worker holds between the check and the user's choice. */
type Held =
  | { kind: 'none' }
  | { kind: 'planner'; incoming: PlannerDatabase; current: PlannerDatabase }
  | {
      kind: 'annotations';
      incoming: AnnotationSet;
      local: AnnotationsDatabase;
      previewed: boolean;
    };

/** Starts answering the page's import requests on `port`; `partWeight` is for tests. */
export function serveImports(port: ImportPort, partWeight = PART_WEIGHT): void {
  const collector = new PartCollector();
  const state: { held: Held } = { held: { kind: 'none' } };
  // Requests are answered one at a time, in order: reading a file is asynchronous.
  let queue = Promise.resolve();
  port.addEventListener('message', (event) => {
    // Only the page's own code can post to a dedicated worker, and it posts these types.
    const request = collector.receive(event.data as ImportRequest | ListPart);
    if (!request) return;
    queue = queue
      .then(async () => {
        const reply = await answerSafely(request, state);
        try {
          for (const message of splitIntoParts(reply, partWeight)) port.postMessage(message);
        } catch (error) {
          // A reply that cannot be sent (e.g. it cannot be cloned) must still be answered.
          port.postMessage(
            error instanceof Error
              ? named('problems:worker.notHandedBack', { why: error.message.slice(0, 120) })
              : named('problems:worker.notHandedBackUnknown'),
          );
        }
      })
      // Whatever happened, the next request is still answered.
      .catch(() => undefined);
  });
}

async function answerSafely(request: ImportRequest, state: { held: Held }): Promise<WorkerReply> {
  try {
    return await answer(request, state);
  } catch (error) {
    // A bug, or a limit of the engine (an "Invalid string length" RangeError): a refusal, never
    // a worker that stops answering. Engine messages can quote input, so only a prefix is shown.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return named('problems:worker.notChecked', { detail: detail.slice(0, 160) });
  }
}

async function answer(request: ImportRequest, state: { held: Held }): Promise<WorkerReply> {
  const held = state.held;
  switch (request.type) {
    case 'check-planner': {
      const text = await readBounded(request.file, MAX_BACKUP_BYTES);
      if (typeof text !== 'string') return text;
      const checked = checkPlannerBackup(text, request.data);
      state.held = checked.incoming
        ? { kind: 'planner', incoming: checked.incoming, current: request.data }
        : { kind: 'none' };
      return checked.reply;
    }
    case 'apply-planner':
      if (held.kind !== 'planner') return nothingChecked();
      return applyPlannerBackup(held.incoming, request.data ?? held.current, request.mode);
    case 'check-annotations': {
      const text = await readBounded(request.file, MAX_IMPORT_BYTES);
      if (typeof text !== 'string') return text;
      const checked = checkAnnotationsFile(text, request.data, request.knownDocIds, request.now);
      if (!checked.ok) {
        state.held = { kind: 'none' };
        return checked.reply;
      }
      state.held = {
        kind: 'annotations',
        incoming: checked.incoming,
        local: request.data,
        previewed: false,
      };
      return { type: 'need-document-texts', docIds: checked.docIds };
    }
    case 'document-texts': {
      if (held.kind !== 'annotations') return nothingChecked();
      held.previewed = true;
      const preview = previewAnnotationsFile(held.local, held.incoming, new Map(request.texts));
      return { type: 'annotations-preview', preview };
    }
    case 'apply-annotations':
      if (held.kind !== 'annotations' || !held.previewed) return nothingChecked();
      return {
        type: 'annotations-merged',
        data: mergeAnnotationsFile(request.data ?? held.local, held.incoming),
      };
    case 'read-stored':
      return readStoredDocument(request.store, request.text);
  }
}

/** The file's text, or a refusal when it is over the limit (checked again here: defence in depth). */
async function readBounded(file: FileLike, maxBytes: number): Promise<string | NamedRefusal> {
  const problem = fileSizeProblem(file, maxBytes);
  return problem === null
    ? file.text()
    : { type: 'refused-named', message: null, problems: [problem] };
}

function nothingChecked(): WorkerReply {
  return named('problems:worker.nothingChecked');
}

/** A refusal of the worker's own: one problem about the file, which the page words. */
function named(key: string, values?: Record<string, string>): NamedRefusal {
  return { type: 'refused-named', message: null, problems: [problemLine(undefined, key, values)] };
}
