import { ATTRIBUTION_VERBS, verbForms } from './attributionVerbs';
import { lineAt, proseBlocks, type ProseBlock } from './proseBlocks';
import { RELEASE_PATH, matchQuote, type ReleaseText } from './releaseText';
import { findQuotations, splitSentences, type Sentence } from './sentences';

/** Whose words the rule protects, as messages name them. */
export type Speaker = 'AMO' | 'the report' | 'the Task Force';

/** A place in a sentence where AMO, the report or the Task Force is said to say or want something. */
export interface Attribution {
  speaker: Speaker;
  /** The words from the subject to the verb, as written (e.g. "AMO wants"). */
  phrase: string;
  /** Offset of the phrase in the sentence. */
  start: number;
}

/** A sentence that breaks the rule, with its 1-based line in the Markdown checked. */
export interface AttributionProblem {
  line: number;
  /** The attributing words as written, to find them again in a folded YAML field. */
  phrase: string;
  message: string;
}

// Subjects, case-sensitive so "amo" inside a word or a lower-case "report" heading stays out.
// "the report" includes its parts: its numbered recommendations, and "the report's ..." below.
const SUBJECTS = {
  amo: String.raw`AMO|[Tt]he Association of Municipalities of Ontario`,
  report: String.raw`(?:[Tt]he )?#?OnMuni Online(?: report)?(?! report)|[Tt]he (?:AMO |full |2017 )?report|[Tt]his recommendation|[Tt]he (?:first|second|third|fourth|fifth|last|final) recommendation`,
  taskForce: String.raw`[Tt]he (?:AMO |Digital Government )?[Tt]ask [Ff]orce|Digital Government Task Force`,
};
const SUBJECT = String.raw`(?<![\w#'\u2019-])(?:(?<amo>${SUBJECTS.amo})|(?<report>${SUBJECTS.report})|(?<taskForce>${SUBJECTS.taskForce}))(?![\w-])`;
// "AMO's own Executive Summary", "the report's third recommendation": up to three words.
const POSSESSIVE = String.raw`(?:['\u2019]s?(?:\s+[\w#-]+){1,3}?)?`;
// ", set up in 2016," between the subject and its verb.
const PARENTHESIS = String.raw`(?:\s*,[^,.;:!?\u2022]{1,80},)?`;
const RELATIVE = String.raw`(?:\s*,?\s+(?:which|that|who))?`;
const HELPERS = String.raw`(?:\s+(?:also|further|then|again|itself|explicitly|specifically|clearly|directly|repeatedly|strongly|rightly|even|only|already|still|therefore|thus|simply|firmly|mainly|largely|in effect|not|never|cannot|does|did|do|will|would|could|can|should|may|might|must|has|have|had|[a-z]+n['\u2019]t))*`;
const FORMS = ATTRIBUTION_VERBS.flatMap(verbForms).sort((a, b) => b.length - a.length);
const IS_ING = (form: string) => /^\w+ing(?: |$)/.test(form);
const VERB = String.raw`\s+(?:${FORMS.filter((f) => !IS_ING(f)).join('|')}|(?:is|are|was|were)\s+(?:${FORMS.filter(IS_ING).join('|')}))(?![\w-])`;
const TAIL = `${POSSESSIVE}${PARENTHESIS}${RELATIVE}${HELPERS}${VERB}`;

// Quoted words are the speaker's, not the sentence's own grammar: mask them before looking.
const MASK = '\u2022';
/** "AMO wants", "the report's third recommendation, which asks", "the Task Force, set up in 2016, wrote". */
const SAYS = new RegExp(`${SUBJECT}${TAIL}`, 'g');
/** "According to AMO, ...", "In the words of AMO's release, ...". */
const ACCORDING = new RegExp(String.raw`(?:[Aa]ccording to|[Ii]n the words of)\s+${SUBJECT}`, 'g');
/** "AMO's third recommendation to the Province is "..."": the quotation is given as theirs. */
const QUOTES_AS = new RegExp(
  String.raw`${SUBJECT}(?:['\u2019]s?)?(?:[\s,]+[\w#-]+){0,6}?\s+(?:is|are|was|were|reads?)(?=[:,]?\s*(?:${MASK}|$))`,
  'g',
);
/** "It notes ..." right after a sentence about AMO, the report or the Task Force. */
const PRONOUN_SAYS = new RegExp(
  String.raw`^(?:It|They|Its(?:\s+[\w#-]+){1,3}?)${PARENTHESIS}${RELATIVE}${HELPERS}${VERB}`,
);
const OPENS_WITH = new RegExp(String.raw`^(?:[^,]{0,30},\s*)?${SUBJECT}`);
// "Stick to what the report says" points at the source; it does not put words in its mouth
// (unless a colon follows: "what the report says: ..." goes on to say it).
const POINTS_AT = /\b(?:what|how|whether|why|where)\s+$/i;
// "The release does not say" reports an absence, which is what careful writing should do.
const NEGATED = /\b(?:not|never|cannot)\b|n['\u2019]t\b/;

/**
 * Finds where a sentence attributes words or wishes to AMO, the report or the Task Force, or
 * null. `previous` (the sentence before, in the same block) lets "It notes ..." count.
 */
export function findAttribution(sentence: Sentence, previous?: Sentence): Attribution | null {
  const text = masked(sentence);
  for (const match of [
    ...text.matchAll(SAYS),
    ...text.matchAll(ACCORDING),
    ...text.matchAll(QUOTES_AS),
  ].sort((a, b) => a.index - b.index)) {
    const pointsAt =
      POINTS_AT.test(text.slice(0, match.index)) &&
      !/^\s*:/.test(text.slice(match.index + match[0].length));
    if (pointsAt || NEGATED.test(match[0])) continue;
    return { speaker: speakerOf(match), phrase: match[0].trim(), start: match.index };
  }
  const pronoun = PRONOUN_SAYS.exec(text);
  const speaker = previous && pronoun && !NEGATED.test(pronoun[0]) ? topicOf(previous) : null;
  return speaker ? { speaker, phrase: pronoun?.[0].trim() ?? '', start: 0 } : null;
}

/**
 * Who "It" or "They" most likely means in the next sentence: the speaker when this sentence
 * attributes something to them or opens with them ("In 2016, AMO formed ..."). A passing mention
 * ("the Town of Lincoln, home of one of the report's co-chairs, ...") is not the topic.
 */
function topicOf(sentence: Sentence): Speaker | null {
  const attribution = findAttribution(sentence);
  if (attribution) return attribution.speaker;
  const opening = OPENS_WITH.exec(masked(sentence));
  return opening ? speakerOf(opening) : null;
}

function speakerOf(match: RegExpExecArray | RegExpMatchArray): Speaker {
  if (match.groups?.amo !== undefined) return 'AMO';
  if (match.groups?.report !== undefined) return 'the report';
  return 'the Task Force';
}

function masked(sentence: Sentence): string {
  let text = sentence.text;
  for (const q of sentence.quotations)
    text = text.slice(0, q.start) + MASK.repeat(q.end - q.start) + text.slice(q.end);
  return text;
}

/**
 * Checks Markdown prose against the attribution rule of issue 12: a sentence that attributes
 * words or wishes to AMO, the report or the Task Force must quote the release (every quotation
 * in it matching), or sit in a labelled block. `release` null means the shipped text is missing:
 * no quotation can be confirmed.
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
    sentences.forEach((sentence, index) => {
      const attribution = findAttribution(sentence, sentences[index - 1]);
      if (!attribution) return;
      const isLast = index === sentences.length - 1;
      const message = judge(attribution, sentence, isLast ? block.follower : null, block, release);
      if (message !== null)
        problems.push({
          line: lineAt(block, sentence.start + attribution.start),
          phrase: attribution.phrase,
          message,
        });
    });
  }
  return problems;
}

function judge(
  attribution: Attribution,
  sentence: Sentence,
  follower: ProseBlock['follower'],
  block: ProseBlock,
  release: ReleaseText | null,
): string | null {
  const quotes = sentence.quotations.map((q) => q.text);
  let unquotedItems = 0;
  if (follower?.kind === 'blockquote') quotes.push(follower.text);
  if (follower?.kind === 'list')
    for (const item of follower.items) {
      const found = findQuotations(item);
      if (found.length === 0) unquotedItems += 1;
      quotes.push(...found.map((q) => q.text));
    }
  const shown = `"${shorten(attribution.phrase, 60)} ..."`;
  const wrong = quotes.find((quote) => release === null || matchQuote(quote, release) === 'absent');
  if (wrong !== undefined)
    return release === null
      ? `${shown} quotes ${attribution.speaker}, but the release text (${RELEASE_PATH} in the content folder) is missing, so the quotation cannot be checked; restore the file`
      : `${shown} quotes "${shorten(wrong, 50)}" as words of ${attribution.speaker}, but the release does not contain them; copy the release's words exactly (case, quote marks and spacing may differ; "..." may join two passages) or drop the quotation marks and label the sentence as this toolkit's reading`;
  // A word or two of the release ("digital") shows nothing of what was said.
  const quotesEnough = release !== null && quotes.some((q) => matchQuote(q, release) === 'match');
  if (block.labelled || (quotesEnough && unquotedItems === 0)) return null;
  const otherReport =
    attribution.speaker === 'the report'
      ? ' (if another report is meant, name it, e.g. "the KPMG report")'
      : '';
  return `${shown} attributes words to ${attribution.speaker} that are not in the release${otherReport}; quote the release exactly or move it under a "This toolkit's reading" heading (or start the paragraph with **This toolkit's reading:**)`;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3).trimEnd()}...` : flat;
}
