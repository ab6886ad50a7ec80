import MarkdownIt from 'markdown-it';

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
export function documentSections(doc: { title: string; body: string }): DocumentSection[] {
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
