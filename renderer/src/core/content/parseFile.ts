import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Language } from '../../../../electron/shared/language';
import { analyzeBody, type BodyAnalysis } from './bodyAnalysis';
import { checkCaseStudy } from './caseStudyRules';
import { frontMatterSchemas, type FrontMatter } from './frontMatter';
import { closestMatch, fieldName, type ContentIssue } from './issues';
import { DOC_TYPES, TYPE_FOLDERS, isDocType } from './types';
import { cleanYamlMessage } from './vocabulary';
import type { Vocabulary } from './vocabulary';
import { checkWorkshop } from './workshopRules';
import { locateYamlPath } from './yamlLocate';

/** A Markdown file to parse. */
export interface SourceFile {
  /** Path relative to the content folder, with `/` separators: `guide/guide-1-x.md`. */
  relativePath: string;
  /** How issues name the file, e.g. `content/guide/guide-1-x.md`. */
  displayPath: string;
  text: string;
}

/** A file whose front matter passed the schema, ready for the corpus-wide checks. */
export interface ParsedDocument {
  file: SourceFile;
  frontMatter: FrontMatter;
  body: string;
  analysis: BodyAnalysis;
  /** File line of the first body line (body line 1). */
  bodyStartLine: number;
  /** File line of a front-matter field (the fence line when the field is absent). */
  lineOf(path: ReadonlyArray<PropertyKey>): number;
  /** The language the file is written in: `fr` for a French version (`lang: fr`). */
  language: Language;
  /** A French version's `bodyFrom: en`: its body is the English version's (its own is empty). */
  bodyFrom: 'en' | null;
}

/** Result of parsing one file: the document when its front matter is valid, and all issues. */
export interface ParseResult {
  document: ParsedDocument | null;
  issues: ContentIssue[];
}

type Schemas = ReturnType<typeof frontMatterSchemas>;
const schemaCache = new WeakMap<Vocabulary, Schemas>();

function schemasFor(vocabulary: Vocabulary): Schemas {
  let schemas = schemaCache.get(vocabulary);
  if (!schemas) {
    schemas = frontMatterSchemas(vocabulary);
    schemaCache.set(vocabulary, schemas);
  }
  return schemas;
}

/**
 * Parses one content file: splits the `---` fences, parses the YAML with line positions,
 * validates it against the schema of its type, checks id, file name and folder, and analyses
 * the body. Every problem found is returned; nothing throws.
 *
 * `language` is the corpus the file belongs to: a French version (`content/fr/`) must say
 * `lang: fr` and may say `bodyFrom: en`; an English document (the library, a content pack) says
 * neither. Both fields are taken out before the schema, which is the same for both languages.
 */
export function parseContentFile(
  file: SourceFile,
  vocabulary: Vocabulary,
  language: Language = 'en',
): ParseResult {
  const issue = (line: number, field: string, message: string): ContentIssue => ({
    file: file.displayPath,
    line,
    field,
    message,
  });
  const text = file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---')
    return {
      document: null,
      issues: [
        issue(
          1,
          'front matter',
          "is missing; start the file with a line '---', the YAML fields, then '---'",
        ),
      ],
    };
  const closing = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (closing === -1)
    return {
      document: null,
      issues: [issue(1, 'front matter', "is not closed; add a line '---' after the last field")],
    };

  // The body is checked even when the front matter is broken, so one run lists everything.
  const body = lines.slice(closing + 1).join('\n');
  const bodyStartLine = closing + 2;
  const analysis = analyzeBody(body);
  const bodyIssues = analysis.problems.map((problem) =>
    issue(bodyStartLine + problem.line - 1, 'body', problem.message),
  );
  const failed = (issues: ContentIssue[]): ParseResult => ({
    document: null,
    issues: [...issues, ...bodyIssues],
  });

  // The YAML starts on file line 2; pad with one newline so the line counter matches the file.
  const lineCounter = new LineCounter();
  const yamlText = `\n${lines.slice(1, closing).join('\n')}\n`;
  const yamlDoc = parseDocument(yamlText, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (yamlDoc.errors.length > 0)
    return failed(
      uniqueIssues(
        yamlDoc.errors.map((error) =>
          issue(
            error.linePos?.[0].line ?? 1,
            'front matter',
            `YAML error: ${cleanYamlMessage(error.message)}; check indentation and quote values containing ': ' or '#'`,
          ),
        ),
      ),
    );
  const lineOf = (path: ReadonlyArray<PropertyKey>) =>
    locateYamlPath(yamlDoc, lineCounter, path, 1);
  const raw: unknown = yamlDoc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return failed([issue(1, 'front matter', 'must be a set of `field: value` lines')]);

  const type = (raw as Record<string, unknown>).type;
  if (!isDocType(type)) {
    const guess = typeof type === 'string' ? closestMatch(type, DOC_TYPES) : undefined;
    // A list or a mapping in its place is shown as written, not as "[object Object]".
    const shown = typeof type === 'string' ? type : JSON.stringify(type);
    const message =
      type === undefined
        ? `is missing; add one of: ${DOC_TYPES.join(', ')}`
        : `'${shown}' is not a document type; ${guess ? `did you mean '${guess}'? ` : ''}use one of: ${DOC_TYPES.join(', ')}`;
    return failed([issue(lineOf(['type']), 'type', message)]);
  }

  const { lang, bodyFrom, ...fields } = raw as Record<string, unknown>;
  const languageIssues = checkLanguageFields(
    { lang, bodyFrom, language, hasLang: 'lang' in raw, hasBodyFrom: 'bodyFrom' in raw },
    body,
    bodyStartLine,
    lineOf,
    issue,
  );
  const schema: z.ZodType = schemasFor(vocabulary)[type];
  const result = schema.safeParse(fields, { reportInput: true });
  if (!result.success)
    return failed([
      ...languageIssues,
      ...result.error.issues.flatMap((zodIssue) =>
        describeZodIssue(zodIssue, raw, type, lineOf, issue),
      ),
    ]);

  const frontMatter = result.data as FrontMatter;
  const issues: ContentIssue[] = [...languageIssues];
  const fileName = file.relativePath.split('/').pop()?.replace(/\.md$/, '') ?? '';
  if (frontMatter.id !== fileName)
    issues.push(
      issue(
        lineOf(['id']),
        'id',
        `'${frontMatter.id}' must equal the file name '${fileName}'; rename the file or change the id`,
      ),
    );
  const folder = file.relativePath.split('/').slice(0, -1).join('/');
  if (folder !== TYPE_FOLDERS[type])
    issues.push(
      issue(
        lineOf(['type']),
        'type',
        `documents of type ${type} live in content/${TYPE_FOLDERS[type]}/, not ${folder === '' ? 'the top folder' : `${folder}/`}; move the file or fix the type`,
      ),
    );

  if (frontMatter.type === 'workshop') issues.push(...checkWorkshop(frontMatter, lineOf, issue));
  if (frontMatter.type === 'case-study') issues.push(...checkCaseStudy(frontMatter, lineOf, issue));

  return {
    document: {
      file,
      frontMatter,
      body,
      analysis,
      bodyStartLine,
      lineOf,
      language,
      bodyFrom: language === 'fr' && bodyFrom === 'en' ? 'en' : null,
    },
    issues: [...issues, ...bodyIssues],
  };
}

/**
 * `lang` and `bodyFrom` belong to French versions only: required `lang: fr` under content/fr/,
 * refused elsewhere; `bodyFrom: en` takes the English version's body, so the file's own must be
 * empty (two bodies would drift apart unseen).
 */
function checkLanguageFields(
  fields: {
    lang: unknown;
    bodyFrom: unknown;
    language: Language;
    hasLang: boolean;
    hasBodyFrom: boolean;
  },
  body: string,
  bodyStartLine: number,
  lineOf: (path: ReadonlyArray<PropertyKey>) => number,
  issue: IssueFactory,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  if (fields.language === 'en') {
    if (fields.hasLang)
      issues.push(
        issue(
          lineOf(['lang']),
          'lang',
          'is only for French versions under content/fr/; an English document has no lang, so remove it (or move the file to content/fr/<folder>/)',
        ),
      );
    if (fields.hasBodyFrom)
      issues.push(
        issue(
          lineOf(['bodyFrom']),
          'bodyFrom',
          'is only for French versions under content/fr/ that show the English body; remove it',
        ),
      );
    return issues;
  }
  if (fields.lang !== 'fr')
    issues.push(
      issue(
        lineOf(['lang']),
        'lang',
        fields.hasLang
          ? `must be fr in a French version under content/fr/; found ${JSON.stringify(fields.lang)}`
          : 'is required in a French version under content/fr/; add `lang: fr` after type:',
      ),
    );
  if (fields.hasBodyFrom && fields.bodyFrom !== 'en')
    issues.push(
      issue(
        lineOf(['bodyFrom']),
        'bodyFrom',
        `must be en (the body is the English version's) or left out (the body is translated); found ${JSON.stringify(fields.bodyFrom)}`,
      ),
    );
  if (fields.bodyFrom === 'en' && body.trim() !== '') {
    const offset = body.split('\n').findIndex((line) => line.trim() !== '');
    issues.push(
      issue(
        bodyStartLine + Math.max(0, offset),
        'body',
        'must be empty with bodyFrom: en (the English body is shown); delete the text after the closing --- or remove bodyFrom to publish a translated body',
      ),
    );
  }
  return issues;
}

type IssueFactory = (line: number, field: string, message: string) => ContentIssue;

/** Turns a zod issue into author-facing issues (one per unknown key). */
function describeZodIssue(
  zodIssue: z.core.$ZodIssue,
  raw: unknown,
  type: string,
  lineOf: (path: ReadonlyArray<PropertyKey>) => number,
  issue: IssueFactory,
): ContentIssue[] {
  const path = zodIssue.path;
  if (zodIssue.code === 'unrecognized_keys')
    return zodIssue.keys.map((key) =>
      issue(
        lineOf([...path, key]),
        fieldName([...path, key]),
        `is not a field of ${path.length === 0 ? `a ${type} document` : fieldName(path)}; remove it or fix its spelling (see content/README.md)`,
      ),
    );
  const line = lineOf(path);
  const field = fieldName(path);
  if (
    (zodIssue.code === 'invalid_type' || zodIssue.code === 'invalid_union') &&
    !hasPath(raw, path)
  )
    return [
      issue(line, field, `is required for a ${type} document; add it (see content/README.md)`),
    ];
  if (zodIssue.code === 'invalid_type' && zodIssue.message.startsWith('Invalid input'))
    return [
      issue(
        line,
        field,
        `must be ${describeExpected(zodIssue.expected)}; found ${describeValue(getPath(raw, path))}`,
      ),
    ];
  return [issue(line, field, zodIssue.message)];
}

function describeExpected(expected: string): string {
  if (expected === 'array') return 'a list, e.g. [a, b]';
  if (expected === 'object') return 'a set of indented `field: value` lines';
  if (expected === 'int') return 'a whole number';
  return `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function getPath(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function hasPath(value: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  return getPath(value, path) !== undefined;
}

/** yaml can report one mistake twice at the same spot; show it once. */
function uniqueIssues(issues: ContentIssue[]): ContentIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.line}\u0000${i.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
