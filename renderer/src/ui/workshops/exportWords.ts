import type { TFunction } from 'i18next';
import type { CaptureWords } from '../../core/workshops/captureExport';
import type { SlideWords } from '../../core/workshops/slides';
import { formatNumber } from '../common/i18n/format';
import { t } from '../common/i18n/i18n';
import { countText, formatDuration } from './timeWords';

// The words core puts into what it builds for people (slides, exports, task drafts), in the
// interface language. Core takes them as a parameter, since it has no words of its own.

/**
 * The words slides add to the blocks' and documents' text: a block's length, activity and
 * "(continued)" titles, and a case study's figures with their source.
 * `words` is a component's `t`, so a deck built with it is rebuilt when the language changes.
 */
export function slideWords(words: TFunction<'workshops'>): SlideWords {
  return {
    duration: formatDuration,
    activityTitle: (block) => words('slides.activity', { block }),
    continued: (title) => words('slides.continued', { title }),
    figure: (figure) =>
      figure.kind === 'population'
        ? words('slides.population', {
            population: formatNumber(figure.population),
            // A year, not a quantity: never grouped ("2016", not "2,016").
            censusYear: String(figure.censusYear),
            source: figure.source,
          })
        : words('slides.years', { years: figure.years, source: figure.source }),
  };
}

/** The words of a session's Markdown and CSV exports and of its plan task drafts. */
export function captureWords(): CaptureWords {
  return {
    wholeSession: t('workshops:capture.wholeSession'),
    blockNumber: (number) => t('workshops:capture.blockNumber', { number: formatNumber(number) }),
    csvColumns: {
      kind: t('workshops:capture.kind'),
      questionOrBlock: t('workshops:capture.questionOrBlock'),
      textOrOption: t('workshops:capture.textOrOption'),
      votes: t('workshops:capture.votes'),
      rank: t('workshops:capture.rank'),
      recordedAt: t('workshops:capture.recordedAt'),
      author: t('workshops:capture.author'),
      upvotes: t('workshops:capture.upvotes'),
    },
    noteKind: t('workshops:capture.note'),
    voteKind: t('workshops:capture.vote'),
    noteCredit: (author, upvotes) => {
      const shown = formatNumber(upvotes);
      if (author === null) return t('workshops:capture.creditUpvotes', { count: upvotes, shown });
      if (upvotes === 0) return t('workshops:capture.creditAuthor', { author });
      return t('workshops:capture.creditBoth', { author, count: upvotes, shown });
    },
    started: (stamp) => t('workshops:capture.started', { stamp }),
    notesHeading: t('workshops:capture.notesHeading'),
    noNotes: t('workshops:capture.noNotes'),
    votesHeading: t('workshops:capture.votesHeading'),
    noVotes: t('workshops:capture.noVotes'),
    voteSummary: (participants, dots, dotsPerPerson) =>
      t('workshops:capture.voteSummary', {
        participants: countText('participants', participants),
        dots: countText('dots', dots),
        perPerson: formatNumber(dotsPerPerson),
      }),
    tallyColumns: {
      rank: t('workshops:capture.rank'),
      option: t('workshops:capture.option'),
      votes: t('workshops:capture.votes'),
    },
    fromVote: (origin) =>
      t('workshops:capture.fromVote', {
        workshop: origin.workshop,
        stamp: origin.stamp,
        rank: formatNumber(origin.rank),
        votes: formatNumber(origin.votes),
        total: formatNumber(origin.totalDots),
        question: origin.question,
      }),
    fromNote: (origin) => t('workshops:capture.fromNote', origin),
  };
}
