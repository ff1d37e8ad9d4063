import { Prisma } from '../generated/prisma/client.js';
import type { SortKey } from './connectionArgs.js';
import { param } from './sqlValue.js';
import { col } from './specHelpers.js';

// Nulls sort as the greatest value in both directions (PostgreSQL's default), which the
// comparisons below rely on.

/** ORDER BY items for the keys over alias `alias`. */
export function orderByClause(keys: SortKey[], alias: string): Prisma.Sql {
  return Prisma.join(
    keys.map(
      (key) =>
        Prisma.sql`${col(alias, key.spec.column)} ${Prisma.raw(key.descending ? 'DESC NULLS FIRST' : 'ASC NULLS LAST')}`,
    ),
    ', ',
  );
}

/** The keys in reverse order, for paging backwards. */
export function reversed(keys: SortKey[]): SortKey[] {
  return keys.map((key) => ({ ...key, descending: !key.descending }));
}

/** A condition true for rows strictly after the cursor `values` in the order of `keys`. */
export function afterCursor(keys: SortKey[], values: unknown[], alias: string): Prisma.Sql {
  const alternatives = keys.map((key, i) => {
    const equalBefore = keys.slice(0, i).map((prior, j) => equals(prior, values[j], alias));
    return Prisma.join([...equalBefore, beyond(key, values[i], alias)], ' AND ');
  });
  return Prisma.sql`(${Prisma.join(
    alternatives.map((a) => Prisma.sql`(${a})`),
    ' OR ',
  )})`;
}

function equals(key: SortKey, value: unknown, alias: string): Prisma.Sql {
  const column = col(alias, key.spec.column);
  return value === null ? Prisma.sql`${column} IS NULL` : Prisma.sql`${column} = ${param(key.spec.kind, value)}`;
}

function beyond(key: SortKey, value: unknown, alias: string): Prisma.Sql {
  const column = col(alias, key.spec.column);
  if (key.descending) {
    return value === null ? Prisma.sql`${column} IS NOT NULL` : Prisma.sql`${column} < ${param(key.spec.kind, value)}`;
  }
  return value === null
    ? Prisma.sql`FALSE`
    : Prisma.sql`(${column} > ${param(key.spec.kind, value)} OR ${column} IS NULL)`;
}
