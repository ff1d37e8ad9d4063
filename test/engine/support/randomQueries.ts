import {
  buildSchema,
  getNamedType,
  type GraphQLObjectType,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import type { EntitySpec } from '../../../src/engine/entitySpec.js';
import { orderFieldValue } from '../../../src/engine/entitySpec.js';
import { entitySpec } from '../../../src/engine/specRegistry.js';
import { typeDefs } from '../../../src/schema/typeDefs.js';

const schema = buildSchema(typeDefs);

/** A seeded PRNG (mulberry32): the same seed draws the same queries in every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const some = <T>(random: Random, items: readonly T[], share: number): T[] => items.filter(() => random() < share);

function leafFields(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .filter((field) => field.args.length === 0 && isLeafType(getNamedType(field.type)))
    .map((field) => field.name);
}

function connectionArgs(random: Random, spec: EntitySpec): string {
  const args: string[] = [];
  const size = Math.floor(random() * 4);
  const backward = random() < 0.25;
  args.push(`${backward ? 'last' : 'first'}: ${size}`);
  const fields = Object.keys(spec.fields);
  if (random() < 0.6) {
    const field = pick(random, fields);
    args.push(`orderBy: [{ field: ${orderFieldValue(field)}, direction: ${random() < 0.5 ? 'ASC' : 'DESC'} }]`);
  }
  if (random() < 0.4) {
    const field = pick(
      random,
      fields.filter((name) => name !== 'id'),
    );
    const kind = spec.fields[field]!.kind;
    const test =
      kind === 'string' && random() < 0.5
        ? `contains: "${pick(random, ['a', '1', '村', 'L'])}"`
        : `isNull: ${random() < 0.5}`;
    args.push(`where: { ${random() < 0.2 ? `NOT: { ${field}: { ${test} } }` : `${field}: { ${test} }`} }`);
  }
  return `(${args.join(', ')})`;
}

function objectSelection(random: Random, typeName: string, depth: number): string {
  const type = schema.getType(typeName) as GraphQLObjectType;
  const spec = entitySpec(typeName);
  const parts = ['id', ...some(random, leafFields(type), 0.35)];
  if (random() < 0.15) parts.push('__typename');
  if (depth < 2) {
    for (const [name, relation] of Object.entries(spec.relations)) {
      if (random() > 0.3) continue;
      if (relation.cardinality === 'one')
        parts.push(`${name} { ${objectSelection(random, relation.target, depth + 1)} }`);
      else
        parts.push(
          `${name}${connectionArgs(random, entitySpec(relation.target))} ${connectionSelection(random, relation.target, depth + 1)}`,
        );
    }
  }
  if (random() < 0.1) parts.push(`alias_${Math.floor(random() * 100)}: id`);
  return [...new Set(parts)].join(' ');
}

function connectionSelection(random: Random, typeName: string, depth: number): string {
  const parts: string[] = [];
  if (random() < 0.7) parts.push(`nodes { ${objectSelection(random, typeName, depth)} }`);
  if (random() < 0.4) parts.push(`edges { cursor node { ${objectSelection(random, typeName, depth)} } }`);
  if (random() < 0.4) parts.push('pageInfo { hasNextPage hasPreviousPage startCursor endCursor }');
  if (random() < 0.3) parts.push('totalCount');
  if (parts.length === 0) parts.push('totalCount');
  return `{ ${parts.join(' ')} }`;
}

/** Root connection fields of Query and their entity types, as the generator draws them. */
export const rootConnections: Record<string, string> = {
  regions: 'Region',
  villages: 'Village',
  orgUnits: 'OrgUnit',
  initiatives: 'Initiative',
  campaigns: 'Campaign',
  enterprises: 'Enterprise',
  enterpriseLoans: 'EnterpriseLoan',
  impactRecords: 'ImpactRecord',
  lprRates: 'LprRate',
};

/** `count` random nested queries drawn from `seed`: random selections, page sizes, filters and orders. */
export function randomQueries(seed: number, count: number): string[] {
  const random = prng(seed);
  const queries: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const roots = Object.entries(rootConnections);
    const [field, typeName] = pick(random, roots);
    const spec = entitySpec(typeName);
    const second = random() < 0.2 ? ` other: ${pick(random, roots)[0]}(first: 2) { totalCount nodes { id } }` : '';
    queries.push(`{ ${field}${connectionArgs(random, spec)} ${connectionSelection(random, typeName, 0)}${second} }`);
  }
  return queries;
}

/** Whether a GraphQL type is a scalar or enum (for tests listing fields). */
export const isLeaf = (type: unknown) =>
  isScalarType(type) || isEnumType(type) || isListType(type) || isNonNullType(type);
