import type { StateCore, Token } from 'markdown-it';
import { classifyHref, documentRoute } from '../linkPolicy';
import { type RenderEnv, renderEnvOf } from '../env';

/**
 * Rewrites every link by the link policy: document links become in-app routes, external links
 * are marked so the reader asks before opening them through the host, and anything refused
 * loses its link and stays as text. markdown-it's `validateLink` already refuses most; this rule
 * is the second line, applied to tokens any earlier rule may have produced.
 */
export function links(state: StateCore): void {
  const env = renderEnvOf(state);
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    block.children = rewrite(block.children, env);
  }
}

function rewrite(children: Token[], env: RenderEnv): Token[] {
  const out: Token[] = [];
  const refusedDepth: boolean[] = [];
  for (const token of children) {
    if (token.type === 'link_open') {
      const target = classifyHref(String(token.attrGet('href') ?? ''));
      refusedDepth.push(target.kind === 'refused');
      if (target.kind === 'refused') continue;
      token.attrs = null;
      if (target.kind === 'external') {
        token.attrSet('href', target.url);
        token.attrSet('data-external', 'true');
        token.attrSet('rel', 'noopener noreferrer');
      } else if (target.kind === 'document') {
        token.attrSet('href', documentRoute(target.id, target.section));
        token.attrSet('data-doc', target.id);
      } else {
        token.attrSet('href', documentRoute(env.docId, target.section));
      }
      out.push(token);
    } else if (token.type === 'link_close') {
      if (refusedDepth.pop() === true) continue;
      out.push(token);
    } else {
      out.push(token);
    }
  }
  return out;
}
