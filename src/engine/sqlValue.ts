import { Prisma } from '../generated/prisma/client.js';
import type { FieldKind } from './entitySpec.js';

/** The SQL type a parameter of this kind is cast to, so both drivers bind it the same way. */
export function sqlType(kind: FieldKind): string {
  if (typeof kind === 'object') return `"${kind.enum}"`;
  return {
    id: 'int',
    int: 'int',
    decimal: 'numeric',
    date: 'date',
    datetime: 'timestamptz',
    string: 'text',
    boolean: 'boolean',
  }[kind];
}

/** One bound parameter, cast to its column's type. */
export function param(kind: FieldKind, value: unknown): Prisma.Sql {
  return Prisma.sql`CAST(${toWire(kind, value)} AS ${Prisma.raw(sqlType(kind))})`;
}

/** An array parameter, cast to an array of its column's type. */
export function arrayParam(kind: FieldKind, values: unknown[]): Prisma.Sql {
  const wire = values.map((value) => toWire(kind, value));
  // PGlite cannot serialise a parameter typed as an array of an enum, so an enum list travels as
  // text[] and PostgreSQL casts it; every other type has a driver encoding of its own.
  if (typeof kind === 'object') return Prisma.sql`CAST(CAST(${wire} AS text[]) AS ${Prisma.raw(`${sqlType(kind)}[]`)})`;
  return Prisma.sql`CAST(${wire} AS ${Prisma.raw(`${sqlType(kind)}[]`)})`;
}

/** A value as the string or number the driver binds: dates as ISO text, decimals as text. */
export function toWire(kind: FieldKind, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return kind === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}
