import { useEffect, useRef } from 'react';
import type { QuestionResults, RoomQuestion } from '../../../core/room/protocol';
import { Announcer, useAnnouncement } from '../../common/Announcer';
import { formatNumber } from '../../common/i18n/format';
import { t } from '../../common/i18n/i18n';
import type { RoomState } from './roomState';

/** Results are said at most this often: batches come ten times a second while a room votes. */
export const ANNOUNCE_EVERY_MS = 5000;

/** The current question's results in one sentence: who voted and what leads, or how many notes. */
export function resultsSentence(question: RoomQuestion, results: QuestionResults): string {
  const shown = (count: number) => formatNumber(count);
  if (question.kind === 'notes' || question.kind === 'qa') {
    const count = results.notes.filter((n) => !n.hidden).length;
    return t('room:presenter.announce.notes', { count, shown: shown(count) });
  }
  const counts = new Map(results.tallies.map((r) => [r.optionId, r.count]));
  const top = question.options.reduce<{ label: string; count: number } | null>((best, option) => {
    const count = counts.get(option.id) ?? 0;
    return count > 0 && (!best || count > best.count) ? { label: option.label, count } : best;
  }, null);
  const voters = t('room:presenter.announce.voters', {
    count: results.voters,
    shown: shown(results.voters),
  });
  return top
    ? t('room:presenter.announce.leading', { voters, option: top.label, shown: shown(top.count) })
    : voters;
}

/**
 * Says the current question's results to screen readers, politely and at most every
 * {@link ANNOUNCE_EVERY_MS}: a change inside that time is said once it is over (the latest only).
 */
export function RoomAnnouncer({ state }: { state: RoomState }) {
  const { message, announce } = useAnnouncement();
  const question = state.current;
  const results = question ? state.results[question.id] : undefined;
  const sentence = question && results ? resultsSentence(question, results) : '';
  const lastSaid = useRef({ at: 0, sentence: '' });

  useEffect(() => {
    if (sentence === '' || sentence === lastSaid.current.sentence) return;
    const say = () => {
      lastSaid.current = { at: Date.now(), sentence };
      announce(sentence);
    };
    const wait = lastSaid.current.at + ANNOUNCE_EVERY_MS - Date.now();
    if (wait <= 0) {
      say();
      return;
    }
    const timer = setTimeout(say, wait);
    return () => clearTimeout(timer);
  }, [sentence, announce]);

  return <Announcer message={message} />;
}
