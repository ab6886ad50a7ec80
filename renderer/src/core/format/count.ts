/** 1000000 as "1,000,000": counts in messages, grouped as Canadian English writes them. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-CA');
}
