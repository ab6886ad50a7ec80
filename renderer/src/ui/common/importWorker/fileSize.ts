/** One mebibyte, the unit of the size messages. */
const MB = 1024 * 1024;

/**
 * The problem line for a file over an importer's limit, worded as the bounded JSON reader
 * (`parseUntrustedJson`) words it, so a file refused by its size before being read reads the same
 * as one refused after. Kept in step with it by a unit test; the reader does not export its line.
 */
export function fileTooLargeProblem(maxBytes: number): string {
  return `(file): the file is larger than ${Math.round((maxBytes / MB) * 10) / 10} MB, the most that can be imported`;
}

/**
 * Checked before a byte is read: a file far over the limit would otherwise be read whole (and held
 * in memory) only to be refused. Returns the problem line, or null when the size is acceptable.
 */
export function fileSizeProblem(file: { readonly size: number }, maxBytes: number): string | null {
  return file.size > maxBytes ? fileTooLargeProblem(maxBytes) : null;
}
