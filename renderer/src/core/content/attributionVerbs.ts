/**
 * Verbs that, after AMO, the report or the Task Force, put words, wishes or intentions in their
 * mouth (issue 12). Written in the base form; every form is matched ("asks", "asked", "is
 * asking"). Verbs that mostly report a plain act ("released", "formed", "approved", "holds")
 * are left out: the release itself says AMO released the report and its Board approved it.
 */
export const ATTRIBUTION_VERBS = [
  // Saying and writing.
  'say',
  'read',
  'state',
  'note',
  'write',
  'author',
  'mention',
  'tell',
  'announce',
  'claim',
  'explain',
  'describe',
  'define',
  'summarize',
  'summarise',
  'list',
  'name',
  'call',
  'outline',
  'highlight',
  'stress',
  'emphasize',
  'emphasise',
  'underline',
  'underscore',
  'point out',
  'set out',
  'lay out',
  'spell out',
  'put forward',
  'make the case',
  'reiterate',
  'put it',
  'discuss',
  'address',
  'cover',
  'focus on',
  'show',
  'observe',
  'acknowledge',
  'identify',
  'agree',
  // Asking and wanting.
  'want',
  'ask',
  'recommend',
  'urge',
  'propose',
  'suggest',
  'advise',
  'advocate',
  'demand',
  'request',
  'encourage',
  'push for',
  'press for',
  'seek',
  'hope',
  'wish',
  'like',
  'prefer',
  'favour',
  'favor',
  'expect',
  'intend',
  'mean',
  'aim',
  'pledge',
  'promise',
  'welcome',
  // Judging and believing.
  'argue',
  'believe',
  'think',
  'feel',
  'find',
  'conclude',
  'warn',
  'caution',
  'insist',
  'maintain',
  'contend',
  'assert',
  'see',
  'consider',
  'treat',
  'frame',
  'recognize',
  'recognise',
  'predict',
  'estimate',
  'fear',
  'criticize',
  'criticise',
  'envision',
  'envisage',
  // Putting things together on purpose (issue 12: "AMO pairs funding with human resources on purpose").
  'pair',
  'tie',
  'link',
  'combine',
  'connect',
] as const;

// Forms the suffix rules below would get wrong: past tenses and participles, and -ing forms.
const IRREGULAR_PAST: Readonly<Record<string, readonly string[]>> = {
  say: ['said'],
  read: ['read'],
  write: ['wrote', 'written'],
  tell: ['told'],
  find: ['found'],
  think: ['thought'],
  feel: ['felt'],
  see: ['saw', 'seen'],
  seek: ['sought'],
  show: ['showed', 'shown'],
  lay: ['laid'],
  set: ['set'],
  put: ['put'],
  make: ['made'],
  mean: ['meant'],
  prefer: ['preferred'],
};
const IRREGULAR_ING: Readonly<Record<string, string>> = {
  set: 'setting',
  put: 'putting',
  tie: 'tying',
  prefer: 'preferring',
};

/** What a verb form is, so the rule can tell "the report says" from "readers of the report say". */
export type FormKind = 'base' | 'third' | 'past' | 'ing';

/** Every form of one verb with its kind: base, third person, past (and participle), and -ing. */
export function verbForms(base: string): Array<[form: string, kind: FormKind]> {
  const [first = '', ...rest] = base.split(' ');
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  const forms: Array<[string, FormKind]> = [
    [first, 'base'],
    [thirdPerson(first), 'third'],
    ...(IRREGULAR_PAST[first] ?? [past(first)]).map((form): [string, FormKind] => [form, 'past']),
    [IRREGULAR_ING[first] ?? ing(first), 'ing'],
  ];
  return forms.map(([form, kind]) => [`${form}${tail}`, kind]);
}

/** Each form of every verb of {@link ATTRIBUTION_VERBS}, with its kinds ("read" is base and past). */
export const FORM_KINDS: ReadonlyMap<string, ReadonlySet<FormKind>> = (() => {
  const kinds = new Map<string, Set<FormKind>>();
  for (const [form, kind] of ATTRIBUTION_VERBS.flatMap(verbForms))
    kinds.set(form, (kinds.get(form) ?? new Set<FormKind>()).add(kind));
  return kinds;
})();

function thirdPerson(word: string): string {
  if (/(?:s|sh|ch|x|z)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

function past(word: string): string {
  if (word.endsWith('e')) return `${word}d`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ied`;
  return `${word}ed`;
}

function ing(word: string): string {
  if (/[^e]e$/.test(word)) return `${word.slice(0, -1)}ing`;
  return `${word}ing`;
}
