import type { StateInline } from 'markdown-it';

/**
 * The one attribute block content may put after a bracketed span (pandoc's syntax), written
 * exactly so: `[text]{lang=en}` marks English wording quoted in a French document (the AMO
 * release, a municipality's words), so assistive technology reads it with an English voice
 * (WCAG 3.1.2). Nothing else is an attribute: `{lang=fr}`, `{.class}`, `{onclick=…}` and the like
 * stay as text, so no attribute beyond `lang="en"` can ever come from content.
 */
export const ENGLISH_SPAN_END = ']{lang=en}';

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BACKSLASH = 0x5c;

/**
 * markdown-it inline rule (before `link`): `[text]{lang=en}` becomes `<span lang="en">text</span>`,
 * its text parsed as inline Markdown (emphasis, code) like a link's. A span holds no brackets, so
 * the scan from a `[` stops at the next `[` or `]`: every character is looked at by one scan at
 * most, and thousands of `[` or `]{lang=en}` cost linear time. Anything else leaves the `[` to the
 * following rules (a link, or text).
 */
export function englishSpan(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const max = state.posMax;
  if (state.src.charCodeAt(start) !== OPEN_BRACKET) return false;
  let end = start + 1;
  while (end < max) {
    const code = state.src.charCodeAt(end);
    if (code === OPEN_BRACKET) return false;
    if (code === CLOSE_BRACKET) break;
    end += code === BACKSLASH ? 2 : 1;
  }
  if (end >= max || end === start + 1) return false;
  if (!state.src.startsWith(ENGLISH_SPAN_END, end) || end + ENGLISH_SPAN_END.length > max)
    return false;
  if (!silent) {
    state.pos = start + 1;
    state.posMax = end;
    const open = state.push('english_span_open', 'span', 1);
    open.attrs = [['lang', 'en']];
    state.md.inline.tokenize(state);
    state.push('english_span_close', 'span', -1);
  }
  state.pos = end + ENGLISH_SPAN_END.length;
  state.posMax = max;
  return true;
}
