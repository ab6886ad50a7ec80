/**
 * The worst files at full size, each imported in a Node process whose heap is capped at
 * 256 MB (the issue saw 2.4 to 4.3 GB): memory must stay proportional to the file, whatever its
 * shape. Proven by the process surviving, never by timing it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hostileAnnotationFiles,
  hostilePlannerFiles,
  type HostileFile,
} from '../../fixtures/hostileFiles';
import { CASE_STUDY_TEXT, DOC_A } from '../annotations/fixtures';

const ROOT = join(import.meta.dirname, '../../..');
const CHILD = join(import.meta.dirname, 'importInChild.ts');
const HEAP_MB = 256;
/** The shapes that once ran out of memory, or came close. */
const WORST = [
  'planner-cyclic-chain',
  'planner-zeros',
  'planner-many-invalid-fields',
  'planner-dense-valid',
  'annotations-many-invalid-fields',
  'annotations-near-miss-quotes',
];

interface ChildOutcome {
  exitCode: number | null;
  outcome: { ok: boolean; lines: string[] } | null;
  stderr: string;
}

function importInChild(kind: HostileFile['kind'], file: string): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', CHILD, kind, file, DOC_A],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      const outcome = line ? (JSON.parse(line) as ChildOutcome['outcome']) : null;
      resolve({ exitCode, outcome, stderr: stderr.slice(-2_000) });
    });
  });
}

describe(`the worst files at full size, imported within a ${HEAP_MB} MB heap`, () => {
  const files = new Map<string, { file: HostileFile; path: string }>();
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onmuni-hostile-'));
    // A document long enough for 6,000-character near-miss quotes.
    const documentText = CASE_STUDY_TEXT.repeat(40);
    const all = [
      ...hostilePlannerFiles('full'),
      ...hostileAnnotationFiles('full', documentText, DOC_A),
    ];
    for (const file of all.filter((f) => WORST.includes(f.name))) {
      const path = join(dir, `${file.name}.json`);
      await writeFile(path, file.text, 'utf8');
      files.set(file.name, { file, path });
    }
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each(WORST)(
    '%s',
    async (name) => {
      const entry = files.get(name);
      if (!entry) throw new Error(`no hostile file named ${name}`);
      const { exitCode, outcome, stderr } = await importInChild(entry.file.kind, entry.path);
      expect(exitCode, stderr).toBe(0);
      expect(outcome?.ok).toBe(entry.file.expect === 'accepted');
      // A refusal says what is wrong in a bounded list of readable lines.
      expect(outcome?.lines.length).toBeLessThanOrEqual(27);
      for (const line of outcome?.lines ?? []) expect(line.length).toBeLessThanOrEqual(500);
    },
    120_000,
  );
});
