import type { Language } from '../../../../electron/shared/language';
import { escapeMarkdownLine, plainTextToMarkdown } from '../annotations/exchange/markdownText';
import type { DocId } from '../content/ids';
import { keyPoints } from './keyPoints';
import {
  DEFAULT_SLIDE_BUDGET,
  fitsOnSlide,
  splitMarkdown,
  type SlideBudget,
} from './splitMarkdown';

/** What slide generation needs of a block (bundled and user blocks both fit). */
export interface SlideBlock {
  title: string;
  minutes: number;
  purpose: string;
  facilitatorNotes: string;
  activity: string;
  documents: readonly DocId[];
}

/** A figure a document's second slide states, with the name of the source that gives it. */
export type SlideFigure =
  | { kind: 'population'; population: number; censusYear: number; source: string }
  | { kind: 'years'; years: string; source: string };

/** What slide generation needs of a linked document. */
export interface SlideSource {
  id: DocId;
  title: string;
  /** The document's two-sentence summary: its first slide. */
  summary: string;
  /** The Markdown body, headings from `##`: read for its key points, never shown whole. */
  body: string;
  /** The body's language, whose headings name its key-point sections; absent: English. */
  language?: Language;
  /** Curated points from front matter (`slides:`): the second slide, when given. */
  bullets?: readonly string[];
  /** Key figures with their source (a case study's municipality facts). */
  figures?: readonly SlideFigure[];
}

/** A block's title slide, a slide of a linked document, or the block's activity. */
export type SlideKind = 'block-title' | 'document' | 'activity';

/** One slide, ready for the app's Markdown pipeline. */
export interface Slide {
  /** Stable within a deck, so the presenter and audience windows can agree on a slide. */
  id: string;
  kind: SlideKind;
  /** The block the slide belongs to (for pacing). */
  blockIndex: number;
  title: string;
  /** The slide's Markdown (render with the document renderer, `docId` as the document). */
  markdown: string;
  /** Speaker notes: the block's facilitator notes. */
  notes: string;
  /** The document the slide comes from, for `kind: 'document'` (to show it in full on demand). */
  docId?: DocId;
  /** 1 for the first slide of a text; 2, 3, ... for its "(continued)" slides. */
  part: number;
}

/** A linked document the deck could not find (deleted, or not in this content pack). */
export interface MissingDocument {
  blockIndex: number;
  docId: DocId;
}

/** The words slides add to the blocks' own text: the UI's (core has none of its own). */
export interface SlideWords {
  /** A block's length on its title slide, e.g. "15 min". */
  duration(minutes: number): string;
  /** The title of a block's activity slide, e.g. "Activity: Welcome". */
  activityTitle(blockTitle: string): string;
  /** The title of a long text's later slides, e.g. "Activity: Welcome (continued)". */
  continued(title: string): string;
  /** A figure as a sentence with its source, e.g. "Population 17,262 (2016 census). Source: …". */
  figure(figure: SlideFigure): string;
}

/** The generated deck. */
export interface SlideDeck {
  slides: Slide[];
  missing: MissingDocument[];
}

/**
 * Builds the slides of a workshop, a deck for a projector rather than the documents read off the
 * screen: for each block a title slide (purpose and minutes), then one or two slides per linked
 * document (see {@link documentSlides}), then the activity. Block text longer than the budget is
 * split, never truncated, and the later parts get "(continued)" titles (in `words`).
 */
export function buildSlides(
  blocks: readonly SlideBlock[],
  findDocument: (id: DocId) => SlideSource | undefined,
  words: SlideWords,
  budget: SlideBudget = DEFAULT_SLIDE_BUDGET,
): SlideDeck {
  const slides: Slide[] = [];
  const missing: MissingDocument[] = [];
  blocks.forEach((block, blockIndex) => {
    const base = { blockIndex, notes: block.facilitatorNotes.trim() };
    const titleText = `${block.purpose.trim()}\n\n**${words.duration(block.minutes)}**`;
    for (const s of splitText(`b${blockIndex}-title`, block.title, titleText, budget, words))
      slides.push({ ...base, ...s, kind: 'block-title' });
    block.documents.forEach((docId, d) => {
      const doc = findDocument(docId);
      if (!doc) {
        missing.push({ blockIndex, docId });
        return;
      }
      for (const s of documentSlides(`b${blockIndex}-d${d}`, doc, words, budget))
        slides.push({ ...base, ...s, kind: 'document', docId });
    });
    if (block.activity.trim() !== '') {
      const title = words.activityTitle(block.title);
      for (const s of splitText(`b${blockIndex}-activity`, title, block.activity, budget, words))
        slides.push({ ...base, ...s, kind: 'activity' });
    }
  });
  return { slides, missing };
}

type SlideText = Pick<Slide, 'id' | 'title' | 'markdown' | 'part'>;

/**
 * A document's slides: its title and summary, then, when it has any, its points: the curated
 * `slides:` bullets, or else its key figures with their source and the list of its key-point
 * section (lessons, questions, advice, first steps), as many items as fit one slide.
 */
export function documentSlides(
  id: string,
  doc: SlideSource,
  words: SlideWords,
  budget: SlideBudget = DEFAULT_SLIDE_BUDGET,
): SlideText[] {
  const slides: SlideText[] = [
    // The summary is plain text (cards show it as such): escaped, so it shows as written.
    { id: `${id}-summary`, title: doc.title, markdown: plainTextToMarkdown(doc.summary), part: 1 },
  ];
  const points = doc.bullets?.length ? bulletList(doc.bullets) : derivedPoints(doc, words, budget);
  if (points !== '')
    slides.push({ id: `${id}-points`, title: doc.title, markdown: points, part: 1 });
  return slides;
}

/** Items as the Markdown list a points slide shows (the `slides:` check measures it too). */
export const bulletList = (items: readonly string[], ordered = false) =>
  items.map((item, i) => `${ordered ? `${i + 1}.` : '-'} ${item}`).join('\n');

/** Figures with their source, then key points under their section's heading, fitted to a slide. */
function derivedPoints(doc: SlideSource, words: SlideWords, budget: SlideBudget): string {
  // A figure's words come from the UI and its source's name from content: shown as written.
  const figures = bulletList((doc.figures ?? []).map((f) => escapeMarkdownLine(words.figure(f))));
  const points = keyPoints(doc, doc.language);
  if (!points) return figures;
  const compose = (count: number) =>
    [figures, `### ${points.heading}`, bulletList(points.items.slice(0, count), points.ordered)]
      .filter((part) => part !== '')
      .join('\n\n');
  // The first item always shows; the others while the slide still fits.
  let count = 1;
  while (count < points.items.length && fitsOnSlide(compose(count + 1), budget)) count++;
  return compose(count);
}

/** A titled text split to the budget: its slides' id, title, Markdown and part number. */
function splitText(
  id: string,
  title: string,
  markdown: string,
  budget: SlideBudget,
  words: SlideWords,
): SlideText[] {
  const pieces = splitMarkdown(markdown, budget)
    .map(tidyPiece)
    .filter((p) => p !== '');
  if (pieces.length === 0) return [{ id: `${id}-p1`, title, markdown: '', part: 1 }];
  return pieces.map((piece, i) => ({
    id: `${id}-p${i + 1}`,
    title: i === 0 ? title : words.continued(title),
    markdown: piece,
    part: i + 1,
  }));
}

/**
 * A piece as a slide shows it: outer blank lines trimmed, and the indentation it shares removed
 * (the rest of a list item cut mid-item would otherwise render as a code block).
 */
function tidyPiece(piece: string): string {
  const lines = piece
    .replace(/^\s*\n/, '')
    .trimEnd()
    .split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines
    .map((l) => l.slice(Math.min(common, /^ */.exec(l)?.[0].length ?? 0)))
    .join('\n')
    .trim();
}
