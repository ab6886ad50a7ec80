import type { Language } from '../../../../electron/shared/language';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { documentSections } from './documentSections';
import { SENTENCE_END } from './splitMarkdown';

/**
 * The `##` sections whose list a slide may show as a document's key points, best first, as each
 * language's versions title them: a case study's lessons, questions a document puts to the
 * reader, the labelled advice of key issues and recommendations, an opportunity's first steps, a
 * guide step's checklist. Matched whole and ignoring case, in the language of the document's body
 * (a French version's body carries French headings). The section's heading goes on the slide
 * with its points, so advice labelled as this toolkit's reading stays labelled.
 */
export const KEY_POINT_HEADINGS: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'Lessons',
    'Questions for us',
    'What this could mean for a small municipality',
    'Where to start',
    'Checklist',
  ],
  fr: [
    'Leçons',
    'Questions pour nous',
    'Ce que cela pourrait signifier pour une petite municipalité',
    'Par où commencer',
    'Liste de vérification',
  ],
};

/** The list a document's key-points slide shows: the section's heading and its first list. */
export interface KeyPoints {
  heading: string;
  ordered: boolean;
  /** Each item as one line of inline Markdown, links reduced to their text. */
  items: string[];
}

/** An item longer than this is cut to its first sentence (never mid-sentence). */
const ITEM_CHARS = 180;

const parser = new MarkdownIt({ html: false, linkify: false });

/**
 * The first list of the first key-point section (in {@link KEY_POINT_HEADINGS} order, for the
 * language `body` is written in) that has one, or null. Only the list's own items are read, never
 * a section's paragraphs, so a slide never carries body text; an item that opens with a bold
 * phrase is shown as that phrase.
 */
export function keyPoints(
  doc: { title: string; body: string },
  language: Language = 'en',
): KeyPoints | null {
  const sections = documentSections(doc);
  for (const wanted of KEY_POINT_HEADINGS[language]) {
    const section = sections.find(
      (s) => s.title !== doc.title && s.title.trim().toLowerCase() === wanted.toLowerCase(),
    );
    const list = section ? firstList(section.markdown) : null;
    if (section && list && list.items.length > 0) return { heading: section.title, ...list };
  }
  return null;
}

/** The items of the first list at the top level of `markdown` (a `###` above it is fine). */
function firstList(markdown: string): Omit<KeyPoints, 'heading'> | null {
  const tokens = parser.parse(markdown, {});
  const start = tokens.findIndex(
    (t) => t.level === 0 && (t.type === 'bullet_list_open' || t.type === 'ordered_list_open'),
  );
  const open = tokens[start];
  if (!open) return null;
  const items: string[] = [];
  for (let i = start + 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || (token.level === 0 && token.type.endsWith('_list_close'))) break;
    if (token.type !== 'list_item_open' || token.level !== 1) continue;
    // The item's first paragraph: its inline token sits two places on (paragraph_open, inline).
    const inline = tokens
      .slice(i + 1)
      .find((t) => t.type === 'inline' || t.type === 'list_item_close');
    if (inline?.type !== 'inline') continue;
    const item = itemText(inline.children ?? []);
    if (item !== '') items.push(item);
  }
  return { ordered: open.type === 'ordered_list_open', items };
}

/** One item as a slide line: its bold opening phrase if it has one, else its text, shortened. */
function itemText(all: Token[]): string {
  // The parser may open with an empty text token before the emphasis.
  const children = all.filter((t) => !(t.type === 'text' && t.content === ''));
  if (children[0]?.type === 'strong_open') {
    const end = children.findIndex((t) => t.type === 'strong_close');
    const lead = inlineMarkdown(children.slice(0, end + 1)).trim();
    if (end > 0 && lead.length > 4) return lead;
  }
  // A checklist item's box (`[ ]`, `[x]`, escaped by now) is not text.
  const text = inlineMarkdown(children)
    .trim()
    .replace(/^\\\[[ xX]\\\]\s+/, '');
  return firstSentenceIfLong(text);
}

// Characters that would start markup in re-emitted text: escaped so the text shows as written.
const SIGNIFICANT = /[\\`*_{}[\]()<>#+!|~&]/g;

/**
 * Inline tokens back to Markdown: emphasis and code kept, links and images reduced to their text
 * (a slide is not followed), line breaks joined.
 */
function inlineMarkdown(tokens: Token[]): string {
  let out = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'image')
      out += token.content.replace(SIGNIFICANT, (ch) => `\\${ch}`);
    else if (token.type === 'code_inline') out += `${token.markup}${token.content}${token.markup}`;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') out += ' ';
    else if (/^(strong|em|s)_(open|close)$/.test(token.type)) out += token.markup;
  }
  // At the start of a line these would make a list item, a heading underline or a rule.
  return out.replace(/^([-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** The first sentence of a long item, unless the cut would split emphasis or code. */
function firstSentenceIfLong(item: string): string {
  if (item.length <= ITEM_CHARS) return item;
  const match = new RegExp(SENTENCE_END.source).exec(item);
  if (!match) return item;
  const sentence = item.slice(0, match.index + match[0].length).trim();
  const markers = sentence.replace(/\\./g, '').match(/[*_`~]/g) ?? [];
  return markers.length % 2 === 0 ? sentence : item;
}
