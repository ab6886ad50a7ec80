/**
 * Opening a large stored document through the import worker: the real worker loop over a real
 * MessageChannel (inProcessWorker.ts), the real planner and annotations parsers, the real store.
 */
import { describe, expect, test } from 'vitest';
import { parseAnnotationsDocument } from '../../../renderer/src/core/annotations';
import { parsePlannerDocument } from '../../../renderer/src/core/planner/parsePlannerDocument';
import { createPlannerStore } from '../../../renderer/src/core/planner/plannerStore';
import { parseStoredText } from '../../../renderer/src/core/store/DocumentStorage';
import type { StartWorker } from '../../../renderer/src/ui/common/importWorker/importClient';
import { offThreadParser } from '../../../renderer/src/ui/common/importWorker/storedTextParser';
import { sampleDatabase } from '../planner/helpers';
import { MemoryStorage } from '../store/MemoryStorage';
import { inProcessWorker } from './inProcessWorker';
import { wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';
import { setLanguage } from '../../../renderer/src/ui/common/i18n/i18n';

/** A small part weight, so the sample crosses back in several parts. */
const PART = 20;

function counting(start: StartWorker): { start: StartWorker; started: () => number } {
  let started = 0;
  return {
    start: (events) => {
      started += 1;
      return start(events);
    },
    started: () => started,
  };
}

describe('reading stored text off the main thread', () => {
  test('reads a text at the threshold in the worker, with the same result as reading it here', async () => {
    const worker = inProcessWorker(PART);
    const { start, started } = counting(worker.start);
    const text = JSON.stringify(sampleDatabase());
    const parse = offThreadParser('planner', parsePlannerDocument, {
      threshold: text.length,
      startWorker: start,
    });
    await expect(parse(text)).resolves.toEqual(parseStoredText(text, parsePlannerDocument));
    expect(started()).toBe(1);
    // It came back in parts, and the worker was let go once it answered.
    expect(worker.received.filter((message) => isPart(message)).length).toBeGreaterThan(1);
    expect(worker.open()).toBe(0);
  });

  test('reads a text under the threshold where it is, without a worker', async () => {
    const { start, started } = counting(inProcessWorker().start);
    const text = JSON.stringify(sampleDatabase());
    const parse = offThreadParser('planner', parsePlannerDocument, {
      threshold: text.length + 1,
      startWorker: start,
    });
    await expect(parse(text)).resolves.toEqual(parseStoredText(text, parsePlannerDocument));
    expect(started()).toBe(0);
  });

  test('passes on repairs and migrations the worker made', async () => {
    const old = JSON.stringify({
      ...sampleDatabase(),
      schemaVersion: 1,
      tasks: [{ id: 'broken' }],
    });
    const parse = offThreadParser('planner', parsePlannerDocument, {
      threshold: 0,
      startWorker: inProcessWorker().start,
    });
    const read = await parse(old);
    expect(read).toEqual(parseStoredText(old, parsePlannerDocument));
    expect('issues' in read && read.issues.length).toBeGreaterThan(0);
  });

  test('says when the text is not JSON, as reading it here would', async () => {
    const parse = offThreadParser('annotations', parseAnnotationsDocument, {
      threshold: 0,
      startWorker: inProcessWorker().start,
    });
    const read = await parse('{"annotations": [');
    expect(read).toHaveProperty('notJson');
    expect(parseStoredText('{"annotations": [', parseAnnotationsDocument)).toHaveProperty(
      'notJson',
    );
  });

  test('reads the text here after all when no worker can start', async () => {
    const parse = offThreadParser('planner', parsePlannerDocument, {
      threshold: 0,
      startWorker: () => {
        throw new Error('Workers are not allowed here');
      },
    });
    const text = JSON.stringify(sampleDatabase());
    await expect(parse(text)).resolves.toEqual(parseStoredText(text, parsePlannerDocument));
  });

  test('a worker that fails rejects the load rather than reading a large text here', async () => {
    const parse = offThreadParser('planner', parsePlannerDocument, {
      threshold: 0,
      startWorker: (events) => ({
        post: () => events.failure('out of memory'),
        terminate: () => undefined,
      }),
    });
    await expect(parse(JSON.stringify(sampleDatabase()))).rejects.toThrow(
      /^Reading the saved plans in the background stopped \(checking the file stopped unexpectedly \(out of memory\).*Nothing was changed/,
    );
  });

  test('in French the refusal is cut of its "(fichier) :" path too', async () => {
    setLanguage('fr');
    try {
      const parse = offThreadParser('planner', parsePlannerDocument, {
        threshold: 0,
        startWorker: (events) => ({
          post: () => events.failure('out of memory'),
          terminate: () => undefined,
        }),
      });
      const failure = await parse(JSON.stringify(sampleDatabase())).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      const message = (failure as Error).message;
      expect(message).toContain('out of memory');
      expect(message).not.toContain('(fichier)');
    } finally {
      setLanguage('en');
    }
  });

  test('a store whose read rejects loads nothing and writes nothing', async () => {
    const storage = new MemoryStorage();
    const stored = JSON.stringify(sampleDatabase());
    storage.documents.set('planner', stored);
    const store = createPlannerStore(storage, () => Promise.reject(new Error('stopped')));
    await expect(store.load()).rejects.toThrow('stopped');
    expect(storage.documents.get('planner')).toBe(stored);
    expect(storage.writeLog).toEqual([]);
  });

  test('a planner store opened through it loads what was stored', async () => {
    const storage = new MemoryStorage();
    storage.documents.set('planner', JSON.stringify(sampleDatabase()));
    const parse = offThreadParser('planner', parsePlannerDocument, {
      threshold: 0,
      startWorker: inProcessWorker(PART).start,
    });
    const store = createPlannerStore(storage, parse);
    await expect(store.load()).resolves.toEqual({
      data: sampleDatabase(),
      report: { status: 'ok', migratedFromDocument: 'planner' },
    });
  });

  test('a store keeps a copy of a stored text its parser finds is not JSON', async () => {
    const storage = new MemoryStorage();
    storage.documents.set('planner', '{}');
    const store = createPlannerStore(storage, () => Promise.resolve({ notJson: 'Unexpected end' }));
    const { report } = await store.load();
    expect(report).toMatchObject({ status: 'repaired', keptCopyAs: 'planner-invalid' });
    expect(report.status === 'repaired' && wordProblems(report.issues, 'document')).toEqual([
      '(document): not valid JSON (Unexpected end)',
    ]);
    expect(storage.documents.get('planner-invalid')).toBe('{}');
  });
});

function isPart(message: unknown): boolean {
  return (
    typeof message === 'object' && message !== null && 'type' in message && message.type === 'part'
  );
}
