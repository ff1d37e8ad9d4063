import type { Database } from '../../db/client.js';
import type { AccessScope } from '../auth/index.js';
import { badInput } from '../../engine/badInput.js';
import { decodeCursor, encodeCursor } from '../../engine/cursor.js';
import { compileFactQuery, readFactPage, type FactFilter, type FactRow } from './factQuery.js';
import { impactFactSource, loanFactSource, type FactSource } from './factSources.js';
import { checkedFirst } from './limits.js';

/** Most fact rows one page returns. */
export const maxFactPage = 5_000;

/** Arguments of `loanFacts` and `impactFacts`. */
export interface FactsArgs extends FactFilter {
  first?: number | null;
  after?: string | null;
}

/** A Relay connection of flat fact rows. */
export interface FactConnection {
  edges: Array<{ cursor: string; node: FactRow }>;
  nodes: FactRow[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

async function facts(db: Database, source: FactSource, args: FactsArgs, scope: AccessScope): Promise<FactConnection> {
  const first = checkedFirst(args.first, 1_000, maxFactPage);
  const signature = source.kind;
  const after = args.after ? Number(decodeCursor(args.after, signature, 1, 'after')[0]) : 0;
  if (!Number.isInteger(after) || after < 0) throw badInput('after', 'is not a cursor returned by this API.');
  const query = compileFactQuery(source, args, scope);
  const rows = await readFactPage(db, query, after, first + 1);
  const page = rows.slice(0, first);
  const idColumn = source.columns[0]!.name;
  const edges = page.map((node) => ({ cursor: encodeCursor(signature, [node[idColumn]]), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * One keyset page (by loan id) of flat loan rows within `scope` matching the connections' filter.
 * @throws GraphQLError BAD_USER_INPUT naming `first`, `after`, `updatedSince` or the `where` path.
 */
export function loanFacts(db: Database, args: FactsArgs, scope: AccessScope): Promise<FactConnection> {
  return facts(db, loanFactSource, args, scope);
}

/**
 * One keyset page (by record id) of flat impact rows within `scope` matching the ImpactRecord filter.
 * @throws GraphQLError BAD_USER_INPUT naming `first`, `after`, `updatedSince` or the `where` path.
 */
export function impactFacts(db: Database, args: FactsArgs, scope: AccessScope): Promise<FactConnection> {
  return facts(db, impactFactSource, args, scope);
}
