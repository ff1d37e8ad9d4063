import { Prisma } from '../../generated/prisma/client.js';
import {
  jsonObjectSql,
  NotCompilable,
  type RootCompiler,
  type RootFieldRequest,
  type SelectedField,
} from '../../engine/compile/index.js';
import { cursorSql } from '../../engine/compile/render.js';
import type { AccessScope } from '../auth/index.js';
import { orderColumn, outerOrder } from './groupKeyset.js';
import { impactStatisticsSource, renamedImpactKeys } from './impactStatistics.service.js';
import { loanStatisticsSource } from './loanStatistics.service.js';
import { monthCellsAreCountiesSql } from './loanRollups.js';
import { planStatistics, type StatisticsArgs, type StatisticsSource } from './runStatistics.js';

/**
 * The JSON of a statistics root field (`LoanStatistics`, `ImpactStatistics`) built by PostgreSQL
 * from the same SQL parts as the executed service (planStatistics), so a large answer is neither
 * parsed into rows nor walked field by field by graphql-js. `keyColumns` maps a key field onto the
 * column it is read from, for renamed fields.
 * @throws what planStatistics throws, and NotCompilable for a field this does not render: the
 * operation is then executed, and reports it.
 */
function statisticsSql(
  source: StatisticsSource,
  request: RootFieldRequest,
  args: StatisticsArgs,
  keyColumns: Readonly<Record<string, string>>,
): Prisma.Sql {
  const plan = planStatistics(source, args, scopeOf(request), request.aliases);
  const grouped = new Set(plan.grouping.keys.map((key) => key.field));
  const cursor = cursorSql(
    plan.signature,
    plan.order.map((_, i) => ({ kind: 'string', value: Prisma.raw(`p."${orderColumn(i)}"`) })),
  );
  const keyValue = (field: SelectedField) => {
    const column = keyColumns[field.name] ?? field.name;
    return grouped.has(column) ? Prisma.raw(`p."${column}"`) : Prisma.sql`NULL::text`;
  };
  const groupValue = (field: SelectedField) => {
    if (field.name === 'key') return jsonObjectSql(field.selection!, keyValue);
    if (!plan.measures.includes(field.name)) throw new NotCompilable(`measure ${field.name} is not computed here`);
    return Prisma.raw(`p."${field.name}"`);
  };
  const pageInfoValue = (field: SelectedField): Prisma.Sql => {
    switch (field.name) {
      case 'hasNextPage':
        return Prisma.sql`((SELECT count(*) FROM p) > ${plan.first})`;
      case 'hasPreviousPage':
        return Prisma.raw(args.after ? 'TRUE' : 'FALSE');
      case 'startCursor':
        return Prisma.sql`(SELECT ${cursor} FROM p WHERE p."_n" = 1)`;
      case 'endCursor':
        return Prisma.sql`(SELECT ${cursor} FROM p WHERE p."_n" <= ${plan.first} ORDER BY p."_n" DESC LIMIT 1)`;
      default:
        throw new NotCompilable(`PageInfo.${field.name}`);
    }
  };
  const value = (field: SelectedField): Prisma.Sql => {
    switch (field.name) {
      case 'groups':
        return Prisma.sql`(SELECT COALESCE(json_agg(${jsonObjectSql(field.selection!, groupValue)} ORDER BY p."_n"), '[]'::json)
          FROM p WHERE p."_n" <= ${plan.first})`;
      case 'groupCount':
        return plan.holdsEveryGroup ? Prisma.sql`(SELECT count(*)::int FROM g)` : Prisma.sql`(${plan.count})`;
      case 'pageInfo':
        return jsonObjectSql(field.selection!, pageInfoValue);
      default:
        throw new NotCompilable(`${request.selection.typeName}.${field.name}`);
    }
  };
  // g: every group (counted for groupCount); p: the page and one more (hasNextPage), numbered in order.
  return Prisma.sql`(WITH g AS (${plan.groups()}),
    p AS (SELECT g.*, row_number() OVER (${outerOrder(plan.order)}) AS "_n" FROM g
      WHERE ${plan.after} ${outerOrder(plan.order)} LIMIT ${plan.first + 1})
    SELECT ${jsonObjectSql(request.selection, value)})`;
}

// The engine hands back the scope the server put in the context: the auth module's, with its roles.
const scopeOf = (request: RootFieldRequest) => request.scope as AccessScope;

/** The measures the caller selected of the groups, as the resolvers pass them to the services. */
function withSelectedMeasures(request: RootFieldRequest): StatisticsArgs {
  const groups = request.selection.fields.filter((field) => field.name === 'groups');
  const measures = groups.flatMap((field) => (field.selection?.fields ?? []).map((f: SelectedField) => f.name));
  return { ...(request.args as StatisticsArgs), measures: [...new Set(measures)] };
}

/**
 * Root compilers of the statistics whose answers can be large (10,000 groups): each compiles to one
 * statement. A loan request the month rollup answers only when every cell is a county checks that
 * inside the statement (only the branch taken runs).
 */
export const statisticsCompilers: Readonly<Record<string, RootCompiler>> = {
  loanStatistics: (request) => {
    const args = withSelectedMeasures(request);
    const { source, unless } = loanStatisticsSource(args, scopeOf(request));
    const answer = statisticsSql(source, request, args, {});
    if (!unless) return answer;
    return Prisma.sql`CASE WHEN ${Prisma.raw(monthCellsAreCountiesSql)} THEN ${answer} ELSE ${statisticsSql(unless, request, args, {})} END`;
  },
  impactStatistics: (request) =>
    statisticsSql(impactStatisticsSource, request, withSelectedMeasures(request), renamedImpactKeys),
};
