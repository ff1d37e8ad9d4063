import { createHash } from 'node:crypto';
import { Prisma } from '../../generated/prisma/client.js';
import { badInput } from '../../engine/badInput.js';
import { decodeCursor, encodeCursor } from '../../engine/cursor.js';
import type { OrderItem, StatisticsOrder } from './measures.js';

/** Where a page of groups sits: Relay's PageInfo. */
export interface GroupPageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** Name of the output column holding the value of ORDER BY item `i`. */
export const orderColumn = (i: number) => `_o${i}`;

/**
 * A fingerprint of what orders the groups (the statistics, its groupBy and orderBy): a cursor is
 * only valid for a query ordered alike, because its values are the ORDER BY values of its last
 * group. It names no SQL, so a page read from a rollup and the next one read from the rows agree.
 */
export function orderSignature(
  kind: string,
  groupBy: readonly string[],
  orderBy: readonly StatisticsOrder[] | null | undefined,
): string {
  const order = (orderBy ?? []).map((o) => `${o.measure ?? ''}/${o.dimension ?? ''}/${o.direction ?? 'ASC'}`);
  const text = `${kind}|${groupBy.join(',')}|${order.join(',')}`;
  return createHash('sha256').update(text).digest('base64url').slice(0, 12);
}

/** The cursor of a group: its ORDER BY values as text (null stays null). */
export function groupCursor(signature: string, row: Record<string, unknown>, order: readonly OrderItem[]): string {
  return encodeCursor(
    signature,
    order.map((_, i) => {
      const value = row[orderColumn(i)];
      return value === null || value === undefined ? null : String(value);
    }),
  );
}

/**
 * The condition selecting the groups after the cursor `after`, over the ORDER BY value columns
 * of a subquery aliased `g` (or the expressions `columnOf` gives): a lexicographic comparison in which null sorts as the largest value
 * (ASC NULLS LAST, DESC NULLS FIRST). Values are bound parameters, typed by the column they meet.
 * @throws GraphQLError BAD_USER_INPUT naming `argument` for a malformed cursor or one from another
 * statistics query or ordering.
 */
export function afterCondition(
  after: string | null | undefined,
  signature: string,
  order: readonly OrderItem[],
  argument = 'after',
  columnOf: (i: number) => Prisma.Sql = (i) => Prisma.raw(`g."${orderColumn(i)}"`),
): Prisma.Sql {
  if (after === null || after === undefined) return Prisma.sql`TRUE`;
  const values = decodeCursor(after, signature, order.length, argument);
  if (!values.every((v) => v === null || typeof v === 'string'))
    throw badInput(argument, 'is not a cursor returned by this API.');
  const alternatives: Prisma.Sql[] = [];
  const equalSoFar: Prisma.Sql[] = [];
  order.forEach((item, i) => {
    const column = columnOf(i);
    const value = values[i] as string | null;
    const beyond =
      value === null
        ? item.descending
          ? Prisma.sql`${column} IS NOT NULL`
          : null
        : item.descending
          ? Prisma.sql`${column} < ${value}`
          : Prisma.sql`(${column} > ${value} OR ${column} IS NULL)`;
    if (beyond) alternatives.push(Prisma.join([...equalSoFar, beyond], ' AND '));
    equalSoFar.push(value === null ? Prisma.sql`${column} IS NULL` : Prisma.sql`${column} = ${value}`);
  });
  return alternatives.length ? Prisma.sql`(${Prisma.join(alternatives, ' OR ')})` : Prisma.sql`FALSE`;
}

/** The ORDER BY clause over the value columns of the subquery `g`. */
export function outerOrder(order: readonly OrderItem[]): Prisma.Sql {
  if (!order.length) return Prisma.empty;
  const items = order.map(
    (item, i) => `g."${orderColumn(i)}" ${item.descending ? 'DESC NULLS FIRST' : 'ASC NULLS LAST'}`,
  );
  return Prisma.raw(`ORDER BY ${items.join(', ')}`);
}
