import { Prisma } from '../../generated/prisma/client.js';
import type { FieldKind } from '../entitySpec.js';
import { NotCompilable } from './compileContext.js';

/** A JSON string no compiled value can be: marks a place where the executed path would raise an error. */
export const violationMarker = '__dishui_compiled_violation__';

/** The marker as a SQL json value. */
export const violationSql = Prisma.raw(`to_json(CAST('${violationMarker}' AS text))`);

/** How a leaf value is rendered: the GraphQL scalar or enum it is served as. */
export type LeafKind = 'String' | 'Int' | 'Boolean' | 'Decimal' | 'Date' | 'DateTime' | 'Enum';

/** A SQL string literal of trusted text (type names, signatures): quotes doubled. */
export function literal(text: string): Prisma.Sql {
  return Prisma.raw(`'${text.replaceAll("'", "''")}'`);
}

// json_build_object takes at most 100 arguments: 50 keys and their values.
const MAX_KEYS = 50;

/**
 * A json_build_object of `pairs` (response key, value), keys in their order.
 * @throws NotCompilable for more than 50 keys.
 */
export function jsonBuildObject(pairs: ReadonlyArray<readonly [key: string, value: Prisma.Sql]>): Prisma.Sql {
  if (pairs.length > MAX_KEYS) throw new NotCompilable(`more than ${MAX_KEYS} fields in one object`);
  if (pairs.length === 0) return Prisma.sql`json_build_object()`;
  return Prisma.sql`json_build_object(${Prisma.join(
    pairs.map(([key, value]) => Prisma.sql`${literal(key)}, ${value}`),
    ', ',
  )})`;
}

/** base64url without padding of the UTF-8 bytes of a text expression, as Buffer's 'base64url'. */
export function base64urlSql(text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`translate(rtrim(replace(encode(convert_to(${text}, 'UTF8'), 'base64'), chr(10), ''), '='), '+/', '-_')`;
}

/** The global ID of a row as toGlobalId makes it. */
export function globalIdSql(typeName: string, id: Prisma.Sql): Prisma.Sql {
  return base64urlSql(Prisma.sql`${literal(`${typeName}:`)} || CAST(${id} AS text)`);
}

/**
 * A leaf column rendered exactly as the API's scalar serialises it (see src/schema/scalars.ts):
 * decimals at their column's scale (as src/schema/decimalScales.ts restores them), dates as `YYYY-MM-DD`,
 * instants as `toISOString()` in UTC with milliseconds.
 */
export function leafSql(kind: LeafKind, value: Prisma.Sql): Prisma.Sql {
  switch (kind) {
    case 'Decimal':
      return Prisma.sql`CAST(${value} AS text)`;
    case 'Date':
      return Prisma.sql`to_char(${value}, 'YYYY-MM-DD')`;
    case 'DateTime':
      return Prisma.sql`to_char(${value} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    default:
      return value;
  }
}

/** The JSON text of one sort value as toWire and JSON.stringify put it in a cursor. */
function cursorValueSql(kind: FieldKind, value: Prisma.Sql): Prisma.Sql {
  if (kind === 'id' || kind === 'int' || kind === 'boolean')
    return Prisma.sql`COALESCE(CAST(${value} AS text), 'null')`;
  const text =
    kind === 'decimal'
      ? Prisma.sql`CAST(trim_scale(${value}) AS text)` // cursors keep Decimal.js's toFixed(), without trailing zeros
      : kind === 'date'
        ? leafSql('Date', value)
        : kind === 'datetime'
          ? leafSql('DateTime', value)
          : Prisma.sql`CAST(${value} AS text)`;
  return Prisma.sql`COALESCE(CAST(to_json(${text}) AS text), 'null')`;
}

/** The cursor encodeCursor(signature, values) makes for a row, built in SQL. */
export function cursorSql(signature: string, keys: { kind: FieldKind; value: Prisma.Sql }[]): Prisma.Sql {
  const parts = keys.map((key) => cursorValueSql(key.kind, key.value));
  if (parts.length === 0) return base64urlSql(literal(JSON.stringify({ s: signature, v: [] })));
  const json = Prisma.sql`${literal(`{"s":${JSON.stringify(signature)},"v":[`)} || ${Prisma.join(parts, ` || ',' || `)} || ']}'`;
  return base64urlSql(json);
}
