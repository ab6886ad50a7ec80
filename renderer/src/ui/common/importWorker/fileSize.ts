import type { ProblemLine } from '../../../core/common/problemLine';
import { fileTooLargeProblem } from '../../../core/safeJson/parseUntrustedJson';

/**
 * Checked before a byte is read: a file far over the limit would otherwise be read whole (and held
 * in memory) only to be refused. Returns the problem line, the bounded reader's own, or null when
 * the size is acceptable.
 */
export function fileSizeProblem(
  file: { readonly size: number },
  maxBytes: number,
): ProblemLine | null {
  return file.size > maxBytes ? fileTooLargeProblem(maxBytes) : null;
}
