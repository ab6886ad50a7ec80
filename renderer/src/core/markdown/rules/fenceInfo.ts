import type { StateCore } from 'markdown-it';

const LANGUAGE = /^[a-z0-9][a-z0-9+#.-]{0,19}$/i;

/**
 * Keeps only a plain language name from a code fence's info string. A hostile info string
 * (Mark Text's CVE-2021-29996 used one) can then never reach an attribute.
 */
export function fenceInfo(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'fence') continue;
    const first = token.info.trim().split(/\s+/)[0] ?? '';
    token.info = LANGUAGE.test(first) ? first.toLowerCase() : '';
  }
}
