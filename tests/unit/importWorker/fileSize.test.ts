import { describe, expect, test } from 'vitest';
import { MIB } from '../../../electron/shared/byteSize';
import {
  fileTooLargeProblem,
  parseUntrustedJson,
} from '../../../renderer/src/core/safeJson/parseUntrustedJson';
import { fileSizeProblem } from '../../../renderer/src/ui/common/importWorker/fileSize';

const MB = MIB;

describe('the size check before a file is read', () => {
  test.each([MB, 1.5 * MB])(
    'says what the bounded reader says of a file over %d bytes',
    (maxBytes) => {
      const refused = parseUntrustedJson(' '.repeat(maxBytes + 1), { maxBytes });
      expect(refused.ok).toBe(false);
      expect(fileTooLargeProblem(maxBytes)).toBe(!refused.ok && refused.errors[0]);
    },
  );

  test('refuses only what is over the limit', () => {
    expect(fileSizeProblem({ size: 20 * MB }, 20 * MB)).toBeNull();
    expect(fileSizeProblem({ size: 20 * MB + 1 }, 20 * MB)).toBe(
      '(file): the file is larger than 20 MB, the most that can be imported',
    );
  });
});
