import type { Database } from '../../db/client.js';
import type { AccessScope } from '../auth/index.js';
import { Prisma } from '../../generated/prisma/client.js';
import { badInput } from '../../engine/badInput.js';
import { compileWhere, aliasSource, type WhereInput } from '../../engine/compileWhere.js';
import { decodeCursor, encodeCursor } from '../../engine/cursor.js';
import { readModel } from '../../engine/specRegistry.js';
import { entitySpec } from '../entities.js';
import { factSelect } from './factColumns.js';
import type { FactRow } from './factQuery.js';
import { impactFactSource, loanFactSource, type FactSource } from './factSources.js';
import { checkedFirst } from './limits.js';
import { runSql } from './runSql.js';

/** Most changes or deletions one page returns. */
export const maxChangePage = 5_000;

/** Arguments of `loanFactChanges` and `impactFactChanges`. */
export interface FactChangesArgs {
  where?: WhereInput | null;
  first?: number | null;
  after?: string | null;
}

/** A page of facts in change order; each edge's cursor is its change cursor. */
export interface FactChangeConnection {
  edges: Array<{ cursor: string; changedAt: string; node: FactRow }>;
  nodes: FactRow[];
  pageInfo: PageInfo;
}

/** Arguments of `factDeletions`. */
export interface FactDeletionsArgs {
  kind: 'LOAN' | 'IMPACT';
  first?: number | null;
  after?: string | null;
}

/** A deleted fact: its id and when it was deleted. */
export interface FactDeletion {
  id: number;
  deletedAt: string;
}

/** A page of deleted fact ids in deletion order. */
export interface FactDeletionConnection {
  edges: Array<{ cursor: string; node: FactDeletion }>;
  nodes: FactDeletion[];
  pageInfo: PageInfo;
}

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

// Change times travel as text at the column's millisecond precision, so a cursor compares equal
// to the stored value it came from.
const changedAtText = `to_char(fc."changedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The (change time, id) a change cursor holds, or the start of the feed. */
function changePosition(after: string | null | undefined, signature: string): [string, number] {
  if (!after) return ['-infinity', 0];
  const [at, id] = decodeCursor(after, signature, 2, 'after');
  if (typeof at !== 'string' || !isoInstant.test(at) || !Number.isInteger(id) || (id as number) < 1)
    throw badInput('after', 'is not a cursor returned by this API.');
  return [at, id as number];
}

function pageInfo(cursors: string[], more: boolean, after: string | null | undefined): PageInfo {
  return {
    hasNextPage: more,
    hasPreviousPage: Boolean(after),
    startCursor: cursors[0] ?? null,
    endCursor: cursors.at(-1) ?? null,
  };
}

/**
 * SQL of one change page: facts joined to their change rows, in (changedAt, id) order after the
 * cursor, limited to `scope` and `where`. The index on (kind, deleted, changedAt, factId) drives
 * it, so a page reads about `limit` index entries wherever the cursor sits.
 * @throws GraphQLError BAD_USER_INPUT naming the `where` path.
 */
export function factChangePageSql(
  source: FactSource,
  where: WhereInput | null | undefined,
  scope: AccessScope,
  position: [string, number],
  limit: number,
): Prisma.Sql {
  const condition = compileWhere(entitySpec(source.whereType), where, source.alias, 'where', aliasSource(scope));
  const select = Prisma.raw(source.columns.map(factSelect).join(',\n'));
  return Prisma.sql`SELECT ${Prisma.raw(changedAtText)} AS "__changedAt", ${select}
    FROM ${Prisma.raw(source.from)}
    JOIN "FactChange" fc ON fc."kind" = ${source.kind} AND NOT fc."deleted" AND fc."factId" = ${Prisma.raw(`${source.alias}."id"`)}
    WHERE (fc."changedAt", fc."factId") > (CAST(${position[0]} AS timestamptz), ${position[1]}) AND ${condition}
    ORDER BY fc."changedAt", fc."factId" LIMIT ${limit}`;
}

async function factChanges(
  db: Database,
  source: FactSource,
  args: FactChangesArgs,
  scope: AccessScope,
): Promise<FactChangeConnection> {
  const first = checkedFirst(args.first, 1_000, maxChangePage);
  const signature = `${source.kind}-changes`;
  const position = changePosition(args.after, signature);
  const rows = await runSql<FactRow & { __changedAt: string }>(
    db,
    factChangePageSql(source, args.where, scope, position, first + 1),
  );
  const idColumn = source.columns[0]?.name ?? 'id';
  const edges = rows.slice(0, first).map(({ __changedAt, ...node }) => ({
    cursor: encodeCursor(signature, [__changedAt, node[idColumn]]),
    changedAt: __changedAt,
    node,
  }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: pageInfo(
      edges.map((edge) => edge.cursor),
      rows.length > first,
      args.after,
    ),
  };
}

/**
 * Loan fact rows in the order they last changed (any value in the row, borrower, unit, region and
 * campaign renames included), after the change cursor `after`: each changed row once per page walk.
 * @throws GraphQLError BAD_USER_INPUT naming `first`, `after` or the `where` path.
 */
export function loanFactChanges(
  db: Database,
  args: FactChangesArgs,
  scope: AccessScope,
): Promise<FactChangeConnection> {
  return factChanges(db, loanFactSource, args, scope);
}

/**
 * Impact fact rows in the order they last changed, after the change cursor `after`.
 * @throws GraphQLError BAD_USER_INPUT naming `first`, `after` or the `where` path.
 */
export function impactFactChanges(
  db: Database,
  args: FactChangesArgs,
  scope: AccessScope,
): Promise<FactChangeConnection> {
  return factChanges(db, impactFactSource, args, scope);
}

/**
 * Ids of deleted loan or impact facts in deletion order after the cursor `after`. A scoped caller
 * sees the deletions booked in its subtree and those whose unit was unknown when deleted (ids only).
 * @throws GraphQLError BAD_USER_INPUT naming `first` or `after`.
 */
export async function factDeletions(
  db: Database,
  args: FactDeletionsArgs,
  scope: AccessScope,
): Promise<FactDeletionConnection> {
  const first = checkedFirst(args.first, 1_000, maxChangePage);
  const kind = args.kind === 'LOAN' ? loanFactSource.kind : impactFactSource.kind;
  const signature = `${kind}-deletions`;
  const position = changePosition(args.after, signature);
  const inScope =
    scope.orgUnitId === null
      ? Prisma.sql`TRUE`
      : Prisma.sql`(fc."orgUnitId" IS NULL OR fc."orgUnitId" IN ${readModel().orgUnitSubtree(scope.orgUnitId)})`;
  const rows = await runSql<{ id: number; deletedAt: string }>(
    db,
    Prisma.sql`SELECT fc."factId" AS "id", ${Prisma.raw(changedAtText)} AS "deletedAt" FROM "FactChange" fc
      WHERE fc."kind" = ${kind} AND fc."deleted"
        AND (fc."changedAt", fc."factId") > (CAST(${position[0]} AS timestamptz), ${position[1]}) AND ${inScope}
      ORDER BY fc."changedAt", fc."factId" LIMIT ${first + 1}`,
  );
  const nodes = rows.slice(0, first).map((row) => ({ id: Number(row.id), deletedAt: row.deletedAt }));
  const edges = nodes.map((node) => ({ cursor: encodeCursor(signature, [node.deletedAt, node.id]), node }));
  return {
    edges,
    nodes,
    pageInfo: pageInfo(
      edges.map((edge) => edge.cursor),
      rows.length > first,
      args.after,
    ),
  };
}
