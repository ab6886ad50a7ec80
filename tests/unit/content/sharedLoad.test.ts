/** One load shared until forgotten; a failed load is retried, but never clears its successor. */
import { describe, expect, it } from 'vitest';
import { SharedLoad, SharedLoads } from '../../../renderer/src/ui/content/sharedLoad';

/** A promise settled from outside. */
function gate<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('SharedLoad', () => {
  it('starts once and shares the load until it is forgotten', async () => {
    const shared = new SharedLoad<number>();
    let starts = 0;
    const start = () => Promise.resolve(++starts);
    expect(await shared.get(start)).toBe(1);
    expect(await shared.get(start)).toBe(1);
    shared.forget();
    expect(await shared.get(start)).toBe(2);
  });

  it('forgets a failed load, so the next call tries again', async () => {
    const shared = new SharedLoad<string>();
    await expect(shared.get(() => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(await shared.get(() => Promise.resolve('loaded'))).toBe('loaded');
  });

  it('never lets a load overtaken by a reload clear the new one when it fails', async () => {
    const shared = new SharedLoad<string>();
    const old = gate<string>();
    const first = shared.get(() => old.promise);
    shared.forget(); // the library reloaded while the first load ran
    let starts = 0;
    const second = shared.get(() => Promise.resolve(`new ${++starts}`));
    old.reject(new Error('the old version was deleted'));
    await expect(first).rejects.toThrow('the old version was deleted');
    expect(await second).toBe('new 1');
    expect(await shared.get(() => Promise.resolve(`new ${++starts}`))).toBe('new 1');
    expect(starts).toBe(1);
  });
});

describe('SharedLoads', () => {
  it('keeps one load per key, and forgets them all together', async () => {
    const loads = new SharedLoads<string, string>();
    let starts = 0;
    const start = (key: string) => () => Promise.resolve(`${key}${++starts}`);
    expect(loads.of('en')).toBe(loads.of('en'));
    expect(await loads.of('en').get(start('en'))).toBe('en1');
    expect(await loads.of('fr').get(start('fr'))).toBe('fr2');
    expect(await loads.of('en').get(start('en'))).toBe('en1');
    loads.forget();
    expect(await loads.of('fr').get(start('fr'))).toBe('fr3');
    expect(await loads.of('en').get(start('en'))).toBe('en4');
  });
});
