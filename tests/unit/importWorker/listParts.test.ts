import { describe, expect, test } from 'vitest';
import {
  CHARACTERS_PER_WEIGHT,
  PartCollector,
  splitIntoParts,
  weightOf,
  type ListPart,
  type WithData,
} from '../../../renderer/src/ui/common/importWorker/listParts';

interface Sample extends WithData {
  type: 'sample';
  data: { name: string; small: number[]; big: { id: number; tags: string[] }[] };
}

const sample = (bigCount: number): Sample => ({
  type: 'sample',
  data: {
    name: 'n',
    small: [1, 2, 3],
    big: Array.from({ length: bigCount }, (_, id) => ({ id, tags: ['a', 'b'] })),
  },
});

/** Sends `message` through split and collect, as the two ends of the channel do. */
function roundTrip<M extends WithData>(message: M, maxWeight: number) {
  const messages = [...splitIntoParts(message, maxWeight)];
  const collector = new PartCollector();
  const received = messages.map((m) => collector.receive<M>(m));
  return { messages, result: received.at(-1), early: received.slice(0, -1) };
}

describe('large values in parts', () => {
  test('weighs values, and long strings by their length', () => {
    expect(weightOf(0)).toBe(1);
    expect(weightOf({ id: 1, tags: ['a', 'b'] })).toBe(5);
    expect(weightOf('x'.repeat(40 * CHARACTERS_PER_WEIGHT))).toBe(41);
  });

  test('a heavy list crosses in parts no heavier than the limit plus one item, and comes back whole', () => {
    const message = sample(1_000); // each item weighs 5
    const { messages, result, early } = roundTrip(message, 400);
    const parts = messages.filter((m): m is ListPart => m.type === 'part');
    expect(parts).toHaveLength(Math.ceil((1_000 * 5) / 400));
    for (const part of parts) {
      expect(part.list).toBe('big');
      expect(weightOf(part.items) - 1).toBeLessThan(400 + 5);
    }
    // The last message carries the rest, its heavy list emptied; the collector refills it.
    expect((messages.at(-1) as Sample).data.big).toEqual([]);
    expect(early.every((m) => m === null)).toBe(true);
    expect(result).toEqual(message);
  });

  test('light lists and messages without data travel as they are', () => {
    const light = sample(10);
    expect([...splitIntoParts(light, 400)]).toEqual([light]);
    const plain = { type: 'plain' };
    expect([...splitIntoParts(plain, 1)]).toEqual([plain]);
  });

  test('parts left by a sender that stopped are forgotten, not joined to the next message', () => {
    const collector = new PartCollector();
    const [part] = [...splitIntoParts(sample(100), 50)];
    if (!part) throw new Error('no part');
    collector.receive(part);
    collector.clear();
    const next = sample(2);
    expect(collector.receive(next)).toEqual(next);
  });
});
