import { describe, expect, it } from 'vitest';

import type { PathProblem } from '../../../renderer/src/core/packs/archivePath';
import {
  PACK_REFUSAL_CODES,
  formatPackProblem,
  packProblem,
} from '../../../renderer/src/core/packs/problems';
import { en } from '../../../renderer/src/locales/en';
import { wordMessage } from '../../../renderer/src/ui/common/i18n/wordMessage';

const PATH_PROBLEMS: readonly PathProblem[] = [
  'empty',
  'tooLong',
  'backslash',
  'absolute',
  'driveLetter',
  'control',
  'dotSegment',
  'emptySegment',
  'outsideDocs',
];

describe('pack refusals in the catalogue', () => {
  it('words every refusal code and every name problem', () => {
    const refusal = en.packs.refusal as Record<string, unknown>;
    for (const code of PACK_REFUSAL_CODES)
      if (code !== 'path') expect(typeof refusal[code], code).toBe('string');
    for (const problem of PATH_PROBLEMS)
      expect(typeof (en.packs.refusal.path as Record<string, unknown>)[problem], problem).toBe(
        'string',
      );
  });

  it('says what is wrong and where', () => {
    const problem = packProblem({ code: 'hashMismatch', path: 'docs/glossary/x.md' });
    expect(formatPackProblem(problem, wordMessage)).toBe(
      'docs/glossary/x.md: the file does not match its SHA-256 in pack.json; it was changed or damaged.',
    );
    const name = packProblem({ code: 'path', path: '../x', problem: 'dotSegment' });
    expect(formatPackProblem(name, wordMessage)).toBe(
      '../x: names may not contain “.” or “..” parts.',
    );
  });

  it('formats a document issue as the content check does', () => {
    const issue = {
      file: 'docs/case-studies/x.md',
      line: 12,
      field: 'topics',
      message: 'needs one',
    };
    expect(formatPackProblem({ kind: 'document', issue }, wordMessage)).toBe(
      'docs/case-studies/x.md:12: topics: needs one',
    );
  });
});
