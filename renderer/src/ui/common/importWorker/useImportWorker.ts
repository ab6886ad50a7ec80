import { useCallback, useEffect, useRef } from 'react';
import { ImportWorkerClient, type StartWorker } from './importClient';
import { startImportWorker } from './startImportWorker';

/** What a panel uses: a fresh worker per file, and a way to let it go. */
export interface ImportWorkerHandle {
  /** Terminates the current worker (answering its request with `cancelled`) and starts another. */
  start(): ImportWorkerClient;
  /** Terminates the current worker, if any. */
  stop(): void;
  /** False once another file has been chosen (or the panel let go): that client's answer is old. */
  isCurrent(client: ImportWorkerClient): boolean;
}

/**
 * One import worker at a time for a panel: choosing another file terminates the worker still
 * checking the last one (its answer will never come), and so does leaving the panel.
 */
export function useImportWorker(startWorker: StartWorker = startImportWorker): ImportWorkerHandle {
  const current = useRef<ImportWorkerClient | null>(null);
  const stop = useCallback(() => {
    current.current?.terminate();
    current.current = null;
  }, []);
  const start = useCallback(() => {
    current.current?.terminate();
    const client = new ImportWorkerClient(startWorker);
    current.current = client;
    return client;
  }, [startWorker]);
  const isCurrent = useCallback((client: ImportWorkerClient) => current.current === client, []);
  useEffect(() => stop, [stop]);
  return { start, stop, isCurrent };
}
