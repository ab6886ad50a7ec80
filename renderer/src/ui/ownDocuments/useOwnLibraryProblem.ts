import { useEffect, useState } from 'react';
import { loadLibraryProblems, onLibraryChange } from '../content/contentData';

/**
 * Why the user's own documents are missing from the library and search in its current load (their
 * collection could not be built), worded for "Your documents"; null when they are in it, or while
 * that is not known yet. Follows every reload of the library, so it clears once a build works.
 */
export function useOwnLibraryProblem(): string | null {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let latest = 0;
    const load = () => {
      // Only the latest load is shown: an earlier one may settle after it.
      const run = ++latest;
      loadLibraryProblems().then(
        (problems) => {
          if (!live || run !== latest) return;
          setProblem(problems.find((found) => found.kind === 'own')?.message ?? null);
        },
        // Loading the collections does not reject (each source says what it left out).
        () => undefined,
      );
    };
    load();
    const stop = onLibraryChange(load);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return problem;
}
