import type { DocId } from './ids';
import { closestMatch, type ContentIssue } from './issues';
import type { ParsedDocument } from './parseFile';

/** Result of the corpus-wide checks: issues, and who links to whom. */
export interface CorpusCheck {
  issues: ContentIssue[];
  /** References to ids no document has, when `unknownReferences` is `'warning'`. */
  warnings: ContentIssue[];
  /** For each document id, the ids of documents that link to it or list it in `related`. */
  backlinks: Map<DocId, DocId[]>;
}

/**
 * Checks what no single file can: unique ids, `related` ids and `doc:` links that resolve (and
 * their `#section` to a heading of the target), in-page anchors, guide steps numbered 1..N with
 * no gaps, unique recommendation numbers and unique glossary terms.
 */
export function validateCorpus(
  documents: readonly ParsedDocument[],
  /** Ids of files that exist but failed to parse: links to them are not reported twice. */
  unparsedIds: ReadonlySet<string> = new Set(),
  /**
   * What a reference to an unknown id is: an issue (the bundled library, which must be whole),
   * or a warning (a content pack, whose links may point at documents of a library version it was
   * not checked against). Warnings give no "did you mean": with up to 20,000 documents in a pack
   * the edit-distance search per link would not run in bounded time.
   */
  unknownReferences: 'issue' | 'warning' = 'issue',
  /**
   * Documents references may resolve to without being checked here: the English library, for a
   * French version that links a document whose French version is not written yet (its absence
   * is reported once, as a missing French version, not at every link to it).
   */
  fallback: ReadonlyMap<string, ParsedDocument> = new Map(),
): CorpusCheck {
  const issues: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  const issue = (doc: ParsedDocument, line: number, field: string, message: string) =>
    issues.push({ file: doc.file.displayPath, line, field, message });
  const unknown = (
    doc: ParsedDocument,
    line: number,
    field: string,
    target: string,
    prefix = '',
  ) =>
    unknownReferences === 'issue'
      ? issue(doc, line, field, `${prefix}${unknownIdMessage(target, byId)}`)
      : warnings.push({
          file: doc.file.displayPath,
          line,
          field,
          message: `${prefix}no document in the pack or the library has the id '${target}'`,
        });

  const byId = new Map<string, ParsedDocument>();
  const resolve = (id: string) => byId.get(id) ?? fallback.get(id);
  for (const doc of sortByPath(documents)) {
    const first = byId.get(doc.frontMatter.id);
    if (first)
      issue(
        doc,
        doc.lineOf(['id']),
        'id',
        `'${doc.frontMatter.id}' is already used by ${first.file.displayPath}; ids must be unique`,
      );
    else byId.set(doc.frontMatter.id, doc);
  }

  const backlinks = new Map<DocId, Set<DocId>>();
  const addBacklink = (from: DocId, to: DocId) => {
    if (from === to) return;
    const set = backlinks.get(to) ?? new Set<DocId>();
    set.add(from);
    backlinks.set(to, set);
  };

  for (const doc of documents) {
    const own = doc.frontMatter.id;
    doc.frontMatter.related.forEach((target, index) => {
      const line = doc.lineOf(['related', index]);
      if (target === own)
        issue(doc, line, `related[${index}]`, 'lists the document itself; remove it');
      else if (unparsedIds.has(target)) return;
      else if (!resolve(target)) unknown(doc, line, `related[${index}]`, target);
      else addBacklink(own, target);
    });
    if (doc.frontMatter.type === 'workshop')
      checkBlockDocuments(
        doc,
        doc.frontMatter.blocks,
        resolve,
        unparsedIds,
        issue,
        unknown,
        addBacklink,
      );
    for (const link of doc.analysis.links) {
      const line = doc.bodyStartLine + link.line - 1;
      const target = link.id === null ? doc : resolve(link.id);
      if (!target && link.id !== null && unparsedIds.has(link.id)) continue;
      if (!target) {
        unknown(doc, line, 'body', link.id ?? '', `link doc:${link.id ?? ''}: `);
        continue;
      }
      if (link.section !== null && !target.analysis.headings.some((h) => h.slug === link.section)) {
        const slugs = target.analysis.headings.map((h) => h.slug);
        const where = link.id === null ? 'this document' : `doc:${link.id}`;
        issue(
          doc,
          line,
          'body',
          `link to #${link.section}: ${where} has no heading with that slug; use one of: ${slugs.length > 0 ? slugs.join(', ') : '(it has no headings; link the document without #)'}`,
        );
      }
      if (link.id !== null) addBacklink(own, target.frontMatter.id);
    }
  }

  checkNumbering(documents, issue);
  checkUniqueTerms(documents, issue);

  const sortedBacklinks = new Map<DocId, DocId[]>();
  for (const [id, from] of backlinks) sortedBacklinks.set(id, [...from].sort());
  return { issues, warnings, backlinks: sortedBacklinks };
}

type IssueAdder = (doc: ParsedDocument, line: number, field: string, message: string) => void;
type UnknownAdder = (doc: ParsedDocument, line: number, field: string, target: string) => void;

/**
 * Each block's `documents` must name existing documents other than workshops (a block presents
 * documents; a workshop inside a workshop has no slides of its own). They count as backlinks, so
 * a document can show the workshops that use it.
 */
function checkBlockDocuments(
  doc: ParsedDocument,
  blocks: ReadonlyArray<{ documents: readonly DocId[] }>,
  resolve: (id: string) => ParsedDocument | undefined,
  unparsedIds: ReadonlySet<string>,
  issue: IssueAdder,
  unknown: UnknownAdder,
  addBacklink: (from: DocId, to: DocId) => void,
): void {
  const own = doc.frontMatter.id;
  blocks.forEach((block, b) =>
    block.documents.forEach((target, index) => {
      const path = ['blocks', b, 'documents', index];
      const field = `blocks[${b}].documents[${index}]`;
      const found = resolve(target);
      if (unparsedIds.has(target) && !found) return;
      if (!found) unknown(doc, doc.lineOf(path), field, target);
      else if (found.frontMatter.type === 'workshop')
        issue(
          doc,
          doc.lineOf(path),
          field,
          `'${target}' is a workshop${target === own ? ' (this one)' : ''}; list the documents it presents instead`,
        );
      else addBacklink(own, target);
    }),
  );
}

function checkNumbering(documents: readonly ParsedDocument[], issue: IssueAdder): void {
  const steps: Array<[number, ParsedDocument]> = [];
  const numbers: Array<[number, ParsedDocument]> = [];
  for (const doc of sortByPath(documents)) {
    const fm = doc.frontMatter;
    if (fm.type === 'guide-step') steps.push([fm.step, doc]);
    if (fm.type === 'recommendation') numbers.push([fm.number, doc]);
  }
  reportDuplicates(steps, 'step', 'guide step', issue);
  reportDuplicates(numbers, 'number', 'recommendation', issue);
  // Steps must read 1, 2, 3, ... N: the first step after a gap names the missing numbers.
  const present = new Set(steps.map(([step]) => step));
  for (const [step, doc] of steps) {
    const missing: number[] = [];
    for (let n = step - 1; n >= 1 && !present.has(n); n--) missing.unshift(n);
    if (missing.length > 0)
      issue(
        doc,
        doc.lineOf(['step']),
        'step',
        `guide steps must run 1, 2, 3, ... with no gaps, but step ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing; renumber this step or add the missing one`,
      );
  }
}

function reportDuplicates(
  entries: ReadonlyArray<[number, ParsedDocument]>,
  field: string,
  what: string,
  issue: IssueAdder,
): void {
  const firstWith = new Map<number, ParsedDocument>();
  for (const [value, doc] of entries) {
    const first = firstWith.get(value);
    if (first)
      issue(
        doc,
        doc.lineOf([field]),
        field,
        `${value} is already the ${field} of ${what} ${first.file.displayPath}; each ${what} needs its own ${field}`,
      );
    else firstWith.set(value, doc);
  }
}

function checkUniqueTerms(documents: readonly ParsedDocument[], issue: IssueAdder): void {
  const owner = new Map<string, ParsedDocument>();
  for (const doc of sortByPath(documents)) {
    const fm = doc.frontMatter;
    if (fm.type !== 'glossary') continue;
    const names: Array<[string, ReadonlyArray<PropertyKey>]> = [
      [fm.term, ['term']],
      ...fm.aliases.map((alias, i): [string, ReadonlyArray<PropertyKey>] => [
        alias,
        ['aliases', i],
      ]),
    ];
    for (const [name, path] of names) {
      const key = name.toLowerCase();
      const first = owner.get(key);
      if (first && first !== doc)
        issue(
          doc,
          doc.lineOf(path),
          path.length === 1 ? 'term' : `aliases[${String(path[1])}]`,
          `'${name}' is already a term or alias of ${first.file.displayPath}; a term may be defined only once`,
        );
      else owner.set(key, doc);
    }
  }
}

function unknownIdMessage(target: string, byId: ReadonlyMap<string, ParsedDocument>): string {
  const ids = [...byId.keys()];
  const guess =
    closestMatch(target, ids) ?? ids.find((id) => id.startsWith(target) || target.startsWith(id));
  const hint = guess === undefined ? '' : `; did you mean '${guess}'?`;
  return `no document has the id '${target}'${hint} (ids are file names without .md)`;
}

function sortByPath(documents: readonly ParsedDocument[]): ParsedDocument[] {
  return [...documents].sort((a, b) => (a.file.relativePath < b.file.relativePath ? -1 : 1));
}
