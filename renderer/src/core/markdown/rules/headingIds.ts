import type { StateCore } from 'markdown-it';
import { headingDomId, slugify } from '../slug';
import { renderEnvOf } from '../env';

/** Gives every heading a prefixed, unique id and records it for the table of contents. */
export function headingIds(state: StateCore): void {
  const env = renderEnvOf(state);
  const seen = new Map<string, number>();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    const inline = tokens[i + 1];
    if (open?.type !== 'heading_open' || inline?.type !== 'inline') continue;
    const text = inline.children?.map((t) => t.content).join('') ?? inline.content;
    const base = slugify(text) || 'section';
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    const slug = count === 0 ? base : `${base}-${count + 1}`;
    const domId = headingDomId(slug);
    open.attrSet('id', domId);
    env.headings.push({ level: Number(open.tag.slice(1)), text, slug, domId });
  }
}
