import MarkdownIt from 'markdown-it';

import { analyzeBody, type InternalLink } from '../content/bodyAnalysis';

/**
 * Addresses the `doc:` links of a pack document's body for the app: `doc:x` and `doc:x#section`
 * become `doc:<packId>--x` (with the section kept) when `x` is a document of the pack, so a link
 * resolves within the pack first and only then to the bundled library, exactly as front matter
 * ids are resolved. Done once, when the pack is checked, so the stored body needs no context to
 * render: the reader, search snippets and exports see the same address.
 *
 * Only link destinations change. A `doc:` written in code, or in prose that is not a link, stays
 * as written: the candidates are found by their Markdown shape (`](doc:`, `]: doc:`, `<doc:`)
 * outside code blocks, and the result is checked by parsing it again (same plain text, same links
 * with the local ones addressed). Where that check fails (a candidate inside an inline code span,
 * say), each candidate is tried alone and kept only if it changes links and nothing else. That
 * costs one parse per candidate, so it is bounded: past {@link SLOW_PATH_CANDIDATES} the body
 * cannot be addressed safely and the answer is null (the pack is refused, rather than stored
 * with a body other than the one that was checked).
 *
 * Workshop block texts need nothing: the content check refuses links in them (documents are
 * listed in a block's `documents`, which are addressed with the front matter).
 */
export function addressBodyLinks(
  body: string,
  address: (localId: string) => string | null,
): string | null {
  const before = analyzeBody(body);
  if (!before.links.some((link) => link.id !== null && address(link.id) !== null)) return body;
  const candidates = findCandidates(body, address);
  const expected = before.links.map((link) => addressedLink(link, address));
  const all = applyCandidates(body, candidates);
  if (sameAnalysis(all, before.plainText, expected)) return all;
  // The slow path, for bodies where a candidate was not a link: one parse per candidate.
  if (candidates.length > SLOW_PATH_CANDIDATES) return null;
  const kept = candidates.filter((candidate) => {
    const one = analyzeBody(applyCandidates(body, [candidate]));
    if (one.plainText !== before.plainText || one.links.length !== before.links.length)
      return false;
    // A reference definition serves every link that names it: all of them change, to this id.
    const changed = one.links.filter((link, i) => link.id !== before.links[i]?.id);
    return changed.length > 0 && changed.every((link) => link.id === candidate.addressed);
  });
  return applyCandidates(body, kept);
}

/** At most this many parses of one body when the fast path's check fails. */
export const SLOW_PATH_CANDIDATES = 200;

/** A `doc:x` to rewrite: the characters it spans, what replaces them, and the id it addresses. */
interface Candidate {
  start: number;
  end: number;
  replacement: string;
  addressed: string;
}

// A link destination: inline link `](doc:x`, reference definition `]: doc:x` (either possibly in
// angle brackets, possibly on the next line), or autolink `<doc:x>`. The id ends where the
// destination or its `#section` does; an id already addressed (`a--b`) never matches as `a`. An
// inline link is tried first at each position, so its `<doc:x>` is never taken for an autolink.
const CANDIDATE =
  /(?<lead>\]\(\s*<?|\]:\s*<?)doc:(?<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?=[#)>\s"']|$)|<doc:(?<auto>[a-z0-9]+(?:-[a-z0-9]+)*)(?<section>#[^<>\s]*)?>/g;

function findCandidates(body: string, address: (localId: string) => string | null): Candidate[] {
  const code = codeRanges(body).sort((a, b) => a[0] - b[0]);
  const out: Candidate[] = [];
  // Matches come in body order, so one pass over the sorted ranges: `next` is the first range
  // that may still hold a match, `reach` the furthest end of the ranges before it.
  let next = 0;
  let reach = -1;
  for (const match of body.matchAll(CANDIDATE)) {
    const { lead, id, auto, section = '' } = match.groups ?? {};
    const localId = id ?? auto ?? '';
    const start = lead === undefined ? match.index : match.index + lead.length + 'doc:'.length;
    for (let range = code[next]; range !== undefined && range[0] <= start; range = code[++next])
      reach = Math.max(reach, range[1]);
    const addressed = address(localId);
    if (addressed === null || start < reach) continue;
    if (lead !== undefined)
      out.push({ start, end: start + localId.length, replacement: addressed, addressed });
    // An autolink shows its address as its text: it becomes a link that still reads `doc:x`.
    else
      out.push({
        start,
        end: match.index + match[0].length,
        replacement: `[doc:${localId}${section}](doc:${addressed}${section})`,
        addressed,
      });
  }
  return out;
}

// Parsed as bodyAnalysis parses, so the code blocks found are the ones the checker saw.
const parser = new MarkdownIt({ html: true, linkify: false });
parser.validateLink = () => true;

/**
 * Character ranges of fenced and indented code blocks, and of inline code spans that open and
 * close on one line (a span across lines is left to the check that follows the rewrite).
 */
function codeRanges(body: string): Array<[number, number]> {
  const lineStarts = [0];
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offsetOf = (line: number) => lineStarts[line] ?? body.length;
  const ranges: Array<[number, number]> = [];
  for (const token of parser.parse(body, {}))
    if ((token.type === 'fence' || token.type === 'code_block') && token.map)
      ranges.push([offsetOf(token.map[0]), offsetOf(token.map[1])]);
  for (const span of body.matchAll(/(`+)[^`\n]+?\1(?!`)/g))
    ranges.push([span.index, span.index + span[0].length]);
  return ranges;
}

function applyCandidates(body: string, candidates: readonly Candidate[]): string {
  let out = '';
  let from = 0;
  for (const { start, end, replacement } of candidates) {
    out += body.slice(from, start) + replacement;
    from = end;
  }
  return out + body.slice(from);
}

function addressedLink(link: InternalLink, address: (localId: string) => string | null) {
  const id = link.id === null ? null : (address(link.id) ?? link.id);
  return { ...link, id };
}

function sameAnalysis(body: string, plainText: string, expected: readonly InternalLink[]): boolean {
  const after = analyzeBody(body);
  return (
    after.plainText === plainText &&
    after.links.length === expected.length &&
    after.links.every(
      (link, i) =>
        link.id === expected[i]?.id &&
        link.section === expected[i]?.section &&
        link.kind === expected[i]?.kind,
    )
  );
}
