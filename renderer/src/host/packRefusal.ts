/**
 * A pack store's refusal (electron/shared/packRules.ts `PackStoreRefusal`) as the page shows it:
 * both hosts' stores turn their refusals into a {@link PackStoreRefusedError}, so the Content
 * packs page words one kind of error through the catalogue, whichever store refused.
 */
import type { PackStoreRefusal } from '../../../electron/shared/packRules';
import { PackRefusedError } from '../../../electron/shared/packRules';
import { ProblemError } from '../core/common/ProblemError';
import { messageRef, type MessageRef } from '../core/common/messageRef';
import { formatByteSize } from '../../../electron/shared/byteSize';
import { currentLocale } from '../ui/common/i18n/i18n';
import { wordMessage } from '../ui/common/i18n/wordMessage';

/** A request a pack store refused (nothing was changed); `message` is already worded. */
export class PackStoreRefusedError extends ProblemError {
  constructor(readonly refusal: PackStoreRefusal) {
    const ref = packRefusalRef(refusal);
    super('PackStoreRefusedError', ref);
    this.message = wordMessage(ref);
  }
}

/** The catalogue message for a pack store's refusal. */
export function packRefusalRef(refusal: PackStoreRefusal): MessageRef {
  const key = `common:host.packs.refused.${refusal.code}`;
  if (refusal.code !== 'fileTooLarge') {
    const values: Record<string, string> = { ...refusal };
    delete values.code;
    return messageRef(key, values);
  }
  const locale = currentLocale();
  return messageRef(key, {
    name: refusal.name,
    size: formatByteSize(refusal.sizeBytes, 'measured', locale),
    limit: formatByteSize(refusal.limitBytes, 'limit', locale),
  });
}

/** `error` as the page should see it: a store's refusal worded, anything else as it was. */
export function wordedPackError(error: Error): Error {
  return error instanceof PackRefusedError ? new PackStoreRefusedError(error.refusal) : error;
}
