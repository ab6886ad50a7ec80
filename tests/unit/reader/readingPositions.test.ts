import { describe, expect, test } from 'vitest';
import { wordProblems } from '../../../renderer/src/ui/common/i18n/wordMessage';
import { createWebStorageDocuments, mainKey } from '../../../renderer/src/host/webStorageHost';
import {
  MAX_REMEMBERED,
  READING_POSITIONS_KEY,
  ReadingPositions,
  WRITE_DELAY_MS,
} from '../../../renderer/src/core/reader/readingPositions';
import { MapStorage } from '../host/MapStorage';
import { settle } from '../store/GatedStorage';
import { ManualScheduler } from '../store/ManualScheduler';

/** The browser host's real storage over an in-memory localStorage. */
function setup(clock = { now: 1_000 }) {
  const web = new MapStorage();
  const storage = createWebStorageDocuments(web, () => 7);
  const scheduler = new ManualScheduler();
  const positions = new ReadingPositions(storage, () => clock.now++, scheduler);
  const stored = () => web.getItem(mainKey(READING_POSITIONS_KEY));
  return { web, storage, positions, stored, scheduler };
}

describe('reading positions', () => {
  test('a remembered position is written once scrolling pauses, and read back', async () => {
    const { storage, positions, stored, scheduler } = setup();
    await positions.remember('case-a', 0.25);
    scheduler.advance(WRITE_DELAY_MS - 1);
    await positions.remember('case-a', 0.5);
    scheduler.advance(WRITE_DELAY_MS - 1);
    await settle();
    expect(stored()).toBeNull();
    scheduler.advance(1);
    await settle();
    expect(JSON.parse(stored() ?? '{}')).toMatchObject({
      version: 1,
      positions: [{ id: 'case-a', fraction: 0.5 }],
    });
    expect(await new ReadingPositions(storage).get('case-a')).toBe(0.5);
    expect(await new ReadingPositions(storage).get('case-b')).toBeNull();
  });

  test('flush writes at once; fractions are clamped to 0..1', async () => {
    const { positions, stored } = setup();
    await positions.remember('case-a', 1.7);
    await positions.remember('case-b', -3);
    await positions.flush();
    const saved = JSON.parse(stored() ?? '{}') as { positions: { fraction: number }[] };
    expect(saved.positions.map((p) => p.fraction)).toEqual([1, 0]);
  });

  test(`only the ${MAX_REMEMBERED} most recently read documents are kept`, async () => {
    const { storage, positions } = setup();
    for (let i = 0; i <= MAX_REMEMBERED; i += 1) await positions.remember(`doc-${i}`, 0.5);
    await positions.remember('doc-0', 0.9); // read again: now the most recent
    await positions.flush();
    const again = new ReadingPositions(storage);
    expect(await again.get('doc-0')).toBe(0.9);
    expect(await again.get('doc-1')).toBeNull();
    expect(await again.get(`doc-${MAX_REMEMBERED}`)).toBe(0.5);
  });

  test.for([
    ['not our shape', '{"version":1,"positions":[{"id":"Not An Id","fraction":0.5,"savedAt":1}]}'],
    ['a fraction out of range', '{"version":1,"positions":[{"id":"a","fraction":5,"savedAt":1}]}'],
    ['another version', '{"version":2,"positions":[]}'],
  ] as const)(
    'stored data that is %s is not trusted, and kept aside with a report',
    async ([, text]) => {
      const { web, positions } = setup();
      web.setItem(mainKey(READING_POSITIONS_KEY), text);
      expect(await positions.get('a')).toBeNull();
      expect(await positions.loadReport()).toMatchObject({
        status: 'repaired',
        keptCopyAs: 'reading-positions-invalid',
      });
      await positions.remember('a', 0.3);
      await positions.flush();
      expect(await positions.get('a')).toBe(0.3);
      expect(web.getItem(mainKey('reading-positions-invalid'))).toBe(text);
    },
  );

  test('a stored text that is not JSON is moved aside by the host and reported', async () => {
    const { web, storage, positions } = setup();
    web.setItem(mainKey(READING_POSITIONS_KEY), '{oops');
    expect(await positions.get('a')).toBeNull();
    expect(await positions.loadReport()).toMatchObject({ status: 'recovered' });
    expect(web.getItem(mainKey(READING_POSITIONS_KEY) + ':corrupt-7')).toBe('{oops');
    await positions.remember('a', 0.3);
    await positions.flush();
    expect(await new ReadingPositions(storage).get('a')).toBe(0.3);
  });

  test('the valid positions of a partly damaged list are kept', async () => {
    const { web, positions } = setup();
    const text = JSON.stringify({
      version: 1,
      positions: [
        { id: 'kept', fraction: 0.4, savedAt: 1 },
        { id: 'dropped', fraction: 2, savedAt: 2 },
      ],
    });
    web.setItem(mainKey(READING_POSITIONS_KEY), text);
    expect(await positions.get('kept')).toBe(0.4);
    const report = await positions.loadReport();
    expect(report.status).toBe('repaired');
    expect(report.status === 'repaired' && wordProblems(report.issues)).toEqual([
      expect.stringMatching(/^positions\.1\.fraction: .*item dropped$/),
    ]);
  });

  test('non-finite fractions are not remembered', async () => {
    const { positions, stored } = setup();
    await positions.remember('a', Number.NaN);
    await positions.flush();
    expect(stored()).toBeNull();
  });
});
