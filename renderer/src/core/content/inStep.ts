import { parseContentMarkdown } from './bodyAnalysis';
import { compareFigures, figuresIn, frenchFigures, type Figure } from './figures';
import type { FrontMatter } from './frontMatter';
import type { ContentIssue } from './issues';
import { collapseSpaces, linkTargets, markdownParts, type MarkdownPart } from './markdownParts';
import type { ParsedDocument } from './parseFile';
import { MARKDOWN_FIELDS } from './workshopRules';

type Path = ReadonlyArray<PropertyKey>;

/** How a French number is written, said in every message about figures. */
const FRENCH_FIGURES =
  'French style: 17 262 with a no-break space (U+00A0), 2,5, 25 %, years as digits; words such as « deux » are not figures';

/**
 * The in-step check (issue 18): a French version states the same facts as its English version.
 * What is kept exactly (ids, topics, sources, related, municipal facts, numbering, workshop
 * timing and questions) must be equal; the translated text must hold the same figures, link to
 * the same places, have the same headings (levels, order), and quote English wording
 * (`[text]{lang=en}`) only word for word from the English version; `updated` must not be older
 * than the English, or the French has fallen behind.
 */
export function inStepIssues(french: ParsedDocument, english: ParsedDocument): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const fm = french.frontMatter;
  const en = english.frontMatter;
  const where = english.file.displayPath;
  const add = (path: Path, field: string, message: string, line = french.lineOf(path)) =>
    issues.push({ file: french.file.displayPath, line, field, message });

  if (fm.type !== en.type) {
    add(
      ['type'],
      'type',
      `is ${fm.type} but the English version ${where} is a ${en.type}; a French version keeps the type`,
    );
    return issues;
  }
  if (fm.updated < en.updated)
    add(
      ['updated'],
      'updated',
      `${fm.updated} is older than the English version's ${en.updated} (${where}): the English changed since this was translated; update the French version to match it, then set updated to that day`,
    );

  const keep = (path: Path, field: string, frenchValue: unknown, englishValue: unknown) => {
    if (JSON.stringify(frenchValue) !== JSON.stringify(englishValue))
      add(
        path,
        field,
        `must be exactly as in the English version ${where}: ${show(englishValue)}; found ${show(frenchValue)} (a French version translates the text, never these facts)`,
      );
  };
  keep(['topics'], 'topics', fm.topics, en.topics);
  keep(['related'], 'related', fm.related, en.related);
  const sourceFacts = (sources: FrontMatter['sources']) =>
    sources.map((s) => ({ url: s.url, date: s.date, reliability: s.reliability, lang: s.lang }));
  keep(['sources'], 'sources', sourceFacts(fm.sources), sourceFacts(en.sources));
  keepTypeFacts(fm, en, keep);
  keepListLengths(fm, en, add, where);

  checkFigures(french, english, add, where);
  if (french.bodyFrom === null) {
    checkLinks(french, english.body, add, where);
    checkHeadings(french, english, add, where);
  }
  checkSpans(french, english, add, where);
  return issues;
}

type Keep = (path: Path, field: string, frenchValue: unknown, englishValue: unknown) => void;
type Add = (path: Path, field: string, message: string, line?: number) => void;

function keepTypeFacts(fm: FrontMatter, en: FrontMatter, keep: Keep): void {
  if (fm.type === 'recommendation' && en.type === 'recommendation')
    keep(['number'], 'number', fm.number, en.number);
  if (fm.type === 'guide-step' && en.type === 'guide-step')
    keep(['step'], 'step', fm.step, en.step);
  if (fm.type === 'case-study' && en.type === 'case-study') {
    // Every municipal fact is kept; only the reason's sentence is translated.
    const facts = (m: typeof fm.municipality) => ({
      ...m,
      smallRuralNorthernReason:
        m.smallRuralNorthernReason === undefined
          ? undefined
          : { source: m.smallRuralNorthernReason.source },
    });
    keep(['municipality'], 'municipality', facts(fm.municipality), facts(en.municipality));
    keep(['years'], 'years', fm.years, en.years);
    keep(['yearsSource'], 'yearsSource', fm.yearsSource, en.yearsSource);
  }
  if (fm.type === 'workshop' && en.type === 'workshop') {
    keep(['durationMinutes'], 'durationMinutes', fm.durationMinutes, en.durationMinutes);
    if (fm.blocks.length !== en.blocks.length) {
      keep(
        ['blocks'],
        'blocks',
        count(fm.blocks.length, 'block', 'blocks'),
        count(en.blocks.length, 'block', 'blocks'),
      );
      return;
    }
    fm.blocks.forEach((block, b) => {
      const other = en.blocks[b];
      if (!other) return;
      keep(['blocks', b, 'minutes'], `blocks[${b}].minutes`, block.minutes, other.minutes);
      keep(['blocks', b, 'documents'], `blocks[${b}].documents`, block.documents, other.documents);
      // The room keys answers by question id; kind, dots and the number of options are the
      // question's shape, which a translation must not change.
      const shape = (questions: typeof block.questions) =>
        questions.map((q) => ({ id: q.id, kind: q.kind, options: q.options.length, dots: q.dots }));
      keep(
        ['blocks', b, 'questions'],
        `blocks[${b}].questions`,
        shape(block.questions),
        shape(other.questions),
      );
    });
  }
}

function keepListLengths(fm: FrontMatter, en: FrontMatter, add: Add, where: string): void {
  const lengths: Array<[string, readonly unknown[] | undefined, readonly unknown[] | undefined]> = [
    ['slides', fm.slides, en.slides],
  ];
  if (fm.type === 'guide-step' && en.type === 'guide-step')
    lengths.push(['involved', fm.involved, en.involved]);
  for (const [field, frenchList, englishList] of lengths)
    if ((frenchList?.length ?? 0) !== (englishList?.length ?? 0))
      add(
        [field],
        field,
        `has ${count(frenchList?.length ?? 0, 'entry', 'entries')} but the English version ${where} has ${englishList?.length ?? 0}; translate each entry, one for one`,
      );
}

/** The translated fields whose figures must match, as [path, field name, French, English]. */
function figureFields(fm: FrontMatter, en: FrontMatter): Array<[Path, string, string, string]> {
  const fields: Array<[Path, string, string, string]> = [
    [['title'], 'title', fm.title, en.title],
    [['summary'], 'summary', fm.summary, en.summary],
  ];
  if (fm.slides && en.slides && fm.slides.length === en.slides.length)
    fm.slides.forEach((point, i) =>
      fields.push([['slides', i], `slides[${i}]`, point, en.slides?.[i] ?? '']),
    );
  if (fm.type === 'guide-step' && en.type === 'guide-step')
    fields.push([['timeRequired'], 'timeRequired', fm.timeRequired, en.timeRequired]);
  if (fm.type === 'workshop' && en.type === 'workshop' && fm.blocks.length === en.blocks.length)
    fm.blocks.forEach((block, b) => {
      const other = en.blocks[b];
      if (!other) return;
      fields.push([['blocks', b, 'title'], `blocks[${b}].title`, block.title, other.title]);
      for (const name of MARKDOWN_FIELDS)
        fields.push([['blocks', b, name], `blocks[${b}].${name}`, block[name], other[name]]);
    });
  return fields;
}

function checkFigures(
  french: ParsedDocument,
  english: ParsedDocument,
  add: Add,
  where: string,
): void {
  const fields = figureFields(french.frontMatter, english.frontMatter);
  for (const [path, field, frenchText, englishText] of fields) {
    const difference = compareFigures(
      englishFigures(markdownParts(englishText)),
      frenchFigures(plainOf(markdownParts(frenchText))),
    );
    if (difference.missing.length > 0 || difference.extra.length > 0)
      add(path, field, figureMessage(difference, `the English ${field}`, where));
  }
  if (french.bodyFrom !== null) return;
  const frenchParts = markdownParts(french.body);
  const difference = compareFigures(
    englishFigures(markdownParts(english.body)),
    frenchFigures(plainOf(frenchParts)),
  );
  if (difference.missing.length === 0 && difference.extra.length === 0) return;
  // Point at the first paragraph holding an extra figure, else at the start of the body.
  const extra = difference.extra[0];
  const part =
    extra === undefined ? undefined : frenchParts.find((p) => !p.english && p.text.includes(extra));
  const line = french.bodyStartLine + (part ? part.line - 1 : 0);
  add(['body'], 'body', figureMessage(difference, 'the English body', where), line);
}

function englishFigures(parts: readonly MarkdownPart[]): Figure[] {
  return parts.flatMap((part) => figuresIn(part.text, 'en'));
}

/** Parts back as one text with span markup, for {@link frenchFigures} to split again. */
function plainOf(parts: readonly MarkdownPart[]): string {
  return parts.map((p) => (p.english ? `[${p.text}]{lang=en}` : ` ${p.text} `)).join('');
}

function figureMessage(
  difference: { missing: string[]; extra: string[] },
  what: string,
  where: string,
): string {
  const said = [
    ...(difference.missing.length > 0
      ? [`${what} has ${difference.missing.join(', ')}, missing here`]
      : []),
    ...(difference.extra.length > 0
      ? [
          `${difference.extra.join(', ')} ${difference.extra.length === 1 ? 'is' : 'are'} not in ${what}`,
        ]
      : []),
  ].join('; ');
  return `figures differ from the English version ${where}: ${said}. Write exactly the English figures (${FRENCH_FIGURES})`;
}

function checkLinks(french: ParsedDocument, englishBody: string, add: Add, where: string): void {
  const frenchTargets = linkTargets(french.body);
  const englishTargets = linkTargets(englishBody);
  const missing = without(englishTargets, frenchTargets);
  const extra = without(frenchTargets, englishTargets);
  if (missing.length === 0 && extra.length === 0) return;
  const said = [
    ...(missing.length > 0 ? [`the English links to ${missing.join(', ')}, missing here`] : []),
    ...(extra.length > 0 ? [`${extra.join(', ')} is not linked in the English`] : []),
  ].join('; ');
  const firstExtra = extra[0];
  const offset =
    firstExtra === undefined
      ? 0
      : Math.max(
          0,
          french.body.split('\n').findIndex((line) => line.includes(firstExtra)),
        );
  add(
    ['body'],
    'body',
    `links differ from the English version ${where}: ${said}. Keep every link of the English body, with the same doc: ids and addresses`,
    french.bodyStartLine + offset,
  );
}

/**
 * Both versions' bodies have the same headings, at the same levels, in the same order: the reader
 * keeps a reader's place across a language switch by the section's position among the headings
 * (ui/reader/useSectionAcrossLanguages.ts), since each version's anchors are slugs of its own
 * words. Reports the first heading that differs, at its line (the end of the body when the French
 * has fewer).
 */
function checkHeadings(
  french: ParsedDocument,
  english: ParsedDocument,
  add: Add,
  where: string,
): void {
  const frenchHeadings = french.analysis.headings;
  const englishHeadings = english.analysis.headings;
  const length = Math.max(frenchHeadings.length, englishHeadings.length);
  let i = 0;
  while (i < length && frenchHeadings[i]?.level === englishHeadings[i]?.level) i++;
  if (i === length) return;
  const ours = frenchHeadings[i];
  const theirs = englishHeadings[i];
  const said =
    theirs === undefined
      ? `this heading has no counterpart: the English has ${count(englishHeadings.length, 'heading', 'headings')}`
      : `the English heading ${i + 1} is ${headingMark(theirs.level)} ${JSON.stringify(theirs.text)}, ${ours === undefined ? 'missing here' : `this one is ${headingMark(ours.level)}`}`;
  const line = headingLines(french.body)[i] ?? french.body.replace(/\n+$/, '').split('\n').length;
  add(
    ['body'],
    'body',
    `headings differ from the English version ${where}: ${said}. Translate each heading of the English body, one for one, at the same level (the reader finds a section in the other language by its place among the headings)`,
    french.bodyStartLine + line - 1,
  );
}

function headingMark(level: number): string {
  return '#'.repeat(level);
}

/** The body line (1-based) of each heading of a Markdown body, in order. */
function headingLines(body: string): number[] {
  return parseContentMarkdown(body).flatMap((token) =>
    token.type === 'heading_open' && token.map ? [token.map[0] + 1] : [],
  );
}

/** The entries of `list` that `other` does not have as often, in order. */
function without(list: readonly string[], other: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const item of other) left.set(item, (left.get(item) ?? 0) + 1);
  return list.filter((item) => {
    const n = left.get(item) ?? 0;
    if (n > 0) left.set(item, n - 1);
    return n === 0;
  });
}

/** Every translated text of a document, as [path, field name, Markdown]. */
export function translatedFields(fm: FrontMatter): Array<[Path, string, string]> {
  const fields: Array<[Path, string, string]> = [
    [['title'], 'title', fm.title],
    [['summary'], 'summary', fm.summary],
  ];
  fm.slides?.forEach((point, i) => fields.push([['slides', i], `slides[${i}]`, point]));
  if (fm.type === 'glossary') {
    fields.push([['term'], 'term', fm.term]);
    fm.aliases.forEach((alias, i) => fields.push([['aliases', i], `aliases[${i}]`, alias]));
  }
  if (fm.type === 'guide-step') {
    fields.push([['timeRequired'], 'timeRequired', fm.timeRequired]);
    fm.involved.forEach((role, i) => fields.push([['involved', i], `involved[${i}]`, role]));
  }
  if (fm.type === 'case-study' && fm.municipality.smallRuralNorthernReason)
    fields.push([
      ['municipality', 'smallRuralNorthernReason', 'text'],
      'municipality.smallRuralNorthernReason.text',
      fm.municipality.smallRuralNorthernReason.text,
    ]);
  if (fm.type === 'workshop') {
    fields.push([['audience'], 'audience', fm.audience]);
    fm.blocks.forEach((block, b) => {
      fields.push([['blocks', b, 'title'], `blocks[${b}].title`, block.title]);
      for (const name of MARKDOWN_FIELDS)
        fields.push([['blocks', b, name], `blocks[${b}].${name}`, block[name]]);
      block.materials.forEach((item, i) =>
        fields.push([['blocks', b, 'materials', i], `blocks[${b}].materials[${i}]`, item]),
      );
      block.questions.forEach((q, i) => {
        fields.push([
          ['blocks', b, 'questions', i, 'prompt'],
          `blocks[${b}].questions[${i}].prompt`,
          q.prompt,
        ]);
        q.options.forEach((option, o) =>
          fields.push([
            ['blocks', b, 'questions', i, 'options', o],
            `blocks[${b}].questions[${i}].options[${o}]`,
            option,
          ]),
        );
      });
    });
  }
  return fields;
}

/**
 * Each `[text]{lang=en}` span quotes English wording, so its text must appear word for word in
 * the English version (body, summary, slides, any translated field): that keeps AMO's and the
 * municipalities' words exact, since the English version's quotations are checked against the
 * release.
 */
function checkSpans(
  french: ParsedDocument,
  english: ParsedDocument,
  add: Add,
  where: string,
): void {
  const englishText = [
    ...translatedFields(english.frontMatter).map(([, , text]) => text),
    english.body,
  ].map((text) =>
    collapseSpaces(
      markdownParts(text)
        .map((p) => p.text)
        .join(' '),
    ),
  );
  const found = (quote: string) => englishText.some((text) => text.includes(quote));
  const fields: Array<[Path, string, string, number | undefined]> = translatedFields(
    french.frontMatter,
  ).map(([path, field, text]) => [path, field, text, undefined]);
  fields.push([['body'], 'body', french.body, french.bodyStartLine]);
  for (const [path, field, text, bodyStart] of fields)
    for (const part of markdownParts(text)) {
      if (!part.english) continue;
      const quote = collapseSpaces(part.text);
      if (found(quote)) continue;
      const shown = quote.length > 70 ? `${quote.slice(0, 67)}...` : quote;
      add(
        path,
        field,
        `the English span "${shown}" is not word for word in the English version ${where}; a [text]{lang=en} span quotes the English exactly (same words, punctuation and quotation marks), so copy it from there`,
        bodyStart === undefined ? undefined : bodyStart + part.line - 1,
      );
    }
}

function show(value: unknown): string {
  return value === undefined ? '(nothing)' : JSON.stringify(value);
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
