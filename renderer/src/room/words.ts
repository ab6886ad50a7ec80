/** The page's wording of the room server's refusals (protocol.ts ROOM_ERROR_CODES). */
import type { Failure } from './api';
import { t } from './i18n';

export function failureMessage(failure: Failure): string {
  switch (failure) {
    case 'wrong-code':
      return t('errors.wrongCode');
    case 'too-many-codes':
      return t('errors.tooManyCodes');
    case 'room-full':
      return t('errors.roomFull');
    case 'too-many-from-here':
      return t('errors.tooManyFromHere');
    case 'unreachable':
      return t('errors.unreachable');
    case 'too-many-actions':
    case 'too-many-streams':
      return t('errors.tooManyActions');
    case 'question-moved':
      return t('errors.questionMoved');
    case 'question-closed':
      return t('errors.questionClosed');
    case 'note-limit':
      return t('errors.noteLimit');
    case 'question-full':
      return t('errors.questionFull');
    case 'empty-text':
      return t('errors.emptyNote');
    case 'unauthorized':
      return t('join.again');
    default:
      // The page never sends what the others refuse (bad JSON, wrong types, unknown paths).
      return t('errors.other');
  }
}
