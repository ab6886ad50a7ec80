/** One content problem, located precisely enough to fix without searching. */
export interface ContentIssue {
  /** The file as shown to the author, e.g. `content/guide/guide-1-assess-readiness.md`. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  /** The front-matter field (`municipality.population`), or `body`, `front matter`, `count`. */
  field: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/** Formats an issue as `file:line: field: message`, the form editors and terminals link. */
export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}:${issue.line}: ${issue.field}: ${issue.message}`;
}

/** Orders issues by file, then line, then field, so reports are stable. */
export function compareIssues(a: ContentIssue, b: ContentIssue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  return a.field < b.field ? -1 : a.field > b.field ? 1 : 0;
}

/** Joins a path such as `['sources', 0, 'url']` into `sources[0].url`. */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  let name = '';
  for (const part of path) {
    if (typeof part === 'number') name += `[${part}]`;
    else name += name === '' ? String(part) : `.${String(part)}`;
  }
  return name === '' ? 'front matter' : name;
}

/** The closest candidate by edit distance, when it is close enough to be a likely typo. */
export function closestMatch(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A prefix is a likely slip too ("northern" for "north").
  return (
    best ?? candidates.find((c) => c.length >= 3 && (value.startsWith(c) || c.startsWith(value)))
  );
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
