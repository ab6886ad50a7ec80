import type { StateCore, Token } from 'markdown-it';
import { documentRoute } from '../linkPolicy';
import { renderEnvOf } from '../env';

/**
 * Marks the first mention of each glossary term as a link to its entry. The reader shows the
 * definition on hover and keyboard focus; following the link opens the full entry. Text inside
 * headings, links and code is left alone, and a glossary entry does not mark its own term.
 */
export function glossaryTerms(state: StateCore): void {
  const env = renderEnvOf(state);
  const matcher = env.glossary;
  if (matcher === null) return;
  const marked = new Set<string>([env.docId]);
  const Token = state.Token;
  let inHeading = false;
  for (const block of state.tokens) {
    if (block.type === 'heading_open') inHeading = true;
    if (block.type === 'heading_close') inHeading = false;
    if (block.type !== 'inline' || inHeading || !block.children) continue;
    const out: Token[] = [];
    let linkDepth = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') linkDepth++;
      if (token.type === 'link_close') linkDepth--;
      if (token.type !== 'text' || linkDepth > 0) {
        out.push(token);
        continue;
      }
      let cursor = 0;
      for (const match of matcher.find(token.content)) {
        if (marked.has(match.id)) continue;
        marked.add(match.id);
        out.push(text(Token, token.content.slice(cursor, match.start)));
        const open = new Token('glossary_open', 'a', 1);
        open.attrSet('href', documentRoute(match.id));
        open.attrSet('class', 'glossary-term');
        open.attrSet('data-term', match.id);
        out.push(open, text(Token, token.content.slice(match.start, match.end)));
        out.push(new Token('glossary_close', 'a', -1));
        cursor = match.end;
      }
      out.push(cursor === 0 ? token : text(Token, token.content.slice(cursor)));
    }
    block.children = out;
  }
}

function text(TokenClass: StateCore['Token'], content: string): Token {
  const token = new TokenClass('text', '', 0);
  token.content = content;
  return token;
}
