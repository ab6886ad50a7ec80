import { readCorpusFiles } from '../../../build/content/readCorpus';
import { buildCorpus, type CorpusResult } from '../../../renderer/src/core/content/corpus';
import type { FrontMatterOf } from '../../../renderer/src/core/content/frontMatter';
import type { DocId } from '../../../renderer/src/core/content/ids';
import type { ContentDocument } from '../../../renderer/src/core/content/model';
import { CONTENT_DIR, realVocabulary } from '../planner/helpers';

export const docId = (s: string) => s as DocId;

/** Parsing the whole real corpus takes seconds when the suite runs in parallel on two cores. */
export const CORPUS_TIMEOUT = 30_000;

let corpus: Promise<CorpusResult> | undefined;
/** The real content corpus, parsed by the same pure pipeline the build uses. */
export function realCorpus(): Promise<CorpusResult> {
  corpus ??= readCorpusFiles(CONTENT_DIR).then((files) => buildCorpus(files, realVocabulary()));
  return corpus;
}

/** The bundled workshops of the real corpus. */
export async function bundledWorkshops(): Promise<
  Array<FrontMatterOf<'workshop'> & ContentDocument>
> {
  const { documents } = await realCorpus();
  return documents.filter(
    (d): d is FrontMatterOf<'workshop'> & ContentDocument => d.type === 'workshop',
  );
}

/** Collapses all whitespace, to compare text that slides re-flow. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
