import markdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { ContentDocument } from '../content/model';
import type { DocId } from '../content/ids';
import { stripEnglishSpans } from '../markdown/englishSpanText';
import { LIMITS } from './schema';

/** One numbered action of a guide step, ready to become a task. */
export interface GuideAction {
  /** The action's first sentence, without its final full stop. */
  title: string;
  /** The rest of the action's text (may be empty). */
  notes: string;
}

/** A guide step as a plan template: one phase with its actions as tasks. */
export interface GuideStepTemplate {
  docId: DocId;
  step: number;
  title: string;
  actions: GuideAction[];
}

let parser: ReturnType<typeof markdownIt> | undefined;

/**
 * The heading of a guide step's actions, lower-cased, in each language's version: the French
 * guide names the section "Mesures à prendre". A plan made from the guide in French takes the
 * French steps' actions, since the interface (and so the library) is in French.
 */
const ACTIONS_HEADINGS: ReadonlySet<string> = new Set(['actions', 'mesures à prendre']);

/**
 * The numbered list under the actions heading (`## Actions`, `## Mesures à prendre`) of a guide
 * step's Markdown body, one entry per top-level item. Parsed with markdown-it so emphasis, links
 * and line wrapping inside an item come out as plain text, and an English passage's
 * `[text]{lang=en}` markup is dropped. Returns an empty list when the body has no such section.
 */
export function parseGuideActions(body: string): GuideAction[] {
  parser ??= markdownIt('commonmark');
  const tokens = parser.parse(body, {});
  const start = tokens.findIndex(
    (t, i) =>
      t.type === 'heading_open' && t.tag === 'h2' && ACTIONS_HEADINGS.has(headingText(tokens, i)),
  );
  if (start < 0) return [];

  const actions: GuideAction[] = [];
  let listLevel = -1;
  let item: string[] | null = null;
  for (let i = start + 1; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'heading_open' && (token.tag === 'h1' || token.tag === 'h2')) break;
    if (listLevel < 0) {
      if (token.type === 'ordered_list_open') listLevel = token.level;
      continue;
    }
    if (token.type === 'ordered_list_close' && token.level === listLevel) break;
    if (token.type === 'list_item_open' && token.level === listLevel + 1) item = [];
    else if (token.type === 'list_item_close' && token.level === listLevel + 1 && item) {
      const action = splitAction(stripEnglishSpans(item.join(' ')));
      if (action) actions.push(action);
      item = null;
    } else if (token.type === 'inline' && item && token.level === listLevel + 3) {
      item.push(inlineText(token));
    }
  }
  return actions;
}

/**
 * The how-to guide as a plan template: the guide-step documents among `docs`, in step order, each
 * with its actions. Other document types are ignored, so the whole document store can be passed.
 */
export function guideTemplate(docs: readonly ContentDocument[]): GuideStepTemplate[] {
  const steps: GuideStepTemplate[] = [];
  for (const doc of docs) {
    if (doc.type !== 'guide-step') continue;
    steps.push({
      docId: doc.id,
      step: doc.step,
      title: doc.title,
      actions: parseGuideActions(doc.body),
    });
  }
  return steps.sort((a, b) => a.step - b.step);
}

function headingText(tokens: readonly Token[], headingIndex: number): string {
  const inline = tokens[headingIndex + 1];
  return inline?.type === 'inline' ? inlineText(inline).trim().toLowerCase() : '';
}

/** Plain text of an inline token: text and code kept, markup dropped, line breaks as spaces. */
function inlineText(token: Token): string {
  let out = '';
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') out += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') out += ' ';
    else if (child.type === 'image') out += child.children?.map((c) => c.content).join('') ?? '';
  }
  return out;
}

/**
 * "Name a lead. Pick three people." -> title "Name a lead", notes "Pick three people."; French
 * alike ("Évaluez… Utilisez…", « … »).
 */
function splitAction(text: string): GuideAction | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return null;
  // A sentence ends at . ! or ? followed by a space and a capital letter (accented too: "Évaluez"),
  // a digit or an opening quotation mark or bracket.
  const match = /^(.+?[.!?])\s+(?=[\p{Lu}0-9"“«(])(.*)$/u.exec(clean);
  const first = match ? (match[1] as string) : clean;
  const rest = match ? (match[2] as string) : '';
  let title = first.replace(/\.$/, '');
  if (title.length > LIMITS.title) {
    const cut = title.slice(0, LIMITS.title - 1);
    title = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
    return { title, notes: clean };
  }
  return { title, notes: rest };
}
