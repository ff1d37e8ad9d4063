import { Prisma } from '../generated/prisma/client.js';
import type { AccessScope } from './accessScope.js';
import { badInput } from './badInput.js';
import type { EntitySpec, FieldSpec } from './entitySpec.js';
import { rowIdOf } from './globalId.js';
import { arrayParam, param } from './sqlValue.js';
import { assertMayUseField } from './fieldAccess.js';
import { scopeCondition } from './scopeCondition.js';
import { entitySpec } from './specRegistry.js';
import { col } from './specHelpers.js';

/** A `where` input as GraphQL hands it over: field filters, relation filters, AND/OR/NOT. */
export type WhereInput = Record<string, unknown>;
type Operators = Record<string, unknown>;

/**
 * What one statement is compiled for: table aliases unique within it, and the caller's scope,
 * which every row the statement reads (relation filters included) must be within.
 */
export interface AliasSource {
  next(): string;
  readonly scope: AccessScope;
}

/** A fresh alias source for one statement run for `scope`. */
export function aliasSource(scope: AccessScope): AliasSource {
  let n = 0;
  return { next: () => `t${++n}`, scope };
}

/**
 * Compiles a `where` input of `spec` into one SQL condition over the row aliased `alias`, ANDed
 * with the scope of `aliases` (see scopeCondition.ts): rows outside it never match, and a
 * relation filter only looks at related rows inside it, so no filter can probe hidden rows.
 * Every value is a bound parameter; identifiers come only from the specs.
 * @throws GraphQLError BAD_USER_INPUT naming the argument path (e.g. `where.enterprise.id.eq`).
 */
export function compileWhere(
  spec: EntitySpec,
  where: WhereInput | null | undefined,
  alias: string,
  path: string,
  aliases: AliasSource,
): Prisma.Sql {
  return Prisma.sql`(${scopeCondition(spec, alias, aliases.scope)} AND ${compileFilter(spec, where, alias, path, aliases)})`;
}

function compileFilter(
  spec: EntitySpec,
  where: WhereInput | null | undefined,
  alias: string,
  path: string,
  aliases: AliasSource,
): Prisma.Sql {
  if (!where) return Prisma.sql`TRUE`;
  const parts: Prisma.Sql[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    const at = `${path}.${key}`;
    if (key === 'AND' || key === 'OR') {
      const list = (value as WhereInput[]).map((item, i) => compileFilter(spec, item, alias, `${at}[${i}]`, aliases));
      if (list.length === 0) parts.push(Prisma.sql`${key === 'AND' ? Prisma.sql`TRUE` : Prisma.sql`FALSE`}`);
      else parts.push(Prisma.sql`(${Prisma.join(list, key === 'AND' ? ' AND ' : ' OR ')})`);
    } else if (key === 'NOT') {
      parts.push(Prisma.sql`NOT COALESCE(${compileFilter(spec, value as WhereInput, alias, at, aliases)}, FALSE)`);
    } else if (key === 'inRegion') {
      parts.push(inRegion(spec, value as string, alias, at, aliases));
    } else if (spec.fields[key]) {
      assertMayUseField(spec.typeName, key, aliases.scope, at);
      parts.push(compileField(spec, spec.fields[key], value as Operators, alias, at));
    } else if (spec.relations[key]) {
      parts.push(compileRelation(spec, key, value as WhereInput, alias, at, aliases));
    } else {
      throw badInput(at, `${spec.typeName} cannot be filtered by "${key}".`);
    }
  }
  return parts.length === 0 ? Prisma.sql`TRUE` : Prisma.sql`(${Prisma.join(parts, ' AND ')})`;
}

function inRegion(spec: EntitySpec, code: string, alias: string, at: string, aliases: AliasSource): Prisma.Sql {
  if (!spec.regionId) throw badInput(at, `${spec.typeName} has no region.`);
  if (!/^\d{2,12}$/.test(code)) throw badInput(at, `"${code}" is not an NBS region code (2 to 12 digits).`);
  const r = aliases.next();
  // NBS codes nest by prefix, so a subtree is every region whose code starts with the given one.
  if (spec.inRegions) {
    const regions = Prisma.sql`(SELECT ${col(r, 'id')} FROM "Region" ${Prisma.raw(`"${r}"`)} WHERE starts_with(${col(r, 'code')}, ${code}))`;
    // A county's code has 6 digits; its subtree holds a small share of the rows.
    return spec.inRegions(alias, regions, code.length >= 6);
  }
  return Prisma.sql`EXISTS (SELECT 1 FROM "Region" ${Prisma.raw(`"${r}"`)} WHERE ${col(r, 'id')} = ${spec.regionId(alias)} AND starts_with(${col(r, 'code')}, ${code}))`;
}

function compileField(spec: EntitySpec, field: FieldSpec, ops: Operators, alias: string, at: string): Prisma.Sql {
  const column = col(alias, field.column);
  const parts: Prisma.Sql[] = [];
  const value = (op: string, raw: unknown) =>
    field.kind === 'id' ? rowIdOf(String(raw), spec.typeName, `${at}.${op}`) : raw;
  // A name matches its aliases too: a positive test passes when the name or any alias passes it.
  const test = (make: (expr: Prisma.Sql) => Prisma.Sql) => {
    if (!field.aliasesColumn) return make(column);
    const aliasColumn = col(alias, field.aliasesColumn);
    const array = field.aliasesColumn === 'aliases' ? aliasColumn : Prisma.sql`ARRAY[${aliasColumn}]`;
    return Prisma.sql`(${make(column)} OR EXISTS (SELECT 1 FROM unnest(${array}) AS a(v) WHERE ${make(Prisma.raw('a.v'))}))`;
  };
  for (const [op, raw] of Object.entries(ops)) {
    if (raw === null || raw === undefined) continue;
    const comparisons: Record<string, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };
    if (op === 'eq') parts.push(test((e) => Prisma.sql`${e} = ${param(field.kind, value(op, raw))}`));
    else if (op === 'in' || op === 'notIn') {
      const list = (raw as unknown[]).map((item, i) =>
        field.kind === 'id' ? rowIdOf(String(item), spec.typeName, `${at}.${op}[${i}]`) : item,
      );
      const hit = test((e) => Prisma.sql`${e} = ANY(${arrayParam(field.kind, list)})`);
      parts.push(op === 'in' ? hit : Prisma.sql`NOT COALESCE(${hit}, FALSE)`);
    } else if (comparisons[op]) {
      parts.push(Prisma.sql`${column} ${Prisma.raw(comparisons[op])} ${param(field.kind, raw)}`);
    } else if (op === 'contains') {
      parts.push(test((e) => Prisma.sql`strpos(lower(${e}), lower(${String(raw)})) > 0`));
    } else if (op === 'startsWith') {
      parts.push(test((e) => Prisma.sql`starts_with(lower(${e}), lower(${String(raw)}))`));
    } else if (op === 'isNull') {
      parts.push(raw ? Prisma.sql`${column} IS NULL` : Prisma.sql`${column} IS NOT NULL`);
    } else {
      throw badInput(`${at}.${op}`, `unknown operator "${op}".`);
    }
  }
  return parts.length === 0 ? Prisma.sql`TRUE` : Prisma.join(parts, ' AND ');
}

function compileRelation(
  spec: EntitySpec,
  name: string,
  where: WhereInput,
  alias: string,
  at: string,
  aliases: AliasSource,
): Prisma.Sql {
  const relation = spec.relations[name]!;
  const target = entitySpec(relation.target);
  const x = aliases.next();
  const from = Prisma.raw(`"${target.table}" "${x}"`);
  const visible = scopeCondition(target, x, aliases.scope);
  if (relation.cardinality === 'one') {
    const inner = compileFilter(target, where, x, at, aliases);
    return Prisma.sql`EXISTS (SELECT 1 FROM ${from} WHERE ${col(x, 'id')} = ${col(alias, relation.column)} AND ${visible} AND ${inner})`;
  }
  // Quantifiers range over the related rows the caller may see: `every` ignores hidden ones.
  const linked = (condition: Prisma.Sql) => {
    if ('foreignKey' in relation) {
      return Prisma.sql`EXISTS (SELECT 1 FROM ${from} WHERE ${col(x, relation.foreignKey)} = ${col(alias, 'id')} AND ${visible} AND ${condition})`;
    }
    const l = aliases.next();
    return Prisma.sql`EXISTS (SELECT 1 FROM (${relation.link}) ${Prisma.raw(`"${l}"`)} JOIN ${from} ON ${col(x, 'id')} = ${col(l, 'child')} WHERE ${col(l, 'parent')} = ${col(alias, 'id')} AND ${visible} AND ${condition})`;
  };
  const parts: Prisma.Sql[] = [];
  for (const [quantifier, inner] of Object.entries(where)) {
    if (inner === null || inner === undefined) continue;
    const condition = compileFilter(target, inner as WhereInput, x, `${at}.${quantifier}`, aliases);
    if (quantifier === 'some') parts.push(linked(condition));
    else if (quantifier === 'none') parts.push(Prisma.sql`NOT ${linked(condition)}`);
    else if (quantifier === 'every')
      parts.push(Prisma.sql`NOT ${linked(Prisma.sql`NOT COALESCE(${condition}, FALSE)`)}`);
    else throw badInput(`${at}.${quantifier}`, 'use some, none or every.');
  }
  return parts.length === 0 ? Prisma.sql`TRUE` : Prisma.join(parts, ' AND ');
}
