import { FORM_KINDS } from './attributionVerbs';

/** Whose words the rule protects, as messages name them. */
export type Speaker = 'AMO' | 'the report' | 'the Task Force';

// Subjects, case-sensitive so "amo" inside a word or a lower-case "report" heading stays out.
// AMO includes its officers ("AMO President Lynn Dollin"), "the Association" (this toolkit
// names any other association in full) and its release ("the release", "AMO's press release";
// a municipality's own release is "the town's release", which does not match). "The report"
// includes its parts: its numbered recommendations, and "the report's ..." below.
const SUBJECTS = {
  amo: String.raw`(?:AMO['\u2019]s |[Tt]he )(?:press |news )?release|AMO(?:\s+(?<officer>President|Executive Director|CEO|Board members?|staff|spokesperson)(?:\s+[A-Z][\w.'\u2019-]*){0,3})?|[Tt]he Association of Municipalities of Ontario|[Tt]he Association(?!\s+of\b)`,
  report: String.raw`(?:[Tt]he )?#?OnMuni Online(?: report)?(?! report)|[Tt]he (?:AMO |full |2017 )?report|[Tt]his recommendation|[Tt]he (?:first|second|third|fourth|fifth|last|final) recommendation`,
  taskForce: String.raw`[Tt]he (?:AMO |Digital Government )?[Tt]ask [Ff]orce|Digital Government Task Force`,
};
const SUBJECT = String.raw`(?<![\w#'\u2019-])(?:(?<amo>${SUBJECTS.amo})|(?<report>${SUBJECTS.report})|(?<taskForce>${SUBJECTS.taskForce}))(?![\w-])`;
// "AMO and the Province want": the words are still AMO's, and the verb is plural.
const COORDINATED = String.raw`(?<plural>\s+and\s+(?:(?:the|its|their|other)\s+)?(?:[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3}|municipalities|members|councils|partners|others))?`;
// "AMO's own Executive Summary", "the report's third recommendation": up to three words.
const POSSESSIVE = String.raw`(?<possessive>['\u2019]s?(?:\s+[\w#-]+){1,3}?)?`;
// ", set up in 2016," or ", not the Province," between the subject and its verb.
const PARENTHESIS = String.raw`(?:\s*,[^,.;:!?\u2022]{1,80},)?`;
const RELATIVE = String.raw`(?:\s*,?\s+(?:which|that|who))?`;
const AUXILIARY = String.raw`does|did|do|will|would|could|can|should|may|might|must|has|have|had|cannot|[a-z]+n['\u2019]t`;
const HELPERS = String.raw`(?<helpers>(?:\s+(?:also|further|then|again|itself|explicitly|specifically|clearly|directly|repeatedly|strongly|rightly|even|just|merely|only|already|still|therefore|thus|simply|firmly|mainly|largely|in effect|not|never|${AUXILIARY}))*)`;
const FORMS = [...FORM_KINDS.keys()].sort((a, b) => b.length - a.length);
const IS_ING = (form: string) => FORM_KINDS.get(form)?.has('ing') === true;
const VERB = String.raw`\s+(?:(?<verb>${FORMS.filter((f) => !IS_ING(f)).join('|')})|(?<be>is|are|was|were)\s+(?:${FORMS.filter(IS_ING).join('|')}))(?![\w-])`;
const TAIL = `${COORDINATED}${POSSESSIVE}${PARENTHESIS}${RELATIVE}${HELPERS}${VERB}`;

/** Quoted words are the speaker's, not the sentence's own grammar: they are masked with this. */
export const MASK = '\u2022';

/** "AMO wants", "the report's third recommendation, which asks", "the Task Force, set up in 2016, wrote". */
const SAYS = new RegExp(`${SUBJECT}${TAIL}`, 'g');
/** "AMO is clear: ...", "the report is explicit that ...". */
const STANCE = new RegExp(
  String.raw`${SUBJECT}${COORDINATED}${POSSESSIVE}${PARENTHESIS}\s+(?<be>is|are|was|were)\s+(?:(?:very|quite|also)\s+)?(?:clear|explicit|firm|adamant|emphatic|blunt|unequivocal|convinced)(?=\s*:|\s+(?:that|about|on)\b)`,
  'g',
);
/** "According to AMO, ...", "In the words of AMO's release, ...". */
const ACCORDING = new RegExp(
  String.raw`(?:[Aa]ccording to|[Ii]n the (?:words|view|opinion) of)\s+${SUBJECT}`,
  'g',
);
/** "In AMO's view, ...", "From the Task Force's perspective, ...". */
const IN_VIEW = new RegExp(
  String.raw`(?:[Ii]n|[Ff]rom)\s+${SUBJECT}['\u2019]s?\s+(?:own\s+)?(?:view|opinion|words|eyes|judge?ment|assessment|perspective|point of view)\b`,
  'g',
);
/** "AMO's third recommendation to the Province is "..."": the quotation is given as theirs. */
const QUOTES_AS = new RegExp(
  String.raw`${SUBJECT}(?:['\u2019]s?)?(?:[\s,]+[\w#-]+){0,6}?\s+(?:is|are|was|were|reads?)(?=[:,]?\s*(?:${MASK}|$))`,
  'g',
);
/** "It notes ..." or "it wants ..." opening a sentence or a clause after ";". */
const PRONOUN_SAYS = new RegExp(
  String.raw`^(?:(?<it>[Ii]t)|(?<they>[Tt]hey)|[Ii]ts(?:\s+[\w#-]+){1,3}?)${PARENTHESIS}${RELATIVE}${HELPERS}${VERB}`,
);
const OPENS_WITH = new RegExp(String.raw`^(?:[^,]{0,30},\s*)?${SUBJECT}`);
const NAMES = new RegExp(SUBJECT);
// "Stick to what the report says" points at the source; it does not put words in its mouth
// (unless a colon follows: "what the report says: ..." goes on to say it).
const POINTS_AT = /\b(?:what|how|whether|why|where)\s+$/i;
// "Do not say the Task Force wrote it" warns against a claim; it does not make it.
const NOT_SAID =
  /(?:\bnot|\bnever|n['\u2019]t)\s+(?:say|claim|write|suggest|imply|state)\s+(?:that\s+)?$/i;
// "Our reading of the report suggests", "Municipalities that read the report say": the report
// is an object there, not the one speaking.
const OBJECT_OF = /\b(?:of|read|from|about|in)\s+$/i;
// "The release does not say" reports an absence, which careful writing should do; only the
// auxiliaries right before the verb count, and "does not just want" still says it wants.
const NEGATED = /(?:\b(?:not|never|cannot)|n['\u2019]t)(?!\s+(?:just|merely|only|simply)\b)\b/;
const HAS_AUXILIARY = new RegExp(String.raw`\b(?:${AUXILIARY})\b`);

/** A place in a sentence where AMO, the report or the Task Force is said to say or want something. */
export interface Attribution {
  speaker: Speaker;
  /** The words from the subject to the verb, as written (e.g. "AMO wants"). */
  phrase: string;
  /** Offset of the phrase in the text searched. */
  start: number;
  /** Offset just after the phrase. */
  end: number;
}

/**
 * Every attribution in a run of masked text (a sentence, or a clause after ";"), in order and
 * not overlapping. `topic` is who "It" or "They" at its start would mean, if anyone.
 */
export function findAttributions(text: string, topic: Speaker | null): Attribution[] {
  const found: Attribution[] = [];
  const matches = [
    ...text.matchAll(SAYS),
    ...text.matchAll(STANCE),
    ...text.matchAll(ACCORDING),
    ...text.matchAll(IN_VIEW),
    ...text.matchAll(QUOTES_AS),
  ].sort((a, b) => a.index - b.index);
  for (const match of matches) {
    const before = text.slice(0, match.index);
    const after = text.slice(match.index + match[0].length);
    if (found.some((f) => match.index < f.end)) continue;
    if (POINTS_AT.test(before) && !/^\s*:/.test(after)) continue;
    if (NOT_SAID.test(before)) continue;
    if (match.groups?.possessive === undefined && OBJECT_OF.test(before)) continue;
    if (!speaks(match, subjectNumber(match))) continue;
    found.push(attributionOf(match, speakerOf(match)));
  }
  const pronoun = topic === null || found[0]?.start === 0 ? null : PRONOUN_SAYS.exec(text);
  const number = pronoun?.groups?.it ? 'one' : pronoun?.groups?.they ? 'more' : null;
  if (pronoun && topic !== null && speaks(pronoun, number))
    found.unshift(attributionOf(pronoun, topic));
  return found;
}

/** How many speak, when the subject shows it ("AMO" one, "AMO and the Province" more); null when not. */
type SubjectNumber = 'one' | 'more' | null;

/** "AMO and the Province" are more than one; "AMO staff" or "AMO Board members" may be either. */
function subjectNumber(match: RegExpExecArray | RegExpMatchArray): SubjectNumber {
  if (match.groups?.plural !== undefined) return 'more';
  return /members|staff/.test(match.groups?.officer ?? '') ? null : 'one';
}

/**
 * The verb is affirmed and agrees with its subject: "AMO wants", "AMO and the Province want",
 * but not "readers of the report say". A possessive ("the report's recommendations ask") hides
 * the number, and an auxiliary ("AMO does not just want") takes any form.
 */
function speaks(match: RegExpExecArray | RegExpMatchArray, number: SubjectNumber): boolean {
  const groups = match.groups ?? {};
  const helpers = groups.helpers ?? '';
  if (NEGATED.test(helpers)) return false;
  if (number === null || groups.possessive !== undefined || HAS_AUXILIARY.test(helpers))
    return true;
  if (groups.be !== undefined) return (number === 'more') === /^(?:are|were)$/.test(groups.be);
  if (groups.verb === undefined) return true;
  const kinds = FORM_KINDS.get(groups.verb);
  return kinds?.has('past') === true || kinds?.has(number === 'more' ? 'base' : 'third') === true;
}

function attributionOf(match: RegExpExecArray | RegExpMatchArray, speaker: Speaker): Attribution {
  const start = match.index ?? 0;
  return { speaker, phrase: match[0].trim(), start, end: start + match[0].length };
}

/** Who a text opening with AMO, the report or the Task Force ("In 2016, AMO formed ...") is about. */
export function openingSpeaker(text: string): Speaker | null {
  const opening = OPENS_WITH.exec(text);
  return opening ? speakerOf(opening) : null;
}

/** The first of AMO, the report or the Task Force a text names, if any. */
export function namedSpeaker(text: string): Speaker | null {
  const named = NAMES.exec(text);
  return named ? speakerOf(named) : null;
}

function speakerOf(match: RegExpExecArray | RegExpMatchArray): Speaker {
  if (match.groups?.amo !== undefined) return 'AMO';
  if (match.groups?.report !== undefined) return 'the report';
  return 'the Task Force';
}
