import {
  MASK,
  findAttributions,
  openingSpeaker,
  type Attribution,
  type Speaker,
} from './attributionPatterns';
import type { Quotation, Sentence } from './sentences';

/**
 * One attributed clause of a sentence: from its attributing words (or the start of its part of
 * the sentence) to the next attribution, ";" or the end. Each clause is judged on its own, so a
 * true quotation in one clause does not vouch for an invented claim in the next.
 */
export interface AttributedClause {
  /** Offsets in the sentence. */
  attribution: Attribution;
  start: number;
  end: number;
  /** The quotations inside the clause, with offsets in the sentence. */
  quotations: Quotation[];
  /** The clause's words after the attributing phrase, quotations left out. */
  rest: string;
  /** The clause ends the sentence (a final colon introduces what follows the block). */
  last: boolean;
}

/**
 * The attributed clauses of a sentence. `topic` is who "It" or "They" would mean at its start
 * (the speaker of the sentence before, in the same block); `next` is the same for the sentence
 * after.
 */
export function attributedClauses(
  sentence: Sentence,
  topic: Speaker | null,
): { clauses: AttributedClause[]; next: Speaker | null } {
  const text = masked(sentence);
  const clauses: AttributedClause[] = [];
  let current = topic;
  let from = 0;
  // ";" joins clauses that could each be sentences: "AMO says "..."; it also wants ...".
  for (const part of text.split(';')) {
    const lead = part.length - part.trimStart().length;
    const offset = from + lead;
    const found = findAttributions(part.trimStart(), current).map((a) => ({
      ...a,
      start: a.start + offset,
      end: a.end + offset,
    }));
    const partEnd = from + part.length;
    clauses.push(...joined(found, offset, partEnd, text, sentence));
    current = found.at(-1)?.speaker ?? openingSpeaker(part.trimStart());
    from = partEnd + 1;
  }
  return { clauses, next: current };
}

// "AMO says [that] the report notes ...", "In the release's words, the report outlines ...": an
// attribution with no words of its own frames the next one, and they are one clause.
const FRAMES_NEXT = /^[\s,:]*(?:that\b)?[\s,]*$/;
// "... the key issues the report outlines, and ...", "..., as the report notes.": a verb with
// nothing after it points back at words of the clause before.
const POINTS_BACK = /^\s*(?:[,.;:!?)]|$)/;

/** Clauses of one part of a sentence, each running to the next attribution, joined as above. */
function joined(
  found: readonly Attribution[],
  offset: number,
  partEnd: number,
  text: string,
  sentence: Sentence,
): AttributedClause[] {
  const spans: Array<{ attribution: Attribution; start: number; end: number }> = [];
  found.forEach((attribution, index) => {
    const end = found[index + 1]?.start ?? partEnd;
    const previous = spans.at(-1);
    const own = text.slice(attribution.end, end);
    if (previous && POINTS_BACK.test(own)) previous.end = end;
    else spans.push({ attribution, start: index === 0 ? offset : attribution.start, end });
  });
  for (let i = spans.length - 2; i >= 0; i--) {
    const span = spans[i];
    const next = spans[i + 1];
    if (span && next && FRAMES_NEXT.test(text.slice(span.attribution.end, span.end))) {
      span.end = next.end;
      spans.splice(i + 1, 1);
    }
  }
  return spans.map(({ attribution, start, end }) => ({
    attribution,
    start,
    end,
    quotations: sentence.quotations.filter((q) => q.start >= start && q.end <= end),
    rest: text.slice(attribution.end, end).replaceAll(MASK, ' '),
    last: end === text.length,
  }));
}

function masked(sentence: Sentence): string {
  let text = sentence.text;
  for (const q of sentence.quotations)
    text = text.slice(0, q.start) + MASK.repeat(q.end - q.start) + text.slice(q.end);
  return text;
}
