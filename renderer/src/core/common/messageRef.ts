/**
 * A message core wants shown, as a key in the UI's message catalogue and the values it needs.
 * Core has no words of its own (the interface comes in more than one language): it names the
 * message, and the UI words it (`ui/common/i18n/wordMessage.ts`).
 */
export interface MessageRef {
  /** A catalogue key with its namespace, e.g. `planner:errors.planGone`. */
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** Shorthand for a `MessageRef`. */
export function messageRef(key: string, values?: MessageRef['values']): MessageRef {
  return values === undefined ? { key } : { key, values };
}
