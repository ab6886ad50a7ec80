/** A glossary entry as the renderer needs it. */
export interface GlossaryEntry {
  id: string;
  term: string;
  aliases: readonly string[];
}

export interface GlossaryMatch {
  start: number;
  end: number;
  id: string;
}

/**
 * Finds glossary terms in running text. Acronyms (all capitals, like "CAO") match only in
 * capitals so the word "cao" in another language is not marked; other terms match any case.
 * Longer terms win over shorter ones that overlap them ("open data" before "data").
 */
export class GlossaryMatcher {
  private readonly pattern: RegExp | null;
  private readonly idByKey = new Map<string, string>();

  constructor(entries: readonly GlossaryEntry[]) {
    const phrases: string[] = [];
    for (const entry of entries) {
      for (const phrase of [entry.term, ...entry.aliases]) {
        const text = phrase.trim();
        if (text.length < 2) continue;
        const key = isAcronym(text) ? text : text.toLowerCase();
        if (this.idByKey.has(key)) continue;
        this.idByKey.set(key, entry.id);
        phrases.push(text);
      }
    }
    phrases.sort((a, b) => b.length - a.length);
    const alternatives = phrases.map((p) => (isAcronym(p) ? escape(p) : caseless(p)));
    this.pattern =
      alternatives.length === 0
        ? null
        : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }

  /** All matches in `text`, left to right, without overlaps. */
  find(text: string): GlossaryMatch[] {
    if (this.pattern === null) return [];
    const matches: GlossaryMatch[] = [];
    for (const m of text.matchAll(this.pattern)) {
      const found = m[0];
      const id = this.idByKey.get(found) ?? this.idByKey.get(found.toLowerCase());
      if (id !== undefined) matches.push({ start: m.index, end: m.index + found.length, id });
    }
    return matches;
  }
}

function isAcronym(text: string): boolean {
  return /^[\p{Lu}\p{N}&/-]+$/u.test(text) && /\p{Lu}/u.test(text);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The `i` flag would also make acronyms caseless, so case-insensitivity is spelled out per letter.
function caseless(text: string): string {
  return Array.from(text)
    .map((ch) => {
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      return lower === upper ? escape(ch) : `[${escape(lower)}${escape(upper)}]`;
    })
    .join('')
    .replace(/ /g, '\\s+');
}
