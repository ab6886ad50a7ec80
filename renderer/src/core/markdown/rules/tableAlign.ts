import type { StateCore } from 'markdown-it';

/**
 * markdown-it aligns table cells with inline `style` attributes, which the page's CSP blocks
 * and the sanitiser drops; a class carries the alignment instead.
 */
export function tableAlign(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const style = token.attrGet('style');
    if (style === null) continue;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    const match = /^text-align:(left|right|center)$/.exec(String(style));
    if (match) token.attrSet('class', `align-${match[1]}`);
  }
}
