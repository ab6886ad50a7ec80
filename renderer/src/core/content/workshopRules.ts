import { analyzeBody } from './bodyAnalysis';
import type { FrontMatterOf } from './frontMatter';
import type { ContentIssue } from './issues';

/** Ids of workshops start with this, so a link or a task note says what it points at. */
export const WORKSHOP_ID_PREFIX = 'workshop-';

/** The block fields written in Markdown (rendered in the presenter view and the handout). */
export const MARKDOWN_FIELDS = ['purpose', 'facilitatorNotes', 'activity'] as const;

/** The length of a workshop: the sum of its blocks' minutes. */
export function workshopLength(blocks: ReadonlyArray<{ minutes: number }>): number {
  return blocks.reduce((sum, block) => sum + block.minutes, 0);
}

/**
 * Checks a workshop's front matter beyond its schema: the id prefix, a stated length equal to the
 * sum of the blocks, and block text the presenter view can show (no raw HTML, no images, no
 * links: a block links documents through its `documents` list, which the corpus check resolves).
 */
export function checkWorkshop(
  frontMatter: FrontMatterOf<'workshop'>,
  lineOf: (path: ReadonlyArray<PropertyKey>) => number,
  issue: (line: number, field: string, message: string) => ContentIssue,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  if (!frontMatter.id.startsWith(WORKSHOP_ID_PREFIX))
    issues.push(
      issue(
        lineOf(['id']),
        'id',
        `'${frontMatter.id}' must start with '${WORKSHOP_ID_PREFIX}' for a workshop; rename it, e.g. '${WORKSHOP_ID_PREFIX}${frontMatter.id}', and the file with it`,
      ),
    );
  const total = workshopLength(frontMatter.blocks);
  const stated = frontMatter.durationMinutes;
  if (stated !== undefined && stated !== total) {
    const parts = frontMatter.blocks.map((b) => b.minutes).join(' + ');
    const gap =
      stated > total ? `${stated - total} minutes short` : `${total - stated} minutes over`;
    issues.push(
      issue(
        lineOf(['durationMinutes']),
        'durationMinutes',
        `is ${stated} but the blocks add up to ${total} (${parts}), ${gap}; change the blocks' minutes or durationMinutes (or leave durationMinutes out: it is computed)`,
      ),
    );
  }
  frontMatter.blocks.forEach((block, index) => {
    for (const field of MARKDOWN_FIELDS) {
      const path = ['blocks', index, field];
      const analysis = analyzeBody(block[field]);
      const name = `blocks[${index}].${field}`;
      for (const problem of analysis.problems)
        issues.push(issue(lineOf(path), name, problem.message));
      if (analysis.links.length > 0)
        issues.push(
          issue(
            lineOf(path),
            name,
            'links to a document; list it in this block’s documents instead (that is where slides and handouts look)',
          ),
        );
      if (analysis.headings.length > 0)
        issues.push(
          issue(
            lineOf(path),
            name,
            'contains a heading (a line starting with #); block text is paragraphs and lists, so use **bold** instead',
          ),
        );
    }
  });
  return issues;
}
