import { Prisma } from '../../generated/prisma/client.js';
import { col } from '../../engine/specHelpers.js';

/** One step of the fallback: a column of the loan, or a column of the row a loan column points at. */
type RegionStep = { column: string } | { through: string; table: string; column: string };

/**
 * Where a loan's money is used, first known wins: its stored region (a convenience copy), else its
 * site's region, else its borrower's head office. Declared once; the read engine's `inRegion`
 * filter compiles it to SQL ({@link loanRegionSql}) and `EnterpriseLoan.region` walks it through
 * the request's loaders (loans.resolvers.ts).
 */
export const loanRegionSteps: readonly RegionStep[] = Object.freeze([
  { column: 'regionId' },
  { through: 'siteId', table: 'EnterpriseSite', column: 'regionId' },
  { through: 'enterpriseId', table: 'Enterprise', column: 'headOfficeRegionId' },
]);

/** The SQL expression of {@link loanRegionSteps} for the loan row aliased `alias`. */
export function loanRegionSql(alias: string): Prisma.Sql {
  const steps = loanRegionSteps.map((step, index) =>
    'through' in step
      ? Prisma.sql`(SELECT ${col(`r${index}`, step.column)} FROM ${Prisma.raw(`"${step.table}"`)} ${Prisma.raw(`"r${index}"`)} WHERE ${col(`r${index}`, 'id')} = ${col(alias, step.through)})`
      : col(alias, step.column),
  );
  return Prisma.sql`COALESCE(${Prisma.join(steps)})`;
}

/**
 * The condition that the loan aliased `alias` lies in one of `regions` (a subquery of region ids)
 * by {@link loanRegionSteps}: true exactly when {@link loanRegionSql} is one of them, false
 * otherwise (never null). Step by step, "this step knows a region among them, or knows none and a
 * later step does", so a loan with a stored region is decided by its own column and only loans
 * without one take the fallback (each through step a hashed set of the rows it points at; the
 * foreign keys guarantee those rows exist). For a `narrow` subtree (a county or below) the stored
 * column is compared with `= ANY` of an array, which its index serves inside the OR; a prefecture
 * or province holds so many loans that a hashed set probed while scanning them is cheaper
 * (bench/support/biScoped.ts: 28 against 87 ms for a county, 150 against 105 ms for a prefecture).
 */
export function loanInRegionsSql(alias: string, regions: Prisma.Sql, narrow: boolean): Prisma.Sql {
  return inRegionsFrom(0, alias, regions, narrow);
}

function inRegionsFrom(index: number, alias: string, regions: Prisma.Sql, narrow: boolean): Prisma.Sql {
  const step = loanRegionSteps[index]!;
  let known: Prisma.Sql;
  let unknown: Prisma.Sql;
  if ('through' in step) {
    const through = col(alias, step.through);
    const rows = (where: Prisma.Sql) =>
      Prisma.sql`(SELECT ${col(`r${index}`, 'id')} FROM ${Prisma.raw(`"${step.table}" "r${index}"`)} WHERE ${where})`;
    known = Prisma.sql`(${through} IS NOT NULL AND ${through} IN ${rows(Prisma.sql`${col(`r${index}`, step.column)} IN ${regions}`)})`;
    unknown = Prisma.sql`(${through} IS NULL OR ${through} IN ${rows(Prisma.sql`${col(`r${index}`, step.column)} IS NULL`)})`;
  } else {
    const column = col(alias, step.column);
    const among = narrow ? Prisma.sql`= ANY(ARRAY${regions})` : Prisma.sql`IN ${regions}`;
    known = Prisma.sql`(${column} IS NOT NULL AND ${column} ${among})`;
    unknown = Prisma.sql`${column} IS NULL`;
  }
  if (index === loanRegionSteps.length - 1) return known;
  return Prisma.sql`(${known} OR (${unknown} AND ${inRegionsFrom(index + 1, alias, regions, narrow)}))`;
}

/**
 * The region id of `loan` by {@link loanRegionSteps}, loading the rows a step goes through with
 * `load(table, id)`; null when no step knows it.
 */
export async function loanRegionId(
  loan: Record<string, unknown>,
  load: (table: string, id: number) => Promise<Record<string, unknown> | null>,
): Promise<number | null> {
  for (const step of loanRegionSteps) {
    if (!('through' in step)) {
      if (loan[step.column] != null) return loan[step.column] as number;
      continue;
    }
    const id = loan[step.through];
    const row = id == null ? null : await load(step.table, id as number);
    if (row?.[step.column] != null) return row[step.column] as number;
  }
  return null;
}
