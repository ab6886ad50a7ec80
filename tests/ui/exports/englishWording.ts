/**
 * English interface wording left in something made in French: the English catalogue's phrases
 * (in the given namespaces) that the French catalogue words differently, found in a text. A
 * phrase is a run of a message between its placeholders and tags, of at least two words, so
 * words both languages share ("Notes", "Phase", "Plan") and punctuation never count.
 */
import { en } from '../../../renderer/src/locales/en';
import { fr } from '../../../renderer/src/locales/fr';

type Messages = { readonly [key: string]: string | Messages };

function leaves(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The English phrases of `namespaces` that `text` contains, each with its key. */
export function englishWordingIn(text: string, namespaces: readonly (keyof typeof en)[]): string[] {
  const found: string[] = [];
  for (const namespace of namespaces) {
    const french = leaves(fr[namespace] as Messages);
    for (const [key, english] of leaves(en[namespace])) {
      if (french.get(key) === english) continue;
      for (const phrase of english.split(/\{\{[^}]*\}\}|<[^>]*>/)) {
        const words = phrase.trim();
        const realWords = words.split(/\s+/).filter((word) => /\p{L}{2}/u.test(word));
        if (realWords.length >= 2 && text.includes(words))
          found.push(`${namespace}:${key}: "${words}"`);
      }
    }
  }
  return found;
}
