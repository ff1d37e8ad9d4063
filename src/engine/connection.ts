import type { PageRequest } from './connectionArgs.js';
import { encodeCursor } from './cursor.js';
import { toWire } from './sqlValue.js';

/** A row as the engine returns it: the table's columns plus its GraphQL type name. */
export type Row = Record<string, unknown> & { id: number; __typename: string };

/** What a connection field resolves to; `totalCount` runs its query only when asked for. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

/** The cursor of `row` in the ordering of `request`. */
export function cursorOf(request: PageRequest, row: Record<string, unknown>): string {
  return encodeCursor(
    request.signature,
    request.keys.map((key) => toWire(key.spec.kind, row[key.spec.column])),
  );
}

/**
 * Builds a connection from rows fetched with limit + 1 in the direction of the request (one extra
 * row tells whether another page exists).
 */
export function buildConnection<T extends Record<string, unknown>>(
  request: PageRequest,
  fetched: T[],
  totalCount: () => Promise<number>,
): Connection<T> {
  const more = fetched.length > request.limit;
  const page = fetched.slice(0, request.limit);
  if (request.backward) page.reverse();
  const edges = page.map((node) => ({ cursor: cursorOf(request, node), node }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: request.backward ? request.before !== null : more,
      hasPreviousPage: request.backward ? more : request.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => (counted ??= totalCount()),
  };
}
