import { unitsFor, type WorkMeter } from './workMeter';

/** Code units turned into a string at a time (well under any engine's argument limit). */
const CHUNK = 8192;

/**
 * A document's text as anchoring searches it: the text itself and, made once per anchoring run
 * when first needed, the text backwards. Searching a reversed pattern in the reversed text finds
 * where matches start, the way a forward search finds where they end.
 */
export class SearchableText {
  private backwards: string | null = null;

  constructor(readonly text: string) {}

  /** The text with its UTF-16 code units in reverse order; null when the meter cannot afford it. */
  reversed(meter: WorkMeter): string | null {
    if (this.backwards !== null) return this.backwards;
    const cost = unitsFor(this.text.length);
    if (!meter.canAfford(cost)) return null;
    meter.spend(cost);
    this.backwards = reverseCodeUnits(this.text);
    return this.backwards;
  }
}

/** `s` backwards by code units: two bytes per unit of scratch, not an array of one-letter strings. */
export function reverseCodeUnits(s: string): string {
  const units = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) units[i] = s.charCodeAt(s.length - 1 - i);
  const parts: string[] = [];
  for (let at = 0; at < units.length; at += CHUNK) {
    parts.push(String.fromCharCode(...units.subarray(at, at + CHUNK)));
  }
  return parts.join('');
}
