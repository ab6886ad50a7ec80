import { describe, expect, test } from 'vitest';
import { MIB } from '../../../electron/shared/byteSize';
import {
  fileTooLargeProblem,
  parseUntrustedJson,
} from '../../../renderer/src/core/safeJson/parseUntrustedJson';
import { fileSizeProblem } from '../../../renderer/src/ui/common/importWorker/fileSize';
import { wordProblem } from '../../../renderer/src/ui/common/i18n/wordMessage';

const MB = MIB;

describe('the size check before a file is read', () => {
  test.each([MB, 1.5 * MB])(
    'says what the bounded reader says of a file over %d bytes',
    (maxBytes) => {
      const refused = parseUntrustedJson(' '.repeat(maxBytes + 1), { maxBytes });
      expect(refused.ok).toBe(false);
      expect(fileTooLargeProblem(maxBytes)).toEqual(!refused.ok && refused.errors[0]);
    },
  );

  test('refuses only what is over the limit', () => {
    expect(fileSizeProblem({ size: 20 * MB }, 20 * MB)).toBeNull();
    const tooLarge = fileSizeProblem({ size: 20 * MB + 1 }, 20 * MB);
    expect(tooLarge && wordProblem(tooLarge)).toBe(
      '(file): the file is larger than 20 MB, the most that can be imported',
    );
  });
});
