/**
 * Large values cross between the page and the import worker in parts. A message is deserialised
 * in one task of the thread that receives it: a planner of 20,000 tasks (100 dependencies each)
 * sent as one message kept the page's main thread busy for about 180 ms when it was read
 * (Chromium, on the project's 2-core machine), and one `JSON.parse` of the same data about 200 ms.
 * Sent as parts of about 20,000 values each, a part takes a few tens of milliseconds at most, and
 * clicks and key presses are handled between parts.
 */

/**
 * The weight of one part, in values (plus long strings, see `weightOf`). Reading a value back
 * costs about a microsecond, so a part costs the receiving thread about 20 ms.
 */
export const PART_WEIGHT = 20_000;

/**
 * Characters of a string that weigh as much as one value. Copying long text is not free: 2,900
 * quotes of 6,000 characters (17 million characters) took about 420 ms to post, some 25 ns a
 * character, so about 40 characters cost what one value does.
 */
export const CHARACTERS_PER_WEIGHT = 40;

/**
 * One slice of a long list of the `data` of the message that follows it. Parts of one list arrive
 * in order (postMessage keeps the order of one channel) and are joined when that message arrives.
 */
export interface ListPart {
  type: 'part';
  /** The name of the list in `data`, such as `tasks`. */
  list: string;
  items: unknown[];
}

/** A message that may carry a large value, always under `data`. */
export interface WithData {
  type: string;
  data?: object | null;
}

/**
 * What a value costs to send, roughly: one per value inside it (objects, arrays, strings,
 * numbers...) plus one per `CHARACTERS_PER_WEIGHT` characters of its strings. Walks without
 * recursion.
 */
export function weightOf(value: unknown): number {
  let weight = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    weight += 1;
    if (typeof item === 'string') weight += Math.floor(item.length / CHARACTERS_PER_WEIGHT);
    else if (Array.isArray(item)) for (const child of item) stack.push(child);
    else if (typeof item === 'object' && item !== null) {
      for (const child of Object.values(item)) stack.push(child);
    }
  }
  return weight;
}

/**
 * Splits a message into the parts of its heavy lists (top-level arrays of `data` weighing more
 * than `maxWeight`), each part closed once it weighs `maxWeight`, followed by the message itself
 * with those lists emptied. Lighter lists, and messages without `data`, travel as they are. A
 * generator, so a sender can yield between parts while the rest is still being weighed.
 */
export function* splitIntoParts<M extends WithData>(
  message: M,
  maxWeight = PART_WEIGHT,
): Generator<M | ListPart> {
  const data = message.data;
  if (data === undefined || data === null) {
    yield message;
    return;
  }
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!Array.isArray(value)) {
      rest[key] = value;
      continue;
    }
    let items: unknown[] = [];
    let weight = 0;
    let split = false;
    for (const item of value) {
      items.push(item);
      weight += weightOf(item);
      if (weight >= maxWeight) {
        yield { type: 'part', list: key, items };
        split = true;
        items = [];
        weight = 0;
      }
    }
    if (!split) rest[key] = value;
    else {
      if (items.length > 0) yield { type: 'part', list: key, items };
      rest[key] = [];
    }
  }
  yield { ...message, data: rest };
}

/** Collects parts and puts their lists back into the `data` of the message that completes them. */
export class PartCollector {
  private lists = new Map<string, unknown[]>();

  /**
   * Takes one incoming message: a part is kept and `null` returned; any other message is returned
   * with the lists gathered so far put back into its `data`.
   */
  receive<M extends WithData>(message: M | ListPart): M | null {
    if (isListPart(message)) {
      const list = this.lists.get(message.list);
      if (list) {
        for (const item of message.items) list.push(item);
      } else this.lists.set(message.list, [...message.items]);
      return null;
    }
    if (this.lists.size === 0 || message.data === undefined || message.data === null) {
      return message;
    }
    const data = { ...message.data, ...Object.fromEntries(this.lists) };
    this.lists = new Map();
    // The sender split this very message with `splitIntoParts`: its lists are back in place.
    return { ...message, data };
  }

  /** Forgets parts of a message that will not come (the sender stopped). */
  clear(): void {
    this.lists = new Map();
  }
}

function isListPart(message: WithData | ListPart): message is ListPart {
  // No request or reply of the import protocol is called 'part'.
  return message.type === 'part';
}
