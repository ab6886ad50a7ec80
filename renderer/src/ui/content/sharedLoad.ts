/**
 * One load shared by every caller until it is forgotten: the first `get` starts it, later calls
 * get the same promise. A failed load is forgotten so the next call tries again, but only if it is
 * still the one kept: a load that was already replaced (the library reloaded while it ran) never
 * clears its successor.
 */
export class SharedLoad<T> {
  private promise: Promise<T> | null = null;

  get(start: () => Promise<T>): Promise<T> {
    if (this.promise) return this.promise;
    const promise: Promise<T> = start().catch((error: unknown) => {
      if (this.promise === promise) this.promise = null;
      throw error;
    });
    this.promise = promise;
    return promise;
  }

  /** Forgets the load (a running one still settles for whoever awaits it). */
  forget(): void {
    this.promise = null;
  }
}

/**
 * A {@link SharedLoad} per key (a language, say), made when the key is first asked for; each is
 * shared and retried on its own, and all are forgotten together.
 */
export class SharedLoads<K, T> {
  private readonly loads = new Map<K, SharedLoad<T>>();

  /** The load kept under `key`. */
  of(key: K): SharedLoad<T> {
    let load = this.loads.get(key);
    if (!load) this.loads.set(key, (load = new SharedLoad<T>()));
    return load;
  }

  /** Forgets every key's load (running ones still settle for whoever awaits them). */
  forget(): void {
    for (const load of this.loads.values()) load.forget();
  }
}
