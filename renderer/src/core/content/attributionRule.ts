import { attributedClauses, type AttributedClause } from './attributionClauses';
import { namedSpeaker, type Speaker } from './attributionPatterns';
import { proseBlocks, lineAt, type ProseBlock } from './proseBlocks';
import { RELEASE_PATH, matchQuote, type ReleaseText } from './releaseText';
import { findQuotations, splitSentences } from './sentences';

export type { Speaker } from './attributionPatterns';

/** A sentence that breaks the rule, with its 1-based line in the Markdown checked. */
export interface AttributionProblem {
  line: number;
  /** The attributing words as written, to find them again in a folded YAML field. */
  phrase: string;
  message: string;
}

/**
 * Checks Markdown prose against the attribution rule of issue 12: each clause that attributes
 * words or wishes to AMO, the report or the Task Force must quote the release, or sit in a
 * labelled block; every quotation given as theirs must be in the release, and a `>` block quote
 * that names them (or follows a paragraph that does) must be the release's words. `release`
 * null means no release text was given: no quotation can be verified.
 */
export function checkAttribution(
  markdown: string,
  release: ReleaseText | null,
): AttributionProblem[] {
  const problems: AttributionProblem[] = [];
  const blocks = proseBlocks(markdown);
  // Block quotes that a sentence ending in a colon gives as someone's words.
  const introduced = new Map<number, Speaker>();
  blocks.forEach((block, index) => {
    const speaker = block.quote === null ? null : quoteSpeaker(blocks, index, introduced);
    if (speaker !== null) {
      const problem = judgeBlockQuote(block, speaker, release);
      if (problem) problems.push(problem);
      return;
    }
    const sentences = splitSentences(block.text);
    let topic: Speaker | null = null;
    sentences.forEach((sentence, i) => {
      const { clauses, next } = attributedClauses(sentence, topic);
      topic = next;
      for (const clause of clauses) {
        const follower = i === sentences.length - 1 && clause.last ? block.follower : null;
        if (follower?.kind === 'blockquote')
          introduced.set(follower.quote, clause.attribution.speaker);
        const message = judgeClause(clause, follower, block.labelled, release);
        if (message !== null)
          problems.push({
            line: lineAt(block, sentence.start + clause.attribution.start),
            phrase: clause.attribution.phrase,
            message,
          });
      }
    });
  });
  return problems;
}

/**
 * Whose words a block quote is given as: the speaker a colon introduced it as, or the first one
 * it or the block before it names. Null: nothing says, so it is read as prose.
 */
function quoteSpeaker(
  blocks: readonly ProseBlock[],
  index: number,
  introduced: ReadonlyMap<number, Speaker>,
): Speaker | null {
  const quote = blocks[index]?.quote ?? null;
  if (quote === null) return null;
  const first = blocks.findIndex((b) => b.quote === quote);
  const own = blocks.filter((b) => b.quote === quote).map((b) => b.text);
  const before = blocks[first - 1]?.text ?? '';
  return introduced.get(quote) ?? namedSpeaker(own.join(' ')) ?? namedSpeaker(before);
}

// A line under a quotation that starts with a dash names its source ("— AMO, 14 August 2017").
const CITATION = /^\s*(?:\u2014|\u2015|--)/;

function judgeBlockQuote(
  block: ProseBlock,
  speaker: Speaker,
  release: ReleaseText | null,
): AttributionProblem | null {
  if (CITATION.test(block.text)) return null;
  const lastLine = block.lineBreaks.at(-1);
  const cited = lastLine !== undefined && CITATION.test(block.text.slice(lastLine));
  const text = (cited ? block.text.slice(0, lastLine) : block.text)
    .trim()
    .replace(/^["\u201C]([^"\u201C\u201D]*)["\u201D]$/, '$1');
  if (release !== null && matchQuote(text, release) === 'match') return null;
  const shown = `block quote "${shorten(text, 50)}"`;
  const why =
    release === null
      ? unverifiable(speaker)
      : `is given as words of ${speaker} (it, or the text before it, names them), but the release does not contain it as a passage of three words or more; copy the release's words exactly, or make it ordinary text labelled as this toolkit's reading`;
  return {
    line: block.line,
    phrase: text.split(/\s+/).slice(0, 4).join(' '),
    message: `${shown} ${why}`,
  };
}

// After the attributing words, these add nothing of the speaker's own: "The release calls it
// "organic"" may quote a single word; "AMO wants "digital" councils" may not.
const FILLER = new Set(
  'it this that these those them its their the a an as word words term terms phrase name title simply just only also itself'.split(
    ' ',
  ),
);

function judgeClause(
  clause: AttributedClause,
  follower: ProseBlock['follower'],
  labelled: boolean,
  release: ReleaseText | null,
): string | null {
  const { phrase, speaker } = clause.attribution;
  const shown = `"${shorten(phrase, 60)} ..."`;
  const quotes = clause.quotations.map((q) => q.text);
  const items =
    follower?.kind === 'list'
      ? follower.items.map((item) => findQuotations(item).map((q) => q.text))
      : [];
  const all = [...quotes, ...items.flat()];
  if (release === null) return all.length > 0 ? `${shown} ${unverifiable(speaker)}` : null;
  const wrong = all.find((quote) => matchQuote(quote, release) === 'absent');
  if (wrong !== undefined)
    return `${shown} quotes "${shorten(wrong, 50)}" as words of ${speaker}, but the release does not contain them; copy the release's words exactly, as whole words (case, quote marks and spacing may differ; "..." may join two passages) or drop the quotation marks and label the sentence as this toolkit's reading`;
  // A block quote after the colon is checked on its own.
  if (labelled || follower?.kind === 'blockquote') return null;
  const full = (list: readonly string[]) => list.some((q) => matchQuote(q, release) === 'match');
  const backed =
    follower?.kind === 'list'
      ? items.length > 0 && items.every(full)
      : full(quotes) || (quotes.length > 0 && onlyFiller(clause.rest));
  if (backed) return null;
  const label = `move it under a "This toolkit's reading" heading (or start the paragraph with **This toolkit's reading:**)`;
  if (quotes.length > 0 && follower === null)
    return `${shown} quotes only "${shorten(quotes[0] ?? '', 30)}" of the release, too little to show what ${speaker} said beside the clause's other words; quote a passage of at least three words, or ${label}`;
  const otherReport =
    speaker === 'the report'
      ? ' (if another report is meant, name it, e.g. "the KPMG report")'
      : '';
  return `${shown} attributes words to ${speaker} that are not in the release${otherReport}; quote the release exactly or ${label}`;
}

function onlyFiller(rest: string): boolean {
  return (rest.toLowerCase().match(/[\p{L}\p{N}'\u2019-]+/gu) ?? []).every((w) => FILLER.has(w));
}

function unverifiable(speaker: Speaker): string {
  return `quotes ${speaker}, but the release text (${RELEASE_PATH} in the content folder) is missing, so the quotation cannot be verified; restore the file`;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3).trimEnd()}...` : flat;
}
