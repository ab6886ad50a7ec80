/**
 * The import worker's protocol, end to end in one process: the page's client and the worker's
 * message loop over a real MessageChannel, with the real core importers, fed the crafted files of
 * tests/fixtures/hostileFiles.ts.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { contentVersion } from '../../../renderer/src/core/annotations/contentVersion';
import { MAX_IMPORT_BYTES } from '../../../renderer/src/core/annotations/exchange/formats';
import { emptyAnnotationsDatabase } from '../../../renderer/src/core/annotations/schema';
import { exportBackup } from '../../../renderer/src/core/planner/export/backup';
import { applyImport } from '../../../renderer/src/core/planner/import/mergeImport';
import {
  MAX_BACKUP_BYTES,
  parseBackup,
} from '../../../renderer/src/core/planner/import/parseBackup';
import type { PlannerDatabase } from '../../../renderer/src/core/planner/schema';
import { MAX_LISTED_PROBLEMS } from '../../../renderer/src/core/safeJson/budgets';
import { fileTooLargeProblem } from '../../../renderer/src/core/safeJson/parseUntrustedJson';
import { wordProblem } from '../../../renderer/src/ui/common/i18n/wordMessage';
import {
  ImportWorkerClient,
  type ImportOutcome,
} from '../../../renderer/src/ui/common/importWorker/importClient';
import type {
  ImportReply,
  ImportRequest,
} from '../../../renderer/src/ui/common/importWorker/importProtocol';
import { weightOf, type ListPart } from '../../../renderer/src/ui/common/importWorker/listParts';
import { hostileAnnotationFiles, hostilePlannerFiles } from '../../fixtures/hostileFiles';
import { CASE_STUDY_TEXT, DOC_A } from '../annotations/fixtures';
import { planId, sampleDatabase } from '../planner/helpers';
import { deletePlan, setPlanShared } from '../../../renderer/src/core/planner/operations/plans';
import type { MemberId } from '../../../renderer/src/core/team/hlc';
import { inProcessWorker } from './inProcessWorker';

/** A small part weight, so a few hundred tasks cross in many parts. */
const PART = 2_000;

const clients: ImportWorkerClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.terminate();
});

function clientOf(start = inProcessWorker().start, partWeight?: number): ImportWorkerClient {
  const client = new ImportWorkerClient(start, { partWeight });
  clients.push(client);
  return client;
}

function fileOf(text: string): Blob {
  return new Blob([text], { type: 'application/json' });
}

/** Narrows an outcome to one reply type, failing the test with what came instead. */
function expectReply<T extends ImportOutcome['type']>(
  outcome: ImportOutcome,
  type: T,
): Extract<ImportOutcome, { type: T }> {
  expect(outcome.type, JSON.stringify(outcome).slice(0, 400)).toBe(type);
  return outcome as Extract<ImportOutcome, { type: T }>;
}

describe('planner backups in the import worker', () => {
  test.each(hostilePlannerFiles('small').map((file) => [file.name, file] as const))(
    '%s is answered as the generator expects',
    async (_name, file) => {
      const client = clientOf();
      const outcome = await client.request({
        type: 'check-planner',
        file: fileOf(file.text),
        data: sampleDatabase(),
      });
      if (file.expect === 'accepted') {
        const { preview } = expectReply(outcome, 'planner-preview');
        expect(preview.tasks.added).toBe(parseTaskCount(file.text));
      } else {
        const refusal = expectReply(outcome, 'refused');
        expect(refusal.message).toMatch(/nothing was changed/);
        // The one cap, plus the "and N more problems" line.
        expect(refusal.problems.length).toBeGreaterThan(0);
        expect(refusal.problems.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS + 1);
      }
    },
  );

  test('large lists cross in parts both ways, and Replace hands over exactly the backup', async () => {
    const dense = hostilePlannerFiles('small').find((file) => file.expect === 'accepted');
    if (!dense) throw new Error('the generator has no accepted planner file');
    const parsed = parseBackup(dense.text);
    if (!parsed.ok) throw new Error('the accepted file does not parse');
    const tasks = parsed.database.tasks.length;
    const worker = inProcessWorker(PART);
    const client = clientOf(worker.start, PART);
    // The current planner is the backup itself, so it goes to the worker in parts too.
    const { preview } = expectReply(
      await client.request({
        type: 'check-planner',
        file: fileOf(dense.text),
        data: parsed.database,
      }),
      'planner-preview',
    );
    expect(preview.tasks).toEqual({ added: 0, replaced: 0, unchanged: tasks, onlyInCurrent: 0 });
    const applied = expectReply(
      await client.request({ type: 'apply-planner', mode: 'replace', data: null }),
      'planner-applied',
    );
    expect(applied.data).toEqual(parsed.database);
    expect(applied.keptSharedPlans).toBe(0);
    const core = applyImport(sampleDatabase(), parsed.database, 'replace');
    expect(core.ok && core.db).toEqual(applied.data);
    const sentParts = worker.sent.filter(isPart);
    const receivedParts = worker.received.filter(isPart);
    expect(sentParts.length).toBeGreaterThan(5);
    expect(receivedParts.length).toBe(sentParts.length);
    const heaviestTask = Math.max(...parsed.database.tasks.map(weightOf));
    for (const part of [...sentParts, ...receivedParts]) {
      expect(part.list).toBe('tasks');
      expect(part.items.map(weightOf).reduce((a, b) => a + b)).toBeLessThan(PART + heaviestTask);
    }
  });

  test('Merge keeps the current plans beside the backup, and uses the planner as it is now', async () => {
    const current = sampleDatabase();
    const incoming = sampleDatabase();
    incoming.plans = incoming.plans.map((plan) => ({
      ...plan,
      id: `${plan.id}-b` as typeof plan.id,
    }));
    incoming.tasks = incoming.tasks.map((task) => ({
      ...task,
      id: `${task.id}-b` as typeof task.id,
      planId: `${task.planId}-b` as typeof task.planId,
      dependencies: task.dependencies.map((d) => `${d}-b` as typeof d),
    }));
    incoming.assessments = [];
    const client = clientOf();
    const { preview } = expectReply(
      await client.request({
        type: 'check-planner',
        file: fileOf(exportBackup(incoming, new Date('2026-01-01T00:00:00Z'))),
        data: current,
      }),
      'planner-preview',
    );
    expect(preview.plans).toEqual({
      added: incoming.plans.length,
      replaced: 0,
      unchanged: 0,
      onlyInCurrent: current.plans.length,
    });
    expect(preview.planNames).toEqual(incoming.plans.map((plan) => plan.title));
    // The planner changed after the check (one plan removed): the merge is made from that.
    const changed: PlannerDatabase = {
      ...current,
      plans: current.plans.slice(1),
      tasks: current.tasks.filter((task) => task.planId !== current.plans[0]?.id),
    };
    const merged = expectReply(
      await client.request({ type: 'apply-planner', mode: 'merge', data: changed }),
      'planner-applied',
    );
    expect(merged.data.plans.map((plan) => plan.id)).toEqual([
      ...changed.plans.map((plan) => plan.id),
      ...incoming.plans.map((plan) => plan.id),
    ]);
  });

  test('Replace keeps the plans shared with the team, and says how many', async () => {
    const current = setPlanShared(
      sampleDatabase(),
      planId('p1'),
      true,
      'abcdefghijklmnop' as MemberId,
    );
    const backup = deletePlan(sampleDatabase(), planId('p1')).db;
    const client = clientOf();
    expectReply(
      await client.request({
        type: 'check-planner',
        file: fileOf(exportBackup(backup, new Date('2026-01-01T00:00:00Z'))),
        data: current,
      }),
      'planner-preview',
    );
    const replaced = expectReply(
      await client.request({ type: 'apply-planner', mode: 'replace', data: null }),
      'planner-applied',
    );
    expect(replaced.keptSharedPlans).toBe(1);
    expect(replaced.data.plans).toEqual(current.plans);
    expect(replaced.data.tasks).toEqual(current.tasks);
  });

  test('a file over the limit is refused by the worker too, before it is read', async () => {
    const client = clientOf();
    const outcome = await client.request({
      type: 'check-planner',
      file: new Blob([new Uint8Array(MAX_BACKUP_BYTES + 1)]),
      data: sampleDatabase(),
    });
    expect(expectReply(outcome, 'refused').problems).toEqual([
      wordProblem(fileTooLargeProblem(MAX_BACKUP_BYTES)),
    ]);
  });

  test('Merge or Replace with no checked file is refused, not guessed', async () => {
    const client = clientOf();
    const outcome = await client.request({ type: 'apply-planner', mode: 'replace', data: null });
    expect(expectReply(outcome, 'refused').problems[0]).toMatch(/choose the file again/);
  });

  test('an exception in the worker becomes a refusal, and the worker keeps answering', async () => {
    const client = clientOf();
    const broken = await client.request({
      type: 'check-planner',
      file: fileOf(exportBackup(sampleDatabase(), new Date('2026-01-01T00:00:00Z'))),
      // Not a planner: comparing with it throws inside the core.
      data: null as unknown as PlannerDatabase,
    });
    expect(expectReply(broken, 'refused').problems[0]).toMatch(/could not be checked \(TypeError/);
    const again = await client.request({
      type: 'check-planner',
      file: fileOf(exportBackup(sampleDatabase(), new Date('2026-01-01T00:00:00Z'))),
      data: sampleDatabase(),
    });
    expect(expectReply(again, 'planner-preview').preview.plans.unchanged).toBeGreaterThan(0);
  });
});

describe('annotations files in the import worker', () => {
  const docId = DOC_A;

  test.each(
    hostileAnnotationFiles('small', CASE_STUDY_TEXT, docId).map(
      (file) => [file.name, file] as const,
    ),
  )('%s is answered as the generator expects', async (_name, file) => {
    const client = clientOf();
    const local = emptyAnnotationsDatabase();
    let outcome = await client.request({
      type: 'check-annotations',
      file: fileOf(file.text),
      data: local,
      knownDocIds: [docId],
      now: Date.parse('2026-06-01T00:00:00Z'),
    });
    if (file.expect === 'refused') {
      const refusal = expectReply(outcome, 'refused');
      expect(refusal.problems.length).toBeGreaterThan(0);
      expect(refusal.problems.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS + 1);
      return;
    }
    // Anchoring needs the document's text, which only the page can render.
    expect(expectReply(outcome, 'need-document-texts').docIds).toEqual([docId]);
    outcome = await client.request({ type: 'document-texts', texts: [[docId, CASE_STUDY_TEXT]] });
    const { preview } = expectReply(outcome, 'annotations-preview');
    const count = (JSON.parse(file.text) as { first: { items: unknown[] } }).first.items.length;
    expect(preview.counts.added).toBe(count);
    expect(preview.changesAnything).toBe(true);
    expect(preview.shown.added.length).toBe(Math.min(count, 25));
    for (const line of preview.shown.added) expect(line.quote.length).toBeLessThanOrEqual(121);

    const merged = expectReply(
      await client.request({ type: 'apply-annotations', data: null }),
      'annotations-merged',
    );
    expect(merged.data.annotations).toHaveLength(count);
  });

  test('an annotation whose text is unchanged anchors; one on a missing text is orphaned', async () => {
    const [nearMiss] = hostileAnnotationFiles('small', CASE_STUDY_TEXT, docId);
    if (!nearMiss) throw new Error('no near-miss file');
    const client = clientOf();
    const check: ImportRequest = {
      type: 'check-annotations',
      file: fileOf(nearMiss.text),
      data: emptyAnnotationsDatabase(),
      knownDocIds: [docId],
      now: Date.parse('2026-06-01T00:00:00Z'),
    };
    expectReply(await client.request(check), 'need-document-texts');
    // Same text as when the annotations were made (same content version): all anchor.
    expect(contentVersion(CASE_STUDY_TEXT)).toBeTruthy();
    const same = expectReply(
      await client.request({ type: 'document-texts', texts: [[docId, CASE_STUDY_TEXT]] }),
      'annotations-preview',
    );
    expect(same.preview.counts.orphaned).toBe(0);
    expectReply(await client.request(check), 'need-document-texts');
    const missing = expectReply(
      await client.request({ type: 'document-texts', texts: [[docId, null]] }),
      'annotations-preview',
    );
    expect(missing.preview.counts.orphaned).toBe(missing.preview.counts.added);
  });

  test('a file over the limit is refused with the size line', async () => {
    const client = clientOf();
    const outcome = await client.request({
      type: 'check-annotations',
      file: new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1)]),
      data: emptyAnnotationsDatabase(),
      knownDocIds: [],
      now: Date.now(),
    });
    expect(expectReply(outcome, 'refused').problems).toEqual([
      '(file): the file is larger than 20 MB, the most that can be imported',
    ]);
  });
});

describe('the client turns every worker failure into a refusal', () => {
  const check = () =>
    ({ type: 'check-planner', file: fileOf('{}'), data: sampleDatabase() }) as const;

  test('a worker that cannot start', async () => {
    const client = clientOf(() => {
      throw new Error('workers are not allowed here');
    });
    const refusal = expectReply(await client.request(check()), 'refused');
    expect(refusal.problems[0]).toMatch(/stopped unexpectedly \(workers are not allowed here\)/);
  });

  test('a worker that fails while checking, and every request after it', async () => {
    let fail: ((detail: string | null) => void) | undefined;
    let terminated = 0;
    const client = clientOf((events) => {
      fail = (detail) => events.failure(detail);
      return { post: () => undefined, terminate: () => terminated++ };
    });
    const pending = client.request(check());
    await Promise.resolve();
    fail?.('out of memory');
    const refusal = expectReply(await pending, 'refused');
    expect(refusal.problems[0]).toMatch(/stopped unexpectedly \(out of memory\)/);
    expect(terminated).toBe(1);
    expect(expectReply(await client.request(check()), 'refused')).toEqual(refusal);
  });

  test('a request that cannot be copied to the worker', async () => {
    const client = clientOf(inProcessWorker().start);
    const outcome = await client.request({
      ...check(),
      // Functions cannot be structured-cloned: postMessage throws a DataCloneError.
      data: {
        ...sampleDatabase(),
        profile: (() => undefined) as unknown as PlannerDatabase['profile'],
      },
    });
    expect(expectReply(outcome, 'refused').problems[0]).toMatch(/stopped unexpectedly \(/);
  });

  test('a worker that goes silent is stopped after the silence limit', async () => {
    let terminated = 0;
    const client = new ImportWorkerClient(
      () => ({ post: () => undefined, terminate: () => terminated++ }),
      { silenceLimitMs: 5 },
    );
    clients.push(client);
    const refusal = expectReply(await client.request(check()), 'refused');
    expect(refusal.problems[0]).toMatch(/took longer than 0 seconds, so it was stopped/);
    expect(terminated).toBe(1);
  });

  test('terminating answers the pending request with "cancelled" and ignores a late reply', async () => {
    let reply: ((data: unknown) => void) | undefined;
    const client = clientOf((events) => {
      reply = (data) => events.message(data);
      return { post: () => undefined, terminate: () => undefined };
    });
    const pending = client.request(check());
    client.terminate();
    expect(await pending).toEqual({ type: 'cancelled' });
    const late: ImportReply = { type: 'refused', message: null, problems: ['late'] };
    reply?.(late);
    expect(await client.request(check())).toEqual({ type: 'cancelled' });
  });

  test('a new worker per file: the old one is closed', () => {
    const worker = inProcessWorker();
    const first = clientOf(worker.start);
    const second = clientOf(worker.start);
    expect(worker.open()).toBe(2);
    first.terminate();
    expect(worker.open()).toBe(1);
    second.terminate();
    expect(worker.open()).toBe(0);
  });
});

function parseTaskCount(text: string): number {
  return (JSON.parse(text) as { planner: { tasks: unknown[] } }).planner.tasks.length;
}

function isPart(message: unknown): message is ListPart {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'part'
  );
}
