import MarkdownIt from 'markdown-it';
import type { DocId } from '../content/ids';
import { DEFAULT_SLIDE_BUDGET, splitMarkdown, type SlideBudget } from './splitMarkdown';

/** What slide generation needs of a block (bundled and user blocks both fit). */
export interface SlideBlock {
  title: string;
  minutes: number;
  purpose: string;
  facilitatorNotes: string;
  activity: string;
  documents: readonly DocId[];
}

/** What slide generation needs of a linked document. */
export interface SlideSource {
  id: DocId;
  title: string;
  /** The Markdown body, headings from `##`. */
  body: string;
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
  /** The document the slide comes from, for `kind: 'document'`. */
  docId?: DocId;
  /** 1 for the first slide of a section; 2, 3, ... for its "(continued)" slides. */
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
  /** The title of a section's later slides, e.g. "Evidence (continued)". */
  continued(title: string): string;
}

/** The generated deck. */
export interface SlideDeck {
  slides: Slide[];
  missing: MissingDocument[];
}

/**
 * Builds the slides of a workshop: for each block, a title slide (purpose and minutes), then each
 * linked document cut into slides at its `##` headings, then the activity. Slides longer than the
 * budget are split, never truncated, and the later parts get "(continued)" titles (in `words`).
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
    const notes = block.facilitatorNotes.trim();
    const base = { blockIndex, notes };
    const titleText = `${block.purpose.trim()}\n\n**${words.duration(block.minutes)}**`;
    slides.push(
      ...section(`b${blockIndex}-title`, block.title, titleText, budget, words).map((s) => ({
        ...base,
        ...s,
        kind: 'block-title' as const,
      })),
    );
    block.documents.forEach((docId, d) => {
      const doc = findDocument(docId);
      if (!doc) {
        missing.push({ blockIndex, docId });
        return;
      }
      documentSections(doc).forEach((sec, s) => {
        const id = `b${blockIndex}-d${d}-s${s}`;
        for (const slide of section(id, sec.title, sec.markdown, budget, words))
          slides.push({ ...base, ...slide, kind: 'document', docId });
      });
    });
    if (block.activity.trim() !== '')
      slides.push(
        ...section(
          `b${blockIndex}-activity`,
          words.activityTitle(block.title),
          block.activity,
          budget,
          words,
        ).map((s) => ({ ...base, ...s, kind: 'activity' as const })),
      );
  });
  return { slides, missing };
}

/** One titled section split to the budget: its slides' id, title, Markdown and part number. */
function section(
  id: string,
  title: string,
  markdown: string,
  budget: SlideBudget,
  words: SlideWords,
): Array<Pick<Slide, 'id' | 'title' | 'markdown' | 'part'>> {
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

/** A document cut at its `##` headings: the part before the first one is titled by the document. */
export interface DocumentSection {
  title: string;
  markdown: string;
}

const headingParser = new MarkdownIt({ html: false, linkify: false });

/**
 * Cuts a document body at its level-2 headings (found by the Markdown parser, so a `##` inside a
 * code block is not a heading). The heading line becomes the section title; deeper headings stay
 * in the section text.
 */
export function documentSections(doc: Pick<SlideSource, 'title' | 'body'>): DocumentSection[] {
  const lines = doc.body.split('\n');
  const tokens = headingParser.parse(doc.body, {});
  const cuts: Array<{ line: number; end: number; title: string }> = [];
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open' && token.tag === 'h2' && token.map)
      cuts.push({ line: token.map[0], end: token.map[1], title: tokens[i + 1]?.content ?? '' });
  });
  const sections: DocumentSection[] = [];
  const intro = lines.slice(0, cuts[0]?.line ?? lines.length).join('\n');
  if (intro.trim() !== '') sections.push({ title: doc.title, markdown: intro });
  cuts.forEach((cut, i) => {
    const markdown = lines.slice(cut.end, cuts[i + 1]?.line ?? lines.length).join('\n');
    sections.push({ title: cut.title, markdown });
  });
  return sections;
}
