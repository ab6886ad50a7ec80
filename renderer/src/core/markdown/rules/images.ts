import type { StateCore } from 'markdown-it';

/**
 * Replaces images with their alternative text. The toolkit ships no pictures in content, and an
 * image URL is a network request (a tracking pixel in an imported file), which offline-first
 * software must never make.
 */
export function images(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    for (const token of block.children) {
      if (token.type !== 'image') continue;
      const alt = token.children?.map((t) => t.content).join('') ?? token.content;
      token.type = 'text';
      token.tag = '';
      token.attrs = null;
      token.children = null;
      token.content = alt === '' ? '' : `[image: ${alt}]`;
    }
  }
}
