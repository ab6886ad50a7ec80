import { attributedClauses, type AttributedClause } from './attributionClauses';
import type { Speaker } from './attributionPatterns';
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
 * labelled block; every quotation given as theirs must be in the release. `release` null means
 * no release text was given: no quotation can be verified.
 */
export function checkAttribution(
  markdown: string,
  release: ReleaseText | null,
): AttributionProblem[] {
  const problems: AttributionProblem[] = [];
  for (const block of proseBlocks(markdown)) {
    // A block quote is someone's words; the sentence introducing it is what gets checked.
    if (block.quoted) continue;
    const sentences = splitSentences(block.text);
    let topic: Speaker | null = null;
    sentences.forEach((sentence, i) => {
      const { clauses, next } = attributedClauses(sentence, topic);
      topic = next;
      for (const clause of clauses) {
        const follower = i === sentences.length - 1 && clause.last ? block.follower : null;
        const message = judgeClause(clause, follower, block.labelled, release);
        if (message !== null)
          problems.push({
            line: lineAt(block, sentence.start + clause.attribution.start),
            phrase: clause.attribution.phrase,
            message,
          });
      }
    });
  }
  return problems;
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
  if (follower?.kind === 'blockquote') quotes.push(follower.text);
  const items =
    follower?.kind === 'list'
      ? follower.items.map((item) => findQuotations(item).map((q) => q.text))
      : [];
  const all = [...quotes, ...items.flat()];
  if (release === null) return all.length > 0 ? `${shown} ${unverifiable(speaker)}` : null;
  const wrong = all.find((quote) => matchQuote(quote, release) === 'absent');
  if (wrong !== undefined)
    return `${shown} quotes "${shorten(wrong, 50)}" as words of ${speaker}, but the release does not contain them; copy the release's words exactly, as whole words (case, quote marks and spacing may differ; "..." may join two passages) or drop the quotation marks and label the sentence as this toolkit's reading`;
  if (labelled) return null;
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
