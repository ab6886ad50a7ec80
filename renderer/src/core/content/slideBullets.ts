import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { z } from 'zod';
import { stripEnglishSpans } from '../markdown/englishSpanText';
import { bulletList } from '../workshops/slides';
import { DEFAULT_SLIDE_BUDGET, fitsOnSlide } from '../workshops/splitMarkdown';

/**
 * A document's curated slide bullets (`slides:` in front matter): the points a workshop deck shows
 * for it instead of the ones it would derive from the body. Inline text only, because a slide must
 * not send the room elsewhere, and short enough to read from the back of a hall: at most five
 * points of at most two lines each (120 characters at the deck's 60 a line), and the list as the
 * slide shows it within the deck's slide budget, measured as the deck measures every slide
 * ({@link fitsOnSlide}), so a curated slide fits the screen as a derived one does. A French
 * point's `[text]{lang=en}` markup is not counted: the slide shows only the text.
 */
export const SLIDE_BULLET_LIMITS = { min: 1, max: 5, chars: 120 } as const;

// html: true so raw HTML is a token of its own and can be refused, not shown as text.
const parser = new MarkdownIt({ html: true, linkify: false });

/** Why a bullet cannot go on a slide as written, or null when it can. */
export function slideBulletProblem(bullet: string): string | null {
  if (/[\r\n]/.test(bullet)) return 'must be one line; write each point as its own bullet';
  const tokens = parser.parse(bullet, {});
  const [open, inline, close, ...rest] = tokens;
  if (
    open?.type !== 'paragraph_open' ||
    inline?.type !== 'inline' ||
    close?.type !== 'paragraph_close' ||
    rest.length > 0
  )
    return 'must be a line of text, not a heading, list item, quote or code; leave out the marker at its start (#, -, >, 1.)';
  const kinds = new Set((inline.children ?? []).map((child: Token) => child.type));
  if (kinds.has('link_open'))
    return 'contains a link; a slide cannot be followed, so name the document or page in words';
  if (kinds.has('image')) return 'contains an image; slides show text only';
  if (kinds.has('html_inline')) return 'contains HTML; use Markdown such as **bold** instead';
  return null;
}

const bullet = z
  .string({ error: 'must be a line of text' })
  .trim()
  .min(1, { error: 'must not be empty; write one short point for the slide' })
  .refine((value) => stripEnglishSpans(value).length <= SLIDE_BULLET_LIMITS.chars, {
    error: `is longer than ${SLIDE_BULLET_LIMITS.chars} characters; shorten it (a slide is read from the back of a hall)`,
  })
  .superRefine((value, ctx) => {
    // An empty point has its own message above.
    const problem = value === '' ? null : slideBulletProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The `slides:` field of every document type. */
export const slideBulletsSchema = z
  .array(bullet, {
    error: 'must be a list of short points, e.g. slides: [First point, Second point]',
  })
  // Counted only once it is a list (zod would otherwise measure a string's length too).
  .pipe(
    z
      .array(z.string())
      .min(SLIDE_BULLET_LIMITS.min, {
        error: 'needs at least one point; leave slides out to let the deck derive the slide',
      })
      .max(SLIDE_BULLET_LIMITS.max, {
        error: `lists more than ${SLIDE_BULLET_LIMITS.max} points; keep the ones the room should remember`,
      })
      .refine((items) => fitsOnSlide(bulletList(items), DEFAULT_SLIDE_BUDGET), {
        error: `takes more room than one slide has (${DEFAULT_SLIDE_BUDGET.maxLines} lines of about ${DEFAULT_SLIDE_BUDGET.charsPerLine} characters, ${DEFAULT_SLIDE_BUDGET.maxChars} characters in all); shorten a point or drop one`,
      }),
  );
