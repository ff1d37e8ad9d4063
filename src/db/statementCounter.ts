import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQueryable,
  Transaction,
} from '@prisma/driver-adapter-utils';

/** A running count of SQL statements sent through Prisma. */
export interface StatementCounter {
  count: number;
  /** Told each statement's duration in seconds and whether it failed (metrics). */
  observers?: Set<(seconds: number, failed: boolean) => void>;
}

/**
 * Wraps a driver adapter factory so that every statement Prisma sends, in or out of a
 * transaction, adds one to `counter`. Tests use it to prove that nested reads do not grow
 * with the number of rows (no N+1).
 */
export function countStatements(factory: SqlDriverAdapterFactory, counter: StatementCounter): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'connect') {
        return async () => wrapAdapter(await target.connect(), counter);
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

function wrapAdapter(adapter: SqlDriverAdapter, counter: StatementCounter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property) {
      if (property === 'startTransaction') {
        return async (...args: Parameters<SqlDriverAdapter['startTransaction']>) =>
          wrapQueryable(await target.startTransaction(...args), counter) as Transaction;
      }
      return countingMember(target, property, counter);
    },
  });
}

function wrapQueryable<T extends SqlQueryable>(queryable: T, counter: StatementCounter): T {
  return new Proxy(queryable, {
    get: (target, property) => countingMember(target, property, counter),
  });
}

function countingMember(target: object, property: string | symbol, counter: StatementCounter) {
  const value = Reflect.get(target, property, target);
  if (typeof value !== 'function') return value;
  if (property === 'queryRaw' || property === 'executeRaw') {
    return (...args: unknown[]) => {
      counter.count += 1;
      if (!counter.observers?.size) return value.apply(target, args);
      const started = performance.now();
      const tell = (failed: boolean) => {
        const seconds = (performance.now() - started) / 1000;
        for (const observer of counter.observers ?? []) observer(seconds, failed);
      };
      return (value.apply(target, args) as Promise<unknown>).then(
        (result) => {
          tell(false);
          return result;
        },
        (error: unknown) => {
          tell(true);
          throw error;
        },
      );
    };
  }
  return value.bind(target);
}
