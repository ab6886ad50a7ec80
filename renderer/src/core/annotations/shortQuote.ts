/** Longest quote shown in full in a list; longer ones are cut at a word with an ellipsis. */
const SHORT_QUOTE = 240;

/** A quote short enough for a list entry (the full quote is on the highlight itself). */
export function shortQuote(quote: string, max = SHORT_QUOTE): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
