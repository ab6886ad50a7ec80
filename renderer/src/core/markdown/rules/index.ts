import type { StateCore } from 'markdown-it';
import { fenceInfo } from './fenceInfo';
import { glossaryTerms } from './glossaryTerms';
import { headingIds } from './headingIds';
import { images } from './images';
import { links } from './links';
import { tableAlign } from './tableAlign';

/**
 * The reader's markdown-it core rules, in the order they run (after markdown-it's own).
 * Each rule is one file; sanitising is not a rule: it runs once, last, on the final HTML.
 */
export const contentRules: ReadonlyArray<
  readonly [name: string, rule: (state: StateCore) => void]
> = [
  ['onmuni_fence_info', fenceInfo],
  ['onmuni_images', images],
  ['onmuni_table_align', tableAlign],
  ['onmuni_heading_ids', headingIds],
  ['onmuni_links', links],
  ['onmuni_glossary_terms', glossaryTerms],
];
