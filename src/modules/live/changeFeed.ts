import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Database } from '../../db/client.js';
import { type ChangeNotice, changeChannel, parseChangeBatch, setChangeOrigin } from '../writes/index.js';

/** Where one instance hears of committed changes, for its subscriptions. */
export interface ChangeFeed {
  /** Calls `listener` with every committed change from now on; returns the function that stops it. */
  subscribe(listener: (change: ChangeNotice) => void): () => void;
  /** Resolves once the feed listens (the first subscription starts it). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** How a feed is opened. */
export interface ChangeFeedOptions {
  /** With a Redis URL, instances exchange changes over Redis pub/sub; else over LISTEN/NOTIFY. */
  redisUrl?: string;
  redisPrefix?: string;
  warn?: (message: string, error: unknown) => void;
}

/**
 * The change feed of one instance: one LISTEN on the database (PostgreSQL across every instance
 * on it; PGlite in process), started by the first subscription and shared by all. With
 * `redisUrl`, each instance relays its own writes' notices to a Redis channel and every instance
 * hears that channel instead, for deployments where LISTEN cannot reach every instance.
 */
export function createChangeFeed(db: Database, options: ChangeFeedOptions = {}): ChangeFeed {
  const origin = randomUUID();
  setChangeOrigin(db, origin);
  const listeners = new Set<(change: ChangeNotice) => void>();
  const warn = options.warn ?? (() => {});
  const dispatch = (changes: ChangeNotice[]) => {
    for (const change of changes)
      for (const listener of listeners) {
        try {
          listener(change);
        } catch (error) {
          warn('a change listener failed', error);
        }
      }
  };
  const redisChannel = `${options.redisPrefix ?? 'dishui:'}changes`;
  let publisher: Redis | undefined;
  let receiver: Redis | undefined;
  let stopListening: (() => Promise<void>) | undefined;
  let starting: Promise<void> | undefined;

  const start = async (): Promise<void> => {
    if (!db.listen) throw new Error('this database cannot LISTEN: subscriptions are unavailable');
    if (options.redisUrl) {
      const redisOptions = { maxRetriesPerRequest: 1, connectTimeout: 1_000, lazyConnect: true };
      publisher = new Redis(options.redisUrl, redisOptions);
      receiver = new Redis(options.redisUrl, redisOptions);
      publisher.on('error', (error) => warn('Redis (change relay) error', error));
      receiver.on('error', (error) => warn('Redis (change feed) error', error));
      await Promise.all([publisher.connect(), receiver.connect()]);
      receiver.on('message', (channel: string, payload: string) => {
        if (channel === redisChannel) dispatch(parseChangeBatch(payload)?.changes ?? []);
      });
      await receiver.subscribe(redisChannel);
      stopListening = await db.listen(changeChannel, (payload) => {
        // Only this instance's own writes: every other instance relays its own.
        if (parseChangeBatch(payload)?.origin === origin)
          publisher?.publish(redisChannel, payload).catch((error: unknown) => warn('Redis publish failed', error));
      });
      return;
    }
    stopListening = await db.listen(changeChannel, (payload) => dispatch(parseChangeBatch(payload)?.changes ?? []));
  };

  const ready = () => {
    starting ??= start().catch((error: unknown) => {
      starting = undefined;
      throw error;
    });
    return starting;
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready,
    async close() {
      listeners.clear();
      await starting?.catch(() => {});
      await stopListening?.().catch(() => {});
      await Promise.all([publisher, receiver].map((client) => client?.quit().catch(() => client.disconnect())));
    },
  };
}
