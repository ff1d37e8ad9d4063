import type { Database } from '../../db/client.js';
import type { AccessScope } from '../auth/index.js';
import type { GroupPageInfo } from './groupKeyset.js';
import { Prisma } from '../../generated/prisma/client.js';
import { aliasSource, compileWhere } from '../../engine/compileWhere.js';
import { entitySpec } from '../entities.js';
import { groupByClause, keySelect, type Dimension, type JoinTable } from './grouping.js';
import type { Measure } from './measures.js';
import { dateBuckets, regionDimensions, regionJoins } from './regionColumns.js';
import { runSql } from './runSql.js';
import { runStatistics, type StatisticsArgs, type StatisticsGroup } from './runStatistics.js';

/** Joins initiative statistics may need, over the initiative aliased `n`; its region is its owner unit's. */
export const initiativeJoins: JoinTable = [
  ['orgUnit', `LEFT JOIN "OrgUnit" o ON o."id" = n."ownerOrgUnitId"`],
  ...regionJoins('o."regionId"').map(([name, sql, requires]) => [name, sql, requires ?? 'orgUnit'] as const),
];

/** The whitelist of InitiativeDimension values; region dimensions are the owner unit's region. */
export const initiativeDimensions: Readonly<Record<string, Dimension>> = {
  ...regionDimensions,
  CATEGORY: { joins: [], keys: [{ field: 'category', sql: 'n."category"::text' }] },
  STATUS: { joins: [], keys: [{ field: 'status', sql: 'n."status"::text' }] },
  ORG_UNIT: {
    joins: ['orgUnit'],
    groupBy: ['o."id"'],
    keys: [
      { field: 'orgUnitCode', sql: 'o."code"' },
      { field: 'orgUnitName', sql: 'o."name"' },
      { field: 'orgUnitNameZh', sql: 'o."nameZh"' },
    ],
  },
  ...dateBuckets('start', 'START', 'n."startDate"'),
};

/** The measures of an initiative group; a null budget adds nothing and is counted apart. */
export const initiativeMeasures: Readonly<Record<string, Measure>> = {
  initiativeCount: { sql: 'count(*)', type: 'int' },
  budgetedCount: { sql: 'count(n."budget")', type: 'int' },
  budget: { sql: 'COALESCE(sum(n."budget"), 0.00)', type: 'decimal' },
};

/** The sum of one metric kind (in one unit) over a group's initiatives. */
export interface MetricSum {
  metric: string;
  unit: string;
  value: string;
  recordCount: number;
  approximateCount: number;
}

/**
 * Count and budget of the initiatives within `scope` matching `where` (an InitiativeWhere) per combination of
 * `groupBy`, each group with the sums of its initiatives' metrics per metric kind and unit
 * (a second statement). Cumulative and periodic figures are summed alike: filter by period first.
 * @throws GraphQLError BAD_USER_INPUT naming the argument for an unknown dimension or measure,
 * a bad filter, or `first` out of range.
 */
export async function initiativeStatistics(
  db: Database,
  args: StatisticsArgs,
  scope: AccessScope,
): Promise<{ groups: Array<StatisticsGroup & { metrics: MetricSum[] }>; groupCount: number; pageInfo: GroupPageInfo }> {
  const source = {
    from: '"Initiative" n',
    alias: 'n',
    whereType: 'Initiative',
    dimensions: initiativeDimensions,
    joins: initiativeJoins,
    measures: initiativeMeasures,
  };
  const { groups, groupCount, pageInfo, grouping } = await runStatistics(db, source, args, scope);
  const where = compileWhere(entitySpec('Initiative'), args.where, 'n', 'where', aliasSource(scope));
  const keys = grouping.keys;
  const rows = await runSql<Record<string, unknown>>(
    db,
    Prisma.sql`SELECT ${Prisma.join([
      ...keySelect(keys),
      Prisma.raw(
        `m."metric"::text AS "metric", m."unit"::text AS "unit", COALESCE(sum(m."value"), 0.00)::text AS "value"`,
      ),
      Prisma.raw(
        `count(m."value")::int AS "recordCount", (count(*) FILTER (WHERE m."approximate"))::int AS "approximateCount"`,
      ),
    ])}
      FROM "Initiative" n JOIN "InitiativeMetric" m ON m."initiativeId" = n."id" ${grouping.joins}
      WHERE ${where}
      ${groupByClause([...grouping.groupBy, 'm."metric"', 'm."unit"'])}
      ORDER BY "metric", "unit"`,
  );
  const id = (row: Record<string, unknown>) => JSON.stringify(keys.map((k) => row[k.field] ?? null));
  const metrics = new Map<string, MetricSum[]>();
  for (const row of rows) {
    const list = metrics.get(id(row)) ?? [];
    list.push({
      metric: row.metric as string,
      unit: row.unit as string,
      value: row.value as string,
      recordCount: row.recordCount as number,
      approximateCount: row.approximateCount as number,
    });
    metrics.set(id(row), list);
  }
  return { groups: groups.map((g) => ({ ...g, metrics: metrics.get(id(g.key)) ?? [] })), groupCount, pageInfo };
}
