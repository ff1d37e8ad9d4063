import { badInput } from './badInput.js';
import type { EntitySpec, FieldSpec } from './entitySpec.js';
import { orderFieldValue } from './entitySpec.js';
import { decodeCursor } from './cursor.js';
import type { WhereInput } from './compileWhere.js';

/** Page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 50;
/** Largest `first` or `last` accepted. */
export const MAX_PAGE_SIZE = 500;

/** The arguments every connection field takes. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  where?: WhereInput | null;
  orderBy?: { field: string; direction?: 'ASC' | 'DESC' | null }[] | null;
}

/** One sort key: a field and its direction. */
export interface SortKey {
  field: string;
  spec: FieldSpec;
  descending: boolean;
}

/** Connection arguments checked and resolved against an entity's spec. */
export interface PageRequest {
  limit: number;
  backward: boolean;
  keys: SortKey[];
  /** A string naming the sort, stored in cursors so a cursor only fits the ordering it came from. */
  signature: string;
  after: unknown[] | null;
  before: unknown[] | null;
  where: WhereInput | null;
}

/**
 * Checks connection arguments: page size within 0..MAX_PAGE_SIZE, not both `first` and `last`,
 * cursors made by this connection for this ordering.
 * @throws GraphQLError BAD_USER_INPUT naming the argument at fault.
 */
export function resolvePageRequest(spec: EntitySpec, args: ConnectionArgs): PageRequest {
  if (args.first != null && args.last != null) throw badInput('last', 'give either "first" or "last", not both.');
  const backward = args.last != null;
  const sizeArgument = backward ? 'last' : 'first';
  const limit = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badInput(sizeArgument, `must be between 0 and ${MAX_PAGE_SIZE}; got ${limit}.`);
  }
  const keys = sortKeys(spec, args.orderBy ?? []);
  const signature = `${spec.typeName}(${keys.map((key) => `${key.field}${key.descending ? '-' : '+'}`).join(',')})`;
  const read = (argument: 'after' | 'before') => {
    const cursor = args[argument];
    return cursor == null ? null : decodeCursor(cursor, signature, keys.length, argument);
  };
  return { limit, backward, keys, signature, after: read('after'), before: read('before'), where: args.where ?? null };
}

// The fields of each spec by their order enum value (CONTRACT_DATE → contractDate), built once.
const fieldsByOrderValue = new WeakMap<EntitySpec, ReadonlyMap<string, string>>();

function orderValues(spec: EntitySpec): ReadonlyMap<string, string> {
  let byValue = fieldsByOrderValue.get(spec);
  if (!byValue) {
    byValue = new Map(Object.keys(spec.fields).map((field) => [orderFieldValue(field), field]));
    fieldsByOrderValue.set(spec, byValue);
  }
  return byValue;
}

function sortKeys(spec: EntitySpec, orderBy: NonNullable<ConnectionArgs['orderBy']>): SortKey[] {
  const byValue = orderValues(spec);
  const keys: SortKey[] = orderBy.map((order, i) => {
    const field = byValue.get(order.field);
    if (!field) throw badInput(`orderBy[${i}].field`, `${spec.typeName} cannot be ordered by ${order.field}.`);
    return { field, spec: spec.fields[field]!, descending: order.direction === 'DESC' };
  });
  // The primary key breaks ties, so every row has exactly one place and cursors are stable.
  if (!keys.some((key) => key.field === 'id')) keys.push({ field: 'id', spec: spec.fields.id!, descending: false });
  return keys;
}
