import DataLoader from 'dataloader';
import type { Database } from '../db/client.js';
import { Prisma } from '../generated/prisma/client.js';
import { buildConnection, type Connection, type Row } from './connection.js';
import type { PageRequest } from './connectionArgs.js';
import { nestedCountSql, nestedPageSql } from './nestedPageQuery.js';
import { entitySpec } from './specRegistry.js';
import { reportLoaderBatch } from '../observability/telemetry.js';
import type { AccessScope } from './accessScope.js';
import { scopeCondition } from './scopeCondition.js';

/** A batch key of a nested connection: the parent row and the checked arguments. */
export interface NestedKey {
  parentId: number;
  request: PageRequest;
}

/** Per-request loaders of the relay engine, made lazily per entity, column and relation. */
export interface RelayLoaders {
  /**
   * Rows of `typeName` by a unique column (the id, or a natural key such as `contractNo`); a row
   * outside the request's scope loads as null, exactly like a missing one.
   */
  byColumn(typeName: string, column: string): DataLoader<string | number, Row | null>;
  /** Pages of relation `relation` of `typeName`, one statement per argument set per tick. */
  nested(typeName: string, relation: string): DataLoader<NestedKey, Connection<Row>, string>;
}

/** Tags raw rows with their type and drops the engine's helper columns. */
export function asRows(typeName: string, rows: Record<string, unknown>[]): Row[] {
  return rows.map(({ __parent: _p, __rank: _r, ...row }) => ({ ...row, __typename: typeName }) as Row);
}

/** Builds the relay loaders of one request, reading within `scope`; nothing is shared between requests. */
export function createRelayLoaders(db: Database, scope: AccessScope): RelayLoaders {
  const cache = new Map<string, DataLoader<never, never, never>>();
  const memo = <L>(key: string, make: () => L): L => {
    if (!cache.has(key)) cache.set(key, make() as DataLoader<never, never, never>);
    return cache.get(key) as L;
  };
  const requestKey = (key: NestedKey) => `${key.parentId}|${JSON.stringify(key.request)}`;
  const byColumn = (typeName: string, column: string) =>
    memo(`one:${typeName}.${column}`, () => {
      const spec = entitySpec(typeName);
      return new DataLoader<string | number, Row | null>(async (keys) => {
        reportLoaderBatch(`${typeName}.${column}`, keys.length);
        const cast = column === 'id' ? 'int[]' : 'text[]';
        const rows = asRows(
          typeName,
          await db.prisma.$queryRaw<Record<string, unknown>[]>(
            Prisma.sql`SELECT * FROM ${Prisma.raw(`"${spec.table}" "t1"`)} WHERE ${Prisma.raw(`"t1"."${column}"`)} = ANY(CAST(${[...keys]} AS ${Prisma.raw(cast)})) AND ${scopeCondition(spec, 't1', scope)}`,
          ),
        );
        const found = new Map(rows.map((row) => [row[column], row]));
        return keys.map((key) => found.get(key) ?? null);
      });
    });
  const counts = (typeName: string, relationName: string) =>
    memo(`count:${typeName}.${relationName}`, () => {
      const relation = entitySpec(typeName).relations[relationName];
      if (relation?.cardinality !== 'many') throw new Error(`${typeName}.${relationName} is not to-many`);
      const target = entitySpec(relation.target);
      return new DataLoader<NestedKey, number, string>(
        async (keys) => {
          reportLoaderBatch(`${typeName}.${relationName}.count`, keys.length);
          const totals = new Map<string, number>();
          for (const [, group] of groupByRequest(keys)) {
            const ids = group.map((key) => key.parentId);
            const rows = await db.prisma.$queryRaw<{ __parent: number; count: number }[]>(
              nestedCountSql(target, relation, ids, group[0]!.request, scope),
            );
            for (const row of rows)
              totals.set(requestKey({ parentId: row.__parent, request: group[0]!.request }), row.count);
          }
          return keys.map((key) => totals.get(requestKey(key)) ?? 0);
        },
        { cacheKeyFn: requestKey },
      );
    });
  const nested = (typeName: string, relationName: string) =>
    memo(`many:${typeName}.${relationName}`, () => {
      const relation = entitySpec(typeName).relations[relationName];
      if (relation?.cardinality !== 'many') throw new Error(`${typeName}.${relationName} is not to-many`);
      const target = entitySpec(relation.target);
      return new DataLoader<NestedKey, Connection<Row>, string>(
        async (keys) => {
          reportLoaderBatch(`${typeName}.${relationName}`, keys.length);
          const pages = new Map<string, Row[]>();
          // Keys with equal arguments share one statement; different arguments never mix.
          for (const [, group] of groupByRequest(keys)) {
            const request = group[0]!.request;
            const ids = [...new Set(group.map((key) => key.parentId))];
            const raw = await db.prisma.$queryRaw<Record<string, unknown>[]>(
              nestedPageSql(target, relation, ids, request, scope),
            );
            for (const row of raw) {
              const key = requestKey({ parentId: row.__parent as number, request });
              if (!pages.has(key)) pages.set(key, []);
              pages.get(key)!.push(asRows(target.typeName, [row])[0]!);
            }
          }
          return keys.map((key) =>
            buildConnection(key.request, pages.get(requestKey(key)) ?? [], () =>
              counts(typeName, relationName).load(key),
            ),
          );
        },
        { cacheKeyFn: requestKey },
      );
    });
  return { byColumn, nested };
}

function groupByRequest(keys: readonly NestedKey[]): Map<string, NestedKey[]> {
  const groups = new Map<string, NestedKey[]>();
  for (const key of keys) {
    const signature = JSON.stringify(key.request);
    if (!groups.has(signature)) groups.set(signature, []);
    groups.get(signature)!.push(key);
  }
  return groups;
}
