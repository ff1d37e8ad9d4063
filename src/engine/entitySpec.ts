import type { Prisma } from '../generated/prisma/client.js';

/** How a column is typed, which fixes its filter operators, SQL casts and cursor encoding. */
export type FieldKind = 'id' | 'string' | 'int' | 'decimal' | 'date' | 'datetime' | 'boolean' | { enum: string };

/** A column that `where` can filter on and `orderBy` can sort by. */
export interface FieldSpec {
  column: string;
  kind: FieldKind;
  description: string;
  /** A text[] column whose elements a name filter matches too (Traditional spellings, old names). */
  aliasesColumn?: string;
}

/** A relation: to-one through a column of this table, to-many through the target's column or a link table. */
export type RelationSpec =
  | {
      cardinality: 'one';
      target: string;
      column: string;
      description: string;
      /**
       * SQL giving the target row's id for the row aliased `alias`, when the field's resolver
       * computes it rather than reading `column` (the loan's region fallback): the read compiler
       * joins on it, so the field compiles.
       */
      key?: (alias: string) => Prisma.Sql;
    }
  | { cardinality: 'many'; target: string; foreignKey: string; description: string }
  | {
      cardinality: 'many';
      target: string;
      /** SQL selecting rows (child, parent): each target row id linked to each owner id. */
      link: Prisma.Sql;
      description: string;
    };

/** Everything the SQL compiler needs to know about one entity (one table, one GraphQL type). */
export interface EntitySpec {
  typeName: string;
  table: string;
  fields: Record<string, FieldSpec>;
  relations: Record<string, RelationSpec>;
  /**
   * SQL expression giving the id of the region a row lies in, for the `inRegion` subtree filter;
   * `alias` is the row's table alias.
   */
  regionId?: (alias: string) => Prisma.Sql;
  /**
   * The condition that the row aliased `alias` lies in one of `regions` (a subquery of region ids),
   * true exactly when `regionId` is one of them, in a form indexes serve; `inRegion` uses it
   * instead of comparing `regionId` when given. `narrow` says the subtree is a county or below
   * (a small share of the rows, worth an index), else a prefecture or province.
   */
  inRegions?: (alias: string, regions: Prisma.Sql, narrow: boolean) => Prisma.Sql;
  /** The roles that may read rows of this type at all; every role when not given. */
  readers?: readonly string[];
  /**
   * How a row reaches the bank's org-unit tree: a condition over the row aliased `alias`, true when
   * the row belongs to one of the units `units` (a subquery of unit ids) selects. Types without it
   * (regions, villages, campaigns, LPR fixings) are reference data every branch shares.
   */
  inScope?: (alias: string, units: Prisma.Sql) => Prisma.Sql;
  /**
   * SQL of leaf fields whose resolver computes them in TypeScript, giving for the row aliased
   * `alias` exactly the value the resolver returns (rendered as the field's GraphQL type): the read
   * compiler uses it, so those fields compile instead of falling back to the resolver.
   */
  computedSql?: Readonly<Record<string, (alias: string) => Prisma.Sql>>;
  /** Plain lists of rows (no connection) a resolver computes in TypeScript, by field name, in SQL. */
  computedLists?: Readonly<Record<string, ComputedListSpec>>;
}

/**
 * A list field of rows of `target` in SQL, giving exactly the rows and order its resolver returns:
 * the read compiler builds it as a JSON array, so the field compiles.
 */
export interface ComputedListSpec {
  target: string;
  /** The condition tying target rows aliased `inner` to the owner row aliased `alias`. */
  where: (alias: string, inner: string) => Prisma.Sql;
  /** The order of the list, over target rows aliased `inner`. */
  order: (inner: string) => Prisma.Sql;
}

/** The GraphQL enum value of an order field: `contractDate` becomes `CONTRACT_DATE`. */
export function orderFieldValue(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
