import { readFileSync } from 'node:fs';
import type { OwnCollectionContext } from '../../../renderer/src/core/ownDocuments/buildCollection';
import { RELEASE_PATH } from '../../../renderer/src/core/content/releaseText';
import { parseVocabulary, type Vocabulary } from '../../../renderer/src/core/content/vocabulary';
import { BUNDLED_ID } from './sample';

export { BUNDLED_ID, TOPICS, T0, T1, T2, content } from './sample';

/** The bundled library's vocabulary: own documents use its topics. */
export const VOCABULARY: Vocabulary = (() => {
  const text = readFileSync(new URL('../../../content/vocabulary.yml', import.meta.url), 'utf8');
  const { vocabulary } = parseVocabulary(text, 'content/vocabulary.yml');
  if (!vocabulary) throw new Error('content/vocabulary.yml is invalid');
  return vocabulary;
})();

/** AMO's release as the app ships it (quotations of AMO in own documents are checked against it). */
export const RELEASE_TEXT = readFileSync(
  new URL(`../../../content/${RELEASE_PATH}`, import.meta.url),
  'utf8',
);

export const CONTEXT: OwnCollectionContext = {
  vocabulary: VOCABULARY,
  bundledIds: new Set([BUNDLED_ID]),
  releaseText: RELEASE_TEXT,
};
