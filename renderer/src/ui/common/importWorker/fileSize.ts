import { fileTooLargeProblem } from '../../../core/safeJson/parseUntrustedJson';

/**
 * Checked before a byte is read: a file far over the limit would otherwise be read whole (and held
 * in memory) only to be refused. Returns the problem line, worded as the bounded reader words it,
 * or null when the size is acceptable.
 */
export function fileSizeProblem(file: { readonly size: number }, maxBytes: number): string | null {
  return file.size > maxBytes ? fileTooLargeProblem(maxBytes) : null;
}
