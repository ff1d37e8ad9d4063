/** What a subscription's stream is told about its consumer. */
export interface StreamLimits {
  /** Events waiting for the consumer beyond this many drop the subscriber. */
  maxQueued: number;
  /** Called once when the consumer falls that far behind; the stream ends then. */
  onOverflow(): void;
}

/**
 * An async iterator over `load(key)` for each key pushed, in order, skipping keys it loads as
 * null; `return()` ends it at once, even while it waits (graphql-ws calls it on `complete`).
 * Keys beyond `limits.maxQueued` not yet taken end the stream and call `onOverflow`: a slow
 * consumer is dropped, never buffered without bound.
 */
export class EventStream<K, T> implements AsyncIterableIterator<T> {
  readonly #queue: K[] = [];
  #waiting: ((result: IteratorResult<T>) => void) | undefined;
  #done = false;
  #busy = false;

  constructor(
    private readonly load: (key: K) => Promise<T | null>,
    private readonly limits: StreamLimits,
    private readonly onEnd: () => void,
  ) {}

  /** Adds a key; false when the stream ended or overflowed. */
  push(key: K): boolean {
    if (this.#done) return false;
    if (this.#queue.length >= this.limits.maxQueued) {
      this.#finish();
      this.limits.onOverflow();
      return false;
    }
    this.#queue.push(key);
    void this.#pump();
    return true;
  }

  /** Ends the stream after the keys already pushed (an export job's final status). */
  end(): void {
    this.#ending = true;
    void this.#pump();
  }

  #ending = false;

  async #pump(): Promise<void> {
    if (this.#busy || !this.#waiting) return;
    this.#busy = true;
    try {
      while (this.#waiting && !this.#done) {
        const key = this.#queue.shift();
        if (key === undefined) {
          if (this.#ending) this.#finish();
          return;
        }
        let value: T | null;
        try {
          value = await this.load(key);
        } catch {
          // One event that fails to load (a lost connection) is skipped, not the whole subscription.
          value = null;
        }
        // The consumer may have completed while the row loaded.
        const resolve = this.#waiting as ((result: IteratorResult<T>) => void) | undefined;
        if (value !== null && resolve && !this.#done) {
          this.#waiting = undefined;
          resolve({ value, done: false });
        }
      }
    } finally {
      this.#busy = false;
    }
  }

  #finish(): void {
    if (this.#done) return;
    this.#done = true;
    this.#queue.length = 0;
    this.onEnd();
    const resolve = this.#waiting;
    this.#waiting = undefined;
    resolve?.({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<T>> {
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.#waiting = resolve;
      void this.#pump();
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.#finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
