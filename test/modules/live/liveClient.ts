import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** How a socket ended: its close code and reason. */
export interface Closed {
  code: number;
  reason: string;
}

/** A graphql-ws client on a listening app, recording every close. */
export interface LiveClient {
  client: Client;
  closed: Promise<Closed>;
  /** Subscribes and collects the results; `stop` completes the subscription. */
  subscribe(query: string, variables?: Record<string, unknown>): Subscription;
  dispose(): Promise<void>;
}

/** One running subscription's results. */
export interface Subscription {
  results: {
    data?: Record<string, any> | null;
    errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  }[];
  errors: unknown[];
  completed: Promise<void>;
  /** Resolves once `count` results have arrived, or rejects after `ms`. */
  waitFor(count: number, ms?: number): Promise<void>;
  stop(): void;
}

/** The ws:// URL of an app's GraphQL route (the app must be listening). */
export async function wsUrl(app: FastifyInstance): Promise<string> {
  if (!app.server.listening) await app.listen({ host: '127.0.0.1', port: 0 });
  return `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
}

/** A client that connects lazily, never retries, and signs in with `connectionParams`. */
export function liveClient(url: string, connectionParams?: Record<string, unknown>): LiveClient {
  let markClosed!: (closed: Closed) => void;
  const closed = new Promise<Closed>((resolve) => {
    markClosed = resolve;
  });
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string | Buffer };
        markClosed({ code, reason: String(reason) });
      },
    },
  });
  return {
    client,
    closed,
    subscribe(query, variables) {
      const results: Subscription['results'] = [];
      const errors: unknown[] = [];
      let finish!: () => void;
      const completed = new Promise<void>((resolve) => {
        finish = resolve;
      });
      const waiters: { count: number; resolve: () => void }[] = [];
      const check = () => {
        for (const waiter of [...waiters])
          if (results.length >= waiter.count) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve();
          }
      };
      const stop = client.subscribe(
        { query, variables },
        {
          next: (result) => {
            results.push(result as Subscription['results'][number]);
            check();
          },
          error: (error) => {
            errors.push(error);
            finish();
          },
          complete: () => finish(),
        },
      );
      return {
        results,
        errors,
        completed,
        stop,
        waitFor: (count, ms = 5_000) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(
              () =>
                reject(
                  new Error(
                    `waited ${ms} ms for ${count} results; got ${JSON.stringify(results)} ${JSON.stringify(errors)}`,
                  ),
                ),
              ms,
            );
            waiters.push({
              count,
              resolve: () => {
                clearTimeout(timer);
                resolve();
              },
            });
            check();
          }),
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** Waits `ms` milliseconds (to show that nothing arrives). */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
