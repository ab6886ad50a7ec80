import type { MessageRef } from '../../../core/common/messageRef';
import type { Applied } from '../../../core/store/StoreSession';
import { ProblemError } from '../../../core/common/ProblemError';
import { messageOf } from '../../../core/common/errorMessage';
import { i18n } from './i18n';

/**
 * Words a message core named. Keys are checked at run time here (core's keys are plain strings):
 * a key missing from the catalogue shows the key itself and warns, rather than showing nothing.
 */
export function wordMessage(ref: MessageRef): string {
  if (!i18n.exists(ref.key)) console.warn(`No catalogue message for ${ref.key}`);
  // The key is dynamic, so it cannot be checked against the catalogue's types.
  return (i18n.t as unknown as (key: string, values: object) => string)(ref.key, ref.values ?? {});
}

/** What to show for a caught error: a feature's refusal in the user's language, else its message. */
export function wordError(error: unknown): string {
  if (error instanceof ProblemError && error.ref) return wordMessage(error.ref);
  return messageOf(error);
}

/** A store session's refusal of an operation in the user's language, or null when it was applied. */
export function wordRefusal(applied: Applied<unknown, unknown>): string | null {
  return applied.ok ? null : wordError(applied.refusal);
}
