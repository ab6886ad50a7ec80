import type { FrontMatterOf } from '../../../renderer/src/core/content/frontMatter';
import type { DocId } from '../../../renderer/src/core/content/ids';
import type { ContentDocument } from '../../../renderer/src/core/content/model';
import { realCorpus } from '../planner/helpers';

export const docId = (s: string) => s as DocId;

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
